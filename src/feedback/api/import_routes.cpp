// The social-media import (docs/feedback.md): column mappings per source name, a file's
// preview, and the import. The file is the request body (CSV bytes as saved: UTF-8, UTF-16
// or GBK); it is read before the write, on the worker pool.
#include "core/api/import_json.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "feedback/app/feedback_import.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

json mapping_json(const storage::ImportMapping& m) {
  return {{"source_name", m.source_name},     {"text_column", m.text_column},     {"time_column", m.time_column},
          {"author_column", m.author_column}, {"rating_column", m.rating_column}, {"post_id_column", m.post_id_column},
          {"store_column", m.store_column},   {"store_id", or_null(m.store_id)},  {"updated_by", or_null(m.updated_by)},
          {"updated_at", m.updated_at}};
}

// GET /feedback/import-mappings
void mappings(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor, [](app::Context& c) {
    json items = json::array();
    for (const auto& m : app::list_import_mappings(c)) items.push_back(mapping_json(m));
    return ok(200, {{"items", items}});
  });
}

// PUT /feedback/import-mappings {source_name, text_column, time_column?, author_column?,
// rating_column?, post_id_column?, store_column?, store_id?}
void put_mapping(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  storage::ImportMapping m{req_string(b, "source_name"),   req_string(b, "text_column"),
                           opt_string(b, "time_column"),   opt_string(b, "author_column"),
                           opt_string(b, "rating_column"), opt_string(b, "post_id_column"),
                           opt_string(b, "store_column"),  maybe_int(b, "store_id")};
  write(s, req, std::move(reply), actor,
        [m](app::Context& c) { return ok(200, mapping_json(app::put_import_mapping(c, m))); });
}

// POST /feedback/imports/preview?source_name  (body: the file). Read on the worker pool (an
// XLSX is inflated) with that thread's reader for the mapping.
void preview(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto source_name = req.query_value("source_name");
  auto body = std::make_shared<std::string>(std::move(req.body));  // the read needs only the file
  read_on_worker(s, req, reply, actor, [source_name, body](app::Context& c) {
    const auto p = app::preview_import(c, source_name, app::read_import_table(*body));
    return ok(200, import_preview_json(p, mapping_json));
  });
}

json report_json(const app::ImportReport& r) {
  json skipped = json::array();
  for (const auto& x : r.skipped) skipped.push_back({{"line", x.line}, {"reason", x.reason}});
  return {{"source_name", r.source_name},
          {"format", r.format},
          {"encoding", r.encoding},
          {"rows", r.rows},
          {"added", r.added},
          {"duplicates", r.duplicates},
          {"skipped", skipped},
          {"item_ids", r.item_ids}};
}

// POST /feedback/imports?source_name&offset&limit  (body: the file, or a part of a CSV with
// the header line; offset/limit take a slice of the data rows: an XLSX sent in parts)
void import(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto source_name = req.query_value("source_name");
  const auto offset = query_int(req, "offset").value_or(0);
  const auto limit = query_int(req, "limit");
  auto body = std::make_shared<std::string>(std::move(req.body));
  write_after(
      s, req, std::move(reply), actor,
      [body, offset, limit] {
        auto table = std::make_shared<app::ImportTable>(app::read_import_table(*body));
        app::keep_rows(*table, offset, limit);
        return table;
      },
      [source_name](app::Context& c, const std::shared_ptr<app::ImportTable>& table) {
        return ok(200, report_json(app::import_social(c, source_name, *table)));
      });
}

}  // namespace

void add_feedback_import_routes(RouteTable& r) {
  const auto importer = staff("supervisor", "feedback:write");
  r.add("GET", "/api/v1/feedback/import-mappings", staff("agent", "feedback:read"), mappings);
  r.add("PUT", "/api/v1/feedback/import-mappings", importer, put_mapping);
  r.add("POST", "/api/v1/feedback/imports/preview", importer, preview);
  r.add("POST", "/api/v1/feedback/imports", importer, import);
}

}  // namespace kefu::api
