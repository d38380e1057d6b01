// POST /auth/login, POST /auth/logout, GET /auth/me, GET /auth/session, POST /api-tokens.
#include "core/api/routes.hpp"
#include "auth/app/auth.hpp"
#include "auth/domain/password.hpp"
#include "core/api/error_mapping.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/api/render.hpp"

namespace kefu::api {
namespace {

// Verifying against a fixed hash when the user does not exist keeps the answer
// time the same, so response timing does not reveal which usernames exist.
const std::string& dummy_hash() {
  static const std::string h = people::hash_password("kefu-no-such-user");
  return h;
}

std::string session_cookie(const Services& s, const std::string& token, int64_t max_age_s) {
  return "kefu_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_s) +
         (s.secure_cookies ? "; Secure" : "");
}

void login(Services& s, http::Request& req, http::Reply reply) {
  auto body = parse_object(req);
  auto username = req_string(body, "username");
  auto password = req_string(body, "password");
  app::check_text("username", username, 40, true);
  app::check_text("password", password, 200, true);
  app::check_login_allowed(s.db.reader(), username, s.now_ms());
  auto staff = s.db.reader().get<storage::OrgStore>().staff_by_username(username);
  auto lang = req.header("accept-language");
  auto remote = req.remote;
  bool queued = s.workers.submit([&s, reply, staff, username, password, lang, remote]() mutable {
    bool password_ok = people::verify_password(password, staff ? staff->password_hash : dummy_hash());
    auto outcome = std::make_shared<std::optional<app::LoginOutcome>>();
    s.db.write(
        [&s, outcome, staff, username, password_ok, remote](storage::Stores& r) {
          auto now = s.now_ms();
          app::check_login_allowed(r, username, now);
          *outcome = app::finish_login(r, username, staff, password_ok, remote, now);
        },
        [&s, reply, outcome, lang](std::exception_ptr e) {
          if (!e && !*outcome) e = std::make_exception_ptr(app::invalid_credentials());
          if (e) return reply(error_response(lang, e));
          const auto& won = **outcome;
          auto r = ok(200, {{"token", won.token},
                            {"staff", render(app::actor_of(won.staff))},
                            {"expires_in", app::kSessionLifetimeMs / 1000}});
          r.set("Set-Cookie", session_cookie(s, won.token, app::kSessionLifetimeMs / 1000));
          reply(std::move(r));
        });
  });
  if (!queued)
    throw Error(Error::Kind::too_many, "busy", "登录请求过多，请稍后再试",
                "too many logins in progress; retry shortly");
}

void logout(Services& s, http::Request& req, http::Reply reply) {
  if (authenticate(s, req).via_token)
    throw invalid("Authorization", "API 令牌不能登出，请由管理员吊销",
                  "API tokens cannot log out; an admin revokes them", "not_a_session");
  auto token = request_token(req);
  s.auth_cache.evict(token);
  auto lang = req.header("accept-language");
  s.db.write([token](storage::Stores& r) { app::logout(r, token); },
             [&s, reply, lang, token](std::exception_ptr e) {
               if (e) return reply(error_response(lang, e));
               s.auth_cache.evict(token);  // again: a request racing the logout may have cached it
               auto r = ok(200, {{"ok", true}});
               r.set("Set-Cookie", session_cookie(s, "", 0));
               reply(std::move(r));
             });
}

void me(Services& s, http::Request& req, http::Reply reply) { reply(ok(200, render(authenticate(s, req)))); }

// For a page deciding whether to show the login form: 200 either way, so a browser
// does not log a failed request for a visitor who simply is not signed in.
void session(Services& s, http::Request& req, http::Reply reply) {
  if (request_token(req).empty()) return reply(ok(200, {{"authenticated", false}}));
  try {
    auto actor = authenticate(s, req);
    reply(ok(200, {{"authenticated", true}, {"staff", render(actor)}}));
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::unauthenticated) throw;
    reply(ok(200, {{"authenticated", false}}));
  }
}

void create_token(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto body = parse_object(req);
  app::NewApiToken in{req_string(body, "name"), req_int(body, "staff_id"), string_list(body, "scopes"),
                      maybe_time(body, "expires_at")};
  write(s, req, std::move(reply), actor, [in](app::Context& c) {
    auto token = app::create_api_token(c, in);
    return ok(201, {{"token", token}, {"name", in.name}, {"scopes", in.scopes}, {"staff_id", in.staff_id}});
  });
}

}  // namespace

void add_auth_routes(http::Router& r, Services& s) {
  r.add("POST", "/api/v1/auth/login", bind(s, login));
  r.add("POST", "/api/v1/auth/logout", bind(s, logout));
  r.add("GET", "/api/v1/auth/me", bind(s, me));
  r.add("GET", "/api/v1/auth/session", bind(s, session));
  r.add("POST", "/api/v1/api-tokens", bind(s, create_token));
}

}  // namespace kefu::api
