// Canned replies (快捷回复) and each store's chat settings (docs/chat.md).
#include <limits>

#include "chat/api/route_support.hpp"
#include "chat/app/canned.hpp"
#include "chat/app/chat_settings.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

json opt_id(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }

json render_canned(const chat::CannedReply& r) {
  return {{"id", r.id},
          {"store_id", opt_id(r.store_id)},
          {"owner_id", opt_id(r.owner_id)},
          {"shortcut", r.shortcut},
          {"title", r.title},
          {"body", r.body},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at},
          {"created_by", r.created_by}};
}

// The API key is never sent back: "••••" and, for a key long enough that it gives little
// away, its last four characters (as consoles of model providers show them).
std::string masked(const std::string& key) {
  if (key.empty()) return "";
  return key.size() >= 16 ? "••••" + key.substr(key.size() - 4) : "••••";
}

json render_settings(const chat::Settings& s) {
  auto out = chat_support::targets_json(s);
  out["store_id"] = s.store_id;
  out["idle_end_minutes"] = s.idle_end_minutes;
  out["welcome"] = s.welcome;
  out["offline_text"] = s.offline_text;
  out["bot_queues"] = s.bot_queues;
  out["bot_answer"] = s.bot_answer;
  out["bot_suggest"] = s.bot_suggest;
  const auto& g = s.generative;
  out["generative"] = {{"enabled", g.enabled},
                       {"base_url", g.base_url},
                       {"model", g.model},
                       {"timeout_ms", g.timeout_ms},
                       {"api_key_set", !g.api_key.empty()},
                       {"api_key_masked", masked(g.api_key)}};
  return out;
}

app::CannedInput canned_from(const json& b) {
  return {.store_id = maybe_int(b, "store_id"),
          .shortcut = req_string(b, "shortcut"),
          .title = req_string(b, "title"),
          .body = req_string(b, "body")};
}

// An int field; a number beyond int's range becomes -1, which the bounds refuse.
int small_int(const json& b, const char* field) {
  const auto v = req_int(b, field);
  return v < 0 || v > std::numeric_limits<int>::max() ? -1 : static_cast<int>(v);
}

// A probability field; absent: the default. Not a number: invalid_field.
double probability(const json& b, const char* field, double fallback) {
  auto it = b.find(field);
  if (it == b.end() || it->is_null()) return fallback;
  if (!it->is_number())
    throw make_error(errors::kInvalidField, {{"field", field}, {"problem", Text("应为数字", "it must be a number")}},
                     field);
  return it->get<double>();
}

// generative: {enabled, base_url, model, api_key?, timeout_ms?}; absent: off. api_key absent
// or null keeps the stored key (the console never has it); "" removes it.
chat::Generative generative_of(const json& b, bool& keep_api_key) {
  keep_api_key = true;
  auto it = b.find("generative");
  if (it == b.end() || it->is_null()) return {};
  if (!it->is_object())
    throw make_error(errors::kInvalidField,
                     {{"field", "generative"}, {"problem", Text("应为对象", "it must be an object")}}, "generative");
  const auto& g = *it;
  chat::Generative out{.enabled = chat_support::opt_bool(g, "enabled"),
                       .base_url = opt_string(g, "base_url"),
                       .model = opt_string(g, "model")};
  if (auto key = g.find("api_key"); key != g.end() && !key->is_null()) {
    keep_api_key = false;
    out.api_key = opt_string(g, "api_key");
  }
  if (g.contains("timeout_ms")) out.timeout_ms = small_int(g, "timeout_ms");
  return out;
}

// queue_targets: {"returns": {"first_reply_seconds": 120, "reply_gap_seconds": 300}, …};
// absent or {}: no queue has its own. The queue codes and bounds are the use case's checks.
std::map<std::string, chat::ReplyTargets> queue_targets_of(const json& b) {
  std::map<std::string, chat::ReplyTargets> out;
  auto it = b.find("queue_targets");
  if (it == b.end() || it->is_null()) return out;
  if (!it->is_object())
    throw make_error(errors::kInvalidField,
                     {{"field", "queue_targets"}, {"problem", Text("应为对象", "it must be an object")}},
                     "queue_targets");
  for (const auto& [queue, t] : it->items()) {
    if (!t.is_object())
      throw make_error(
          errors::kInvalidField,
          {{"field", "queue_targets"}, {"problem", Text("每个队列应为对象", "each queue must be an object")}},
          "queue_targets");
    out[queue] = {small_int(t, "first_reply_seconds"), small_int(t, "reply_gap_seconds")};
  }
  return out;
}

void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store_id = query_int(req, "store_id");
  auto q = req.query_value("q");
  read(s, req, reply, actor, [store_id, q](app::Context& c) {
    json items = json::array();
    for (const auto& r : app::list_canned(c, store_id, q)) items.push_back(render_canned(r));
    return ok(200, {{"items", items}});
  });
}

void create(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto in = canned_from(parse_object(req));
  write(s, req, std::move(reply), actor,
        [in](app::Context& c) { return ok(201, render_canned(app::create_canned(c, in))); });
}

void update(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto in = canned_from(parse_object(req));
  write(s, req, std::move(reply), actor,
        [id, in](app::Context& c) { return ok(200, render_canned(app::update_canned(c, id, in))); });
}

void remove(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id](app::Context& c) {
    app::delete_canned(c, id);
    return ok(200, {{"id", id}, {"deleted", true}});
  });
}

void get_settings(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ok(200, render_settings(app::get_chat_settings(c, id))); });
}

void put_settings(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  chat::Settings in{.store_id = path_id(req),
                    .idle_end_minutes = small_int(b, "idle_end_minutes"),
                    .first_reply_seconds = small_int(b, "first_reply_seconds"),
                    .reply_gap_seconds = small_int(b, "reply_gap_seconds"),
                    .welcome = opt_string(b, "welcome"),
                    .offline_text = opt_string(b, "offline_text"),
                    .queue_targets = queue_targets_of(b),
                    .bot_queues = string_list(b, "bot_queues"),
                    .bot_answer = probability(b, "bot_answer", chat::Settings{}.bot_answer),
                    .bot_suggest = probability(b, "bot_suggest", chat::Settings{}.bot_suggest)};
  bool keep_api_key = true;
  in.generative = generative_of(b, keep_api_key);
  write(s, req, std::move(reply), actor, [in, keep_api_key](app::Context& c) {
    return ok(200, render_settings(app::put_chat_settings(c, in, keep_api_key)));
  });
}

}  // namespace

void add_chat_canned_routes(RouteTable& r) {
  r.add("GET", "/api/v1/chat/canned", staff("agent", "chat:read"), list);
  r.add("POST", "/api/v1/chat/canned", staff("agent", "chat:write"), create);
  // The owner of a personal entry, or supervisor+ of the store for the store's entries.
  r.add("PUT", "/api/v1/chat/canned/{id}",
        staff("agent", "chat:write").on(Reach::canned_reply).owner_or_role("supervisor"), update);
  r.add("DELETE", "/api/v1/chat/canned/{id}",
        staff("agent", "chat:write").on(Reach::canned_reply).owner_or_role("supervisor"), remove);
  r.add("GET", "/api/v1/stores/{id}/chat-settings", staff("agent", "chat:read").on(Reach::store), get_settings);
  r.add("PUT", "/api/v1/stores/{id}/chat-settings", staff("supervisor", "chat:write").on(Reach::store), put_settings);
}

}  // namespace kefu::api
