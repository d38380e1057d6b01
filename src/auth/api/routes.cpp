// POST /auth/login, POST /auth/logout, GET /auth/me, GET /auth/session, POST /api-tokens.
#include "core/api/routes.hpp"
#include "auth/api/render.hpp"
#include "auth/app/accounts.hpp"
#include "auth/app/auth.hpp"
#include "auth/app/login.hpp"
#include "auth/domain/errors.hpp"
#include "chat/api/chat_hub.hpp"
#include "core/api/error_mapping.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/http/access_log.hpp"

namespace kefu::api {
namespace {

bool secure_cookie(const Services& s, const http::Request& req) {
  if (s.secure_cookies == "always") return true;
  if (s.secure_cookies == "never") return false;
  return !http::is_loopback(req.remote) || req.header("x-forwarded-proto") == "https";
}

std::string session_cookie(const std::string& token, int64_t max_age_s, bool secure) {
  return "kefu_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_s) +
         (secure ? "; Secure" : "");
}

void login(Services& s, http::Request& req, http::Reply reply) {
  auto body = parse_object(req);
  app::Credentials in{req_string(body, "username"), req_string(body, "password"), req.remote};
  auto lang = req.header("accept-language");
  const bool secure = secure_cookie(s, req);
  app::log_in(
      s.db, [&s](std::function<void()> work) { return s.workers.submit(std::move(work)); }, s.now_ms, std::move(in),
      [reply, lang, secure](std::exception_ptr e, const app::LoginOutcome* won) {
        if (e) return reply(error_response(lang, e));
        auto r = ok(200, {{"token", won->token},
                          {"staff", render(app::actor_of(won->staff))},
                          {"expires_in", app::kSessionLifetimeMs / 1000}});
        r.set("Set-Cookie", session_cookie(won->token, app::kSessionLifetimeMs / 1000, secure));
        reply(std::move(r));
      });
}

void logout(Services& s, http::Request& req, http::Reply reply) {
  if (authenticate(s, req).via_token) throw make_error(errors::kNotASession, {}, "Authorization");
  auto token = request_token(req);
  s.auth_cache.evict(token);
  auto lang = req.header("accept-language");
  const bool secure = secure_cookie(s, req);
  s.db.write([token](storage::Stores& r) { app::logout(r, token); },
             [&s, reply, lang, token, secure](std::exception_ptr e) {
               if (e) return reply(error_response(lang, e));
               s.auth_cache.evict(token);    // again: a request racing the logout may have cached it
               if (s.hub) s.hub->recheck();  // its live streams close
               if (s.chat) s.chat->recheck();
               auto r = ok(200, {{"ok", true}});
               r.set("Set-Cookie", session_cookie("", 0, secure));
               reply(std::move(r));
             });
}

// The caller, and whether an admin's reset makes them choose a new password first.
nlohmann::json render_me(Services& s, const people::Actor& actor) {
  auto j = render(actor);
  j["must_change_password"] = !actor.via_token && app::must_change_password(s.db.reader(), actor.staff_id);
  return j;
}

void me(Services& s, http::Request& req, http::Reply reply) { reply(ok(200, render_me(s, authenticate(s, req)))); }

// For a page deciding whether to show the login form: 200 either way, so a browser
// does not log a failed request for a visitor who simply is not signed in.
void session(Services& s, http::Request& req, http::Reply reply) {
  if (request_token(req).empty()) return reply(ok(200, {{"authenticated", false}, {"demo", s.demo}}));
  try {
    auto actor = authenticate(s, req);
    reply(ok(200, {{"authenticated", true}, {"demo", s.demo}, {"staff", render_me(s, actor)}}));
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::unauthenticated) throw;
    reply(ok(200, {{"authenticated", false}, {"demo", s.demo}}));
  }
}

void create_token(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto body = parse_object(req);
  app::NewApiToken in{req_string(body, "name"), req_int(body, "staff_id"), string_list(body, "scopes"),
                      maybe_time(body, "expires_at")};
  // The token is shown once and stored only as a digest: never as a replayable answer.
  ignore_idempotency_key(req);
  write(s, req, std::move(reply), actor, [in](app::Context& c) {
    auto token = app::create_api_token(c, in);
    return ok(201, {{"token", token}, {"name", in.name}, {"scopes", in.scopes}, {"staff_id", in.staff_id}});
  });
}

}  // namespace

void add_auth_routes(RouteTable& r) {
  r.add("POST", "/api/v1/auth/login", anyone(), login);
  r.add("POST", "/api/v1/auth/logout", any_staff(), logout);
  r.add("GET", "/api/v1/auth/me", any_staff(), me);
  r.add("GET", "/api/v1/auth/session", anyone(), session);
  r.add("POST", "/api/v1/api-tokens", staff("admin", "admin"), create_token);
}

}  // namespace kefu::api
