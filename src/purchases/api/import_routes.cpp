// The POS import (docs/purchases.md): column mappings per source name, a file's preview,
// and the import of a part of the file. The file is the request body (CSV bytes as saved:
// UTF-8, UTF-16 or GBK; or XLSX); it is read before the write, on the worker pool.
#include "core/api/import_json.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/errors.hpp"
#include "purchases/app/pos_import.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

json mapping_json(const storage::PosImportMapping& m) {
  return {{"source_name", m.source_name},        {"columns", m.columns},
          {"store_id", or_null(m.store_id)},     {"categories", m.categories},
          {"updated_by", or_null(m.updated_by)}, {"updated_at", m.updated_at}};
}

std::map<std::string, std::string> string_map(const json& b, const char* field) {
  std::map<std::string, std::string> out;
  if (!b.contains(field) || b[field].is_null()) return out;
  if (!b[field].is_object())
    throw make_error(errors::kInvalidType, {{"field", field}, {"expected", Text("对象", "an object")}}, field);
  for (const auto& [k, v] : b[field].items()) {
    if (!v.is_string())
      throw make_error(errors::kInvalidType,
                       {{"field", std::string(field) + "." + k}, {"expected", Text("字符串", "a string")}},
                       std::string(field) + "." + k);
    out.emplace(k, v.get<std::string>());
  }
  return out;
}

// GET /purchases/import-mappings
void mappings(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor, [](app::Context& c) {
    json items = json::array();
    for (const auto& m : app::list_pos_mappings(c)) items.push_back(mapping_json(m));
    return ok(200, {{"items", items}});
  });
}

// PUT /purchases/import-mappings {source_name, columns: {field: column}, store_id?, categories?: {pos name: code}}
void put_mapping(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  storage::PosImportMapping m;
  m.source_name = req_string(b, "source_name");
  m.columns = string_map(b, "columns");
  m.store_id = maybe_int(b, "store_id");
  m.categories = string_map(b, "categories");
  write(s, req, std::move(reply), actor,
        [m](app::Context& c) { return ok(200, mapping_json(app::put_pos_mapping(c, m))); });
}

// POST /purchases/imports/preview?source_name  (body: the file)
void preview(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto source_name = req.query_value("source_name");
  auto body = std::make_shared<std::string>(std::move(req.body));
  read_on_worker(s, req, reply, actor, [source_name, body](app::Context& c) {
    const auto p = app::preview_pos_import(c, source_name, app::read_import_table(*body));
    return ok(200, import_preview_json(p, mapping_json));
  });
}

json report_json(const app::PosImportReport& r) {
  json rejected = json::array();
  for (const auto& x : r.rejected)
    rejected.push_back({{"line", x.line},
                        {"receipt_no", x.receipt_no},
                        {"code", x.code},
                        {"field", x.field},
                        {"message", {{"zh", x.message_zh}, {"en", x.message_en}}}});
  return {{"source_name", r.source_name},
          {"format", r.format},
          {"encoding", r.encoding},
          {"rows", r.rows},
          {"receipts", r.receipts},
          {"orders_added", r.orders_added},
          {"orders_on_file", r.orders_on_file},
          {"lines_added", r.lines_added},
          {"lines_on_file", r.lines_on_file},
          {"rejected", rejected},
          {"unmapped_categories", r.unmapped_categories}};
}

// POST /purchases/imports?source_name&offset&limit  (body: the file, or a part of a CSV
// with its header line; offset/limit take a slice of the data rows, widened so that no
// receipt is split)
void import(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto source_name = req.query_value("source_name");
  const auto offset = query_int(req, "offset").value_or(0);
  const auto limit = query_int(req, "limit");
  auto body = std::make_shared<std::string>(std::move(req.body));
  write_after(
      s, req, std::move(reply), actor,
      [body] { return std::make_shared<app::ImportTable>(app::read_import_table(*body)); },
      [source_name, offset, limit](app::Context& c, const std::shared_ptr<app::ImportTable>& table) {
        return ok(200, report_json(app::import_purchases(c, source_name, *table, offset, limit)));
      });
}

}  // namespace

void add_pos_import_routes(RouteTable& r) {
  const auto importer = staff("supervisor", "purchases:write");
  r.add("GET", "/api/v1/purchases/import-mappings", importer, mappings);
  r.add("PUT", "/api/v1/purchases/import-mappings", importer, put_mapping);
  r.add("POST", "/api/v1/purchases/imports/preview", importer, preview);
  r.add("POST", "/api/v1/purchases/imports", importer, import);
}

}  // namespace kefu::api
