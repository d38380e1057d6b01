#include "auth/app/auth.hpp"

#include "auth/domain/errors.hpp"
#include "auth/domain/password.hpp"
#include "auth/storage/auth_store.hpp"
#include "core/app/rate_limit.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "core/storage/platform_stores.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {

namespace {

constexpr int64_t kMinute = 60'000;

std::string pair_key(const std::string& username, const std::string& remote) {
  return "login:pair:" + remote + " " + username;
}
std::string address_key(const std::string& remote) { return "login:addr:" + remote; }
std::string account_key(const std::string& username) { return "login:account:" + username; }

limits::Policy pair_policy(int limit) {
  return {.limit = limit, .window_ms = kLoginWindowMs, .block_ms = 15 * kMinute, .max_block_ms = 240 * kMinute};
}
const limits::Policy kAddressPolicy{.limit = kLoginAddressFailures,
                                    .window_ms = kLoginWindowMs,
                                    .block_ms = 15 * kMinute,
                                    .max_block_ms = 1440 * kMinute};
const limits::Policy kAccountPolicy{.limit = kLoginAccountFailures,
                                    .window_ms = kLoginWindowMs,
                                    .block_ms = 15 * kMinute,
                                    .max_block_ms = 15 * kMinute};

void record_failure(storage::Stores& r, const std::string& username, const std::string& remote, int64_t now) {
  const bool under_attack = blocked_for(r, {{account_key(username), kAccountPolicy}}, now) > 0;
  hit_limits(
      r,
      {{pair_key(username, remote), pair_policy(under_attack ? kLoginPairFailuresUnderAttack : kLoginPairFailures)},
       {address_key(remote), kAddressPolicy},
       {account_key(username), kAccountPolicy}},
      now);
}

}  // namespace

void check_login_allowed(storage::Stores& r, const std::string& username, const std::string& remote, int64_t now) {
  check_limits(r,
               {{pair_key(username, remote), pair_policy(kLoginPairFailures)}, {address_key(remote), kAddressPolicy}},
               now, errors::kLoginLocked);
}

Error invalid_credentials() { return make_error(errors::kInvalidCredentials); }

std::optional<LoginOutcome> finish_login(storage::Stores& r, const std::string& username,
                                         const std::optional<people::Staff>& staff, bool password_ok,
                                         const std::string& remote, int64_t now) {
  if (!staff || !staff->active || !password_ok) {
    record_failure(r, username, remote, now);
    // What was typed is stored only when it names an account: a mistyped password in the
    // user-name field, or a stranger's guesses, are not kept.
    nlohmann::json after{{"remote", remote}};
    if (staff)
      after["username"] = staff->username;
    else
      after["unknown_username"] = true;
    r.get<storage::AuditStore>().append_audit(
        {0, staff ? staff->id : 0, "auth.login_failed", "staff", staff ? staff->id : 0, "", after.dump(), now});
    return std::nullopt;
  }
  auto token = people::new_token();
  r.get<storage::AuthStore>().insert_session(people::token_digest(token), staff->id, now, now + kSessionLifetimeMs);
  clear_limit(r, pair_key(username, remote));
  r.get<storage::AuditStore>().append_audit(
      {0, staff->id, "auth.login", "staff", staff->id, "", nlohmann::json{{"remote", remote}}.dump(), now});
  return LoginOutcome{token, *staff};
}

void logout(storage::Stores& r, const std::string& token) {
  r.get<storage::AuthStore>().delete_session(people::token_digest(token));
}

people::Actor actor_of(const people::Staff& s) {
  people::Actor a;
  a.staff_id = s.id;
  a.username = s.username;
  a.display_name = s.display_name;
  a.role = s.role;
  a.store_ids = s.store_ids;
  a.department_ids = s.department_ids;
  return a;
}

std::optional<people::Actor> resolve_actor(storage::Stores& r, const std::string& token, int64_t now) {
  if (token.empty() || token.size() > 256) return std::nullopt;
  auto digest = people::token_digest(token);
  if (auto staff_id = r.get<storage::AuthStore>().session_staff(digest, now)) {
    auto s = r.get<storage::OrgStore>().staff(*staff_id);
    if (!s || !s->active) return std::nullopt;
    return actor_of(*s);
  }
  if (auto t = r.get<storage::AuthStore>().api_token(digest, now)) {
    auto s = r.get<storage::OrgStore>().staff(t->staff_id);
    if (!s || !s->active) return std::nullopt;
    auto a = actor_of(*s);
    a.via_token = true;
    a.scopes = t->scopes;
    return a;
  }
  return std::nullopt;
}

std::string create_api_token(Context& c, const NewApiToken& in) {
  require_role(c.actor, "admin");
  check_text("name", in.name, 100, true);
  if (in.scopes.empty())
    throw make_error(errors::kRequired, {{"what", Text("权限范围（至少一个）", "at least one scope")}}, "scopes");
  for (const auto& s : in.scopes) check_enum("scopes", s, people::Scope::parse(s).has_value());
  if (in.expires_at && *in.expires_at <= c.now_ms)
    throw make_error(
        errors::kInvalidTime,
        {{"what", "expires_at"}, {"problem", Text("过期时间必须晚于当前时间", "it must be in the future")}},
        "expires_at");
  auto staff = c.store<storage::OrgStore>().staff(in.staff_id);
  if (!staff) throw make_error(errors::kUnknownReference, {{"what", Text("员工", "staff")}}, "staff_id");
  auto token = "kfk_" + people::new_token();
  storage::ApiToken t{0, in.name, in.staff_id, in.scopes, c.now_ms, in.expires_at, false};
  t.id = c.store<storage::AuthStore>().insert_api_token(t, people::token_digest(token));
  audit(c, "api_token.create", "api_token", t.id, nullptr,
        {{"name", in.name}, {"staff_id", in.staff_id}, {"scopes", in.scopes}});
  return token;
}

}  // namespace kefu::app
