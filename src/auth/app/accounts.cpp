#include "auth/app/accounts.hpp"

#include "auth/domain/errors.hpp"
#include "auth/domain/password.hpp"
#include "auth/domain/password_policy.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

people::Staff staff_or_404(storage::Stores& r, int64_t staff_id) {
  auto s = r.get<storage::OrgStore>().staff(staff_id);
  if (!s) throw make_error(errors::kNotFound, {{"what", Text("员工", "staff")}});
  return *s;
}

constexpr std::size_t kSessionIdLength = 12;

}  // namespace

bool must_change_password(storage::Stores& r, int64_t staff_id) {
  return r.get<storage::AuthStore>().password_change_required(staff_id);
}

void require_session(const people::Actor& a) {
  if (a.via_token) throw make_error(errors::kNotASession, {}, "Authorization");
}

std::string prepare_password_change(storage::Stores& reader, const people::Actor& actor, const std::string& current,
                                    const std::string& next) {
  require_session(actor);
  check_text("current_password", current, people::kMaxPasswordLength, true);
  check_text("new_password", next, people::kMaxPasswordLength, true);
  auto me = staff_or_404(reader, actor.staff_id);
  if (!people::verify_password(current, me.password_hash))
    throw make_error(errors::kWrongPassword, {}, "current_password");
  if (current == next) throw make_error(errors::kPasswordUnchanged, {}, "new_password");
  people::check_new_password(next, me.username, "new_password");
  return people::hash_password(next);
}

int change_own_password(Context& c, const std::string& new_hash, const std::string& current_token) {
  require_session(c.actor);
  auto me = staff_or_404(c.stores, c.actor.staff_id);
  me.password_hash = new_hash;
  c.store<storage::OrgStore>().update_staff(me);
  auto& auth = c.store<storage::AuthStore>();
  auth.set_password_change_required(me.id, false, c.now_ms);
  const int ended = auth.delete_sessions_of(me.id, people::token_digest(current_token));
  audit(c, "staff.password_change", "staff", me.id, nullptr, {{"other_sessions_ended", ended}});
  return ended;
}

std::string prepare_password_reset(storage::Stores& reader, const people::Actor& actor, int64_t staff_id,
                                   const std::string& password) {
  require_role(actor, "admin");
  auto target = staff_or_404(reader, staff_id);
  people::check_new_password(password, target.username, "password");
  return people::hash_password(password);
}

int reset_password(Context& c, int64_t staff_id, const std::string& new_hash) {
  require_role(c.actor, "admin");
  auto target = staff_or_404(c.stores, staff_id);
  target.password_hash = new_hash;
  c.store<storage::OrgStore>().update_staff(target);
  auto& auth = c.store<storage::AuthStore>();
  auth.set_password_change_required(staff_id, true, c.now_ms);
  const int ended = auth.delete_sessions_of(staff_id, "");
  audit(c, "staff.password_reset", "staff", staff_id, nullptr, {{"sessions_ended", ended}});
  return ended;
}

people::Staff set_staff_active(Context& c, int64_t staff_id, bool active) {
  require_role(c.actor, "admin");
  auto target = staff_or_404(c.stores, staff_id);
  if (!active && staff_id == c.actor.staff_id)
    throw make_error(errors::kNotYourself, {{"what", Text("停用", "deactivation")}});
  int ended = 0;
  if (!active) ended = c.store<storage::AuthStore>().delete_sessions_of(staff_id, "");
  if (target.active != active) {
    target.active = active;
    c.store<storage::OrgStore>().update_staff(target);
    audit(c, active ? "staff.reactivate" : "staff.deactivate", "staff", staff_id, {{"active", !active}},
          {{"active", active}, {"sessions_ended", ended}});
  }
  return target;
}

std::vector<SessionView> my_sessions(Context& c, const std::string& current_token) {
  require_session(c.actor);
  const auto mine = people::token_digest(current_token);
  std::vector<SessionView> out;
  for (const auto& s : c.store<storage::AuthStore>().sessions_of(c.actor.staff_id, c.now_ms))
    out.push_back({s.digest.substr(0, kSessionIdLength), s.created_at, s.expires_at, s.digest == mine});
  return out;
}

int end_my_other_sessions(Context& c, const std::string& current_token) {
  require_session(c.actor);
  const int ended =
      c.store<storage::AuthStore>().delete_sessions_of(c.actor.staff_id, people::token_digest(current_token));
  audit(c, "auth.logout_others", "staff", c.actor.staff_id, nullptr, {{"sessions_ended", ended}});
  return ended;
}

int end_staff_sessions(Context& c, int64_t staff_id) {
  require_role(c.actor, "admin");
  staff_or_404(c.stores, staff_id);
  const int ended = c.store<storage::AuthStore>().delete_sessions_of(staff_id, "");
  audit(c, "staff.sessions_end", "staff", staff_id, nullptr, {{"sessions_ended", ended}});
  return ended;
}

std::vector<storage::ApiToken> list_api_tokens(Context& c) {
  require_role(c.actor, "admin");
  return c.store<storage::AuthStore>().api_tokens();
}

storage::ApiToken revoke_api_token(Context& c, int64_t token_id) {
  require_role(c.actor, "admin");
  auto& auth = c.store<storage::AuthStore>();
  bool was_revoked = false;  // a second revocation is no error, and not audited again
  for (const auto& t : auth.api_tokens())
    if (t.id == token_id) was_revoked = t.revoked;
  auto t = auth.revoke_api_token(token_id, c.now_ms);
  if (!t) throw make_error(errors::kNotFound, {{"what", Text("API 令牌", "API token")}});
  if (!was_revoked)
    audit(c, "api_token.revoke", "api_token", t->id, {{"revoked", false}},
          {{"revoked", true}, {"name", t->name}, {"staff_id", t->staff_id}});
  return *t;
}

}  // namespace kefu::app
