// Account life (issue 11, hole 8): one's own password and sessions; an admin's password
// reset, deactivation and session ending for staff; the list and revocation of API tokens.
// Whatever ends credentials clears this node's authentication cache (before and after the
// write: a request racing it may have cached the caller) and has the live streams check
// their credentials at once.
#include "auth/app/accounts.hpp"
#include "chat/api/chat_hub.hpp"
#include "core/api/error_mapping.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "org/api/render.hpp"

namespace kefu::api {
namespace {

http::Reply ending_credentials(Services& s, http::Reply reply) {
  s.auth_cache.clear();
  return [&s, reply = std::move(reply)](http::Response r) {
    if (r.status < 300) {
      s.auth_cache.clear();
      if (s.hub) s.hub->recheck();
      if (s.chat) s.chat->recheck();
    }
    reply(std::move(r));
  };
}

nlohmann::json render_token(const storage::ApiToken& t) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"id", t.id},
          {"name", t.name},
          {"staff_id", t.staff_id},
          {"scopes", t.scopes},
          {"created_at", t.created_at},
          {"expires_at", opt(t.expires_at)},
          {"revoked", t.revoked},
          {"revoked_at", opt(t.revoked_at)}};
}

void change_password(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto body = parse_object(req);
  auto current = req_string(body, "current_password"), next = req_string(body, "new_password");
  ignore_idempotency_key(req);  // the body holds passwords: never kept for replay
  write_after(
      s, req, ending_credentials(s, std::move(reply)), actor,
      [&s, actor, current, next] { return app::prepare_password_change(s.db.reader(), actor, current, next); },
      [token = request_token(req)](app::Context& c, const std::string& hash) {
        return ok(200, {{"ok", true}, {"other_sessions_ended", app::change_own_password(c, hash, token)}});
      });
}

void my_sessions(Services& s, http::Request& req, http::Reply reply) {
  read(s, req, reply, authenticate(s, req), [token = request_token(req)](app::Context& c) {
    auto items = nlohmann::json::array();
    for (const auto& v : app::my_sessions(c, token))
      items.push_back(
          {{"id", v.id}, {"created_at", v.created_at}, {"expires_at", v.expires_at}, {"current", v.current}});
    return ok(200, {{"items", items}});
  });
}

void end_other_sessions(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  write(s, req, ending_credentials(s, std::move(reply)), actor, [token = request_token(req)](app::Context& c) {
    return ok(200, {{"ended", app::end_my_other_sessions(c, token)}});
  });
}

void reset_password(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto password = req_string(parse_object(req), "password");
  ignore_idempotency_key(req);
  write_after(
      s, req, ending_credentials(s, std::move(reply)), actor,
      [&s, actor, id, password] { return app::prepare_password_reset(s.db.reader(), actor, id, password); },
      [id](app::Context& c, const std::string& hash) {
        return ok(200,
                  {{"id", id}, {"must_change_password", true}, {"sessions_ended", app::reset_password(c, id, hash)}});
      });
}

template <bool Active>
void set_active(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, ending_credentials(s, std::move(reply)), actor,
        [id](app::Context& c) { return ok(200, render(app::set_staff_active(c, id, Active))); });
}

void end_staff_sessions(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, ending_credentials(s, std::move(reply)), actor, [id](app::Context& c) {
    return ok(200, {{"id", id}, {"ended", app::end_staff_sessions(c, id)}});
  });
}

void list_tokens(Services& s, http::Request& req, http::Reply reply) {
  read(s, req, reply, authenticate(s, req), [](app::Context& c) {
    auto items = nlohmann::json::array();
    for (const auto& t : app::list_api_tokens(c)) items.push_back(render_token(t));
    return ok(200, {{"items", items}});
  });
}

void revoke_token(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, ending_credentials(s, std::move(reply)), actor,
        [id](app::Context& c) { return ok(200, render_token(app::revoke_api_token(c, id))); });
}

}  // namespace

void add_account_routes(RouteTable& r) {
  r.add("POST", "/api/v1/auth/password", any_staff(), change_password);
  r.add("GET", "/api/v1/auth/sessions", any_staff(), my_sessions);
  r.add("POST", "/api/v1/auth/sessions/end-others", any_staff(), end_other_sessions);
  r.add("POST", "/api/v1/staff/{id}/password", staff("admin", "admin"), reset_password);
  r.add("POST", "/api/v1/staff/{id}/deactivate", staff("admin", "admin"), set_active<false>);
  r.add("POST", "/api/v1/staff/{id}/reactivate", staff("admin", "admin"), set_active<true>);
  r.add("POST", "/api/v1/staff/{id}/sessions/end", staff("admin", "admin"), end_staff_sessions);
  r.add("GET", "/api/v1/api-tokens", staff("admin", "admin"), list_tokens);
  r.add("POST", "/api/v1/api-tokens/{id}/revoke", staff("admin", "admin"), revoke_token);
}

}  // namespace kefu::api
