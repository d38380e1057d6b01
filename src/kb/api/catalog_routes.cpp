// The knowledge base's categories, synonym groups and small talk; import and export
// (docs/kb.md).
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "kb/api/rebuilding.hpp"
#include "kb/api/render.hpp"
#include "kb/app/kb_catalog.hpp"
#include "kb/app/kb_transfer.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

template <class T>
json items_of(const std::vector<T>& all, json (*render)(const T&)) {
  json items = json::array();
  for (const auto& x : all) items.push_back(render(x));
  return {{"items", items}};
}

http::Response deleted(int64_t id) { return ok(200, {{"id", id}, {"deleted", true}}); }

app::CategoryInput category_from(const json& b) {
  const auto position = maybe_int(b, "position").value_or(0);
  return {.parent_id = maybe_int(b, "parent_id"),
          .name = req_string(b, "name"),
          .position = static_cast<int>(std::clamp<int64_t>(position, -1000000, 1000000))};
}

void categories(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor,
       [](app::Context& c) { return ok(200, items_of(app::list_categories(c), kb_render::category)); });
}

void create_category(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto in = category_from(parse_object(req));
  write(s, req, std::move(reply), actor,
        [in](app::Context& c) { return ok(201, kb_render::category(app::create_category(c, in))); });
}

void update_category(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto in = category_from(parse_object(req));
  write(s, req, std::move(reply), actor,
        [id, in](app::Context& c) { return ok(200, kb_render::category(app::update_category(c, id, in))); });
}

void delete_category(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id](app::Context& c) {
    app::delete_category(c, id);
    return deleted(id);
  });
}

void synonyms(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor,
       [](app::Context& c) { return ok(200, items_of(app::list_synonyms(c), kb_render::synonyms)); });
}

void create_synonyms(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto words = string_list(parse_object(req), "words");
  write(s, req, rebuilding(s, std::move(reply)), actor,
        [words](app::Context& c) { return ok(201, kb_render::synonyms(app::create_synonyms(c, words))); });
}

void update_synonyms(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto words = string_list(parse_object(req), "words");
  write(s, req, rebuilding(s, std::move(reply)), actor,
        [id, words](app::Context& c) { return ok(200, kb_render::synonyms(app::update_synonyms(c, id, words))); });
}

void delete_synonyms(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, rebuilding(s, std::move(reply)), actor, [id](app::Context& c) {
    app::delete_synonyms(c, id);
    return deleted(id);
  });
}

void small_talk(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor,
       [](app::Context& c) { return ok(200, items_of(app::list_small_talk(c), kb_render::small_talk)); });
}

void create_small_talk(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto pattern = req_string(b, "pattern");
  auto text = req_string(b, "reply");
  write(s, req, rebuilding(s, std::move(reply)), actor, [pattern, text](app::Context& c) {
    return ok(201, kb_render::small_talk(app::create_small_talk(c, pattern, text)));
  });
}

void update_small_talk(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto pattern = req_string(b, "pattern");
  auto text = req_string(b, "reply");
  write(s, req, rebuilding(s, std::move(reply)), actor, [id, pattern, text](app::Context& c) {
    return ok(200, kb_render::small_talk(app::update_small_talk(c, id, pattern, text)));
  });
}

void delete_small_talk(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, rebuilding(s, std::move(reply)), actor, [id](app::Context& c) {
    app::delete_small_talk(c, id);
    return deleted(id);
  });
}

void import(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto format = req_string(b, "format");
  auto text = req_string(b, "text");
  write(s, req, rebuilding(s, std::move(reply)), actor,
        [format, text](app::Context& c) { return ok(200, kb_render::report(app::import_faqs(c, format, text))); });
}

void export_file(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto format = req.query_value("format");
  if (format.empty()) format = "jsonl";
  read(s, req, reply, actor, [format](app::Context& c) {
    auto body = app::export_faqs(c, format);
    auto r = format == "csv" ? http::Response::text(200, "\xEF\xBB\xBF" + body, "text/csv; charset=utf-8")
                             : http::Response::text(200, std::move(body), "application/x-ndjson; charset=utf-8");
    r.set("Content-Disposition", "attachment; filename=\"kb." + format + "\"");
    r.set("Cache-Control", "no-store");
    return r;
  });
}

}  // namespace

void add_kb_catalog_routes(RouteTable& r) {
  r.add("GET", "/api/v1/kb/categories", staff("agent", "kb:read"), categories);
  r.add("POST", "/api/v1/kb/categories", staff("admin", "kb:write"), create_category);
  r.add("PUT", "/api/v1/kb/categories/{id}", staff("admin", "kb:write"), update_category);
  r.add("DELETE", "/api/v1/kb/categories/{id}", staff("admin", "kb:write"), delete_category);
  r.add("GET", "/api/v1/kb/synonyms", staff("agent", "kb:read"), synonyms);
  r.add("POST", "/api/v1/kb/synonyms", staff("admin", "kb:write"), create_synonyms);
  r.add("PUT", "/api/v1/kb/synonyms/{id}", staff("admin", "kb:write"), update_synonyms);
  r.add("DELETE", "/api/v1/kb/synonyms/{id}", staff("admin", "kb:write"), delete_synonyms);
  r.add("GET", "/api/v1/kb/small-talk", staff("agent", "kb:read"), small_talk);
  r.add("POST", "/api/v1/kb/small-talk", staff("admin", "kb:write"), create_small_talk);
  r.add("PUT", "/api/v1/kb/small-talk/{id}", staff("admin", "kb:write"), update_small_talk);
  r.add("DELETE", "/api/v1/kb/small-talk/{id}", staff("admin", "kb:write"), delete_small_talk);
  r.add("POST", "/api/v1/kb/import", staff("admin", "kb:write"), import);
  r.add("GET", "/api/v1/kb/export", staff("agent", "kb:read"), export_file);
}

}  // namespace kefu::api
