// The knowledge base's entries: list and search, read, create, edit, publish, versions,
// bulk move and each store's own answer (docs/kb.md).
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "kb/api/rebuilding.hpp"
#include "kb/api/render.hpp"
#include "kb/app/kb_entries.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

app::FaqInput input_from(const json& b) {
  app::FaqInput in;
  in.external_id = maybe_string(b, "external_id");
  in.category_id = maybe_int(b, "category_id");
  in.content.question = req_string(b, "question");
  in.content.similar = string_list(b, "similar");
  in.content.answer = req_string(b, "answer");
  in.content.keywords = string_list(b, "keywords");
  in.content.audience = opt_string(b, "audience", "customer");
  in.content.valid_from = maybe_time(b, "valid_from");
  in.content.valid_to = maybe_time(b, "valid_to");
  in.base_updated_at = maybe_int(b, "updated_at");
  return in;
}

std::optional<std::string> query_text(const http::Request& req, const char* name) {
  auto v = req.query_value(name);
  if (v.empty()) return std::nullopt;
  return v;
}

void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::FaqQuery q{.text = req.query_value("q"),
                  .category_id = query_int(req, "category_id"),
                  .status = query_text(req, "status"),
                  .audience = query_text(req, "audience"),
                  .store_id = query_int(req, "store_id"),
                  .pending = req.query_value("pending") == "true",
                  .after_id = query_int(req, "after").value_or(0),
                  .limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(100), 1, 1000))};
  read(s, req, reply, actor, [q](app::Context& c) {
    json items = json::array();
    const auto found = app::list_faqs(c, q);
    for (const auto& f : found) items.push_back(kb_render::faq(f));
    json out{{"items", items}};
    out["next_after"] = static_cast<int>(found.size()) == q.limit ? json(found.back().id) : json(nullptr);
    return ok(200, out);
  });
}

void get(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ok(200, kb_render::faq(app::get_faq(c, id))); });
}

void create(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto in = input_from(parse_object(req));
  write(s, req, std::move(reply), actor,
        [in](app::Context& c) { return ok(201, kb_render::faq(app::create_faq(c, in))); });
}

void update(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto in = input_from(parse_object(req));
  write(s, req, std::move(reply), actor,
        [id, in](app::Context& c) { return ok(200, kb_render::faq(app::update_faq(c, id, in))); });
}

void remove(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, rebuilding(s, std::move(reply)), actor, [id](app::Context& c) {
    app::delete_faq(c, id);
    return ok(200, {{"id", id}, {"deleted", true}});
  });
}

void publish(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, rebuilding(s, std::move(reply)), actor,
        [id](app::Context& c) { return ok(200, kb_render::faq(app::publish_faq(c, id))); });
}

void discard(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor,
        [id](app::Context& c) { return ok(200, kb_render::faq(app::discard_draft(c, id))); });
}

void versions(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) {
    json items = json::array();
    for (const auto& v : app::faq_versions(c, id)) items.push_back(kb_render::version(v));
    return ok(200, {{"items", items}});
  });
}

void move(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto ids = int_list(b, "ids");
  auto category = maybe_int(b, "category_id");
  write(s, req, std::move(reply), actor, [ids, category](app::Context& c) {
    return ok(200, {{"moved", app::move_faqs(c, ids, category)}});
  });
}

void variant(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto entry = req_int(b, "entry_id");
  auto store = req_int(b, "store_id");
  auto answer = opt_string(b, "answer");
  write(s, req, rebuilding(s, std::move(reply)), actor, [entry, store, answer](app::Context& c) {
    return ok(200, kb_render::faq(app::put_variant(c, entry, store, answer)));
  });
}

}  // namespace

void add_kb_entry_routes(RouteTable& r) {
  r.add("GET", "/api/v1/kb/entries", staff("agent", "kb:read"), list);
  r.add("POST", "/api/v1/kb/entries", staff("admin", "kb:write"), create);
  r.add("POST", "/api/v1/kb/entries/move", staff("admin", "kb:write"), move);
  r.add("GET", "/api/v1/kb/entries/{id}", staff("agent", "kb:read"), get);
  r.add("PUT", "/api/v1/kb/entries/{id}", staff("admin", "kb:write"), update);
  r.add("DELETE", "/api/v1/kb/entries/{id}", staff("admin", "kb:write"), remove);
  r.add("POST", "/api/v1/kb/entries/{id}/publish", staff("admin", "kb:write"), publish);
  r.add("DELETE", "/api/v1/kb/entries/{id}/draft", staff("admin", "kb:write"), discard);
  r.add("GET", "/api/v1/kb/entries/{id}/versions", staff("agent", "kb:read"), versions);
  // A store's own answer: that store's supervisors and above (store_id in the body).
  r.add("PUT", "/api/v1/kb/variants", staff("supervisor", "kb:write").on(Reach::store), variant);
}

}  // namespace kefu::api
