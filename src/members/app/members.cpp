#include "members/app/members.hpp"

#include <fmt/format.h>

#include "core/app/rate_limit.hpp"
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "members/domain/errors.hpp"
#include "members/domain/identity.hpp"
#include "members/domain/member_vocabulary.hpp"
#include "members/domain/phone.hpp"
#include "members/storage/identity_store.hpp"
#include "members/storage/member_store.hpp"
#include "org/domain/calendar_values.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

std::string phone_or_throw(const std::string& raw) {
  auto p = people::normalize_phone(raw);
  if (!p) throw make_error(errors::kInvalidPhone, {}, "phone");
  return *p;
}

nlohmann::json member_json(const people::Member& m) {
  return {{"member_no", m.member_no}, {"name", m.name}, {"phone", people::mask_phone(m.phone)}, {"tier", m.tier}};
}

}  // namespace

bool member_in_reach(Context& c, const people::Member& m) {
  if (c.actor.is_admin()) return true;
  if (c.actor.store_ids.empty()) return false;  // an empty scope means every store: never here
  if (m.home_store_id && c.actor.in_store(m.home_store_id)) return true;
  storage::TicketFilter f;
  f.store_ids = c.actor.store_ids;
  f.member_id = m.id;
  f.limit = 1;
  return !c.store<storage::TicketStore>().tickets(f).empty();
}

namespace {

// The record a merged one lives on in (a chain of merges is followed a few steps).
std::optional<people::Member> followed(Context& c, std::optional<people::Member> m) {
  for (int step = 0; m && m->merged_into && step < 8; ++step)
    m = c.store<storage::MemberStore>().member(m->merged_into);
  return m;
}

// A key that is not a phone or member number may be a card number, an app id or a WeChat id.
std::optional<people::Member> by_identity(Context& c, const std::string& kind, const std::string& value) {
  auto owner = c.store<storage::IdentityStore>().identity(kind, value);
  if (!owner) return std::nullopt;
  return c.store<storage::MemberStore>().member(owner->member_id);
}

std::optional<people::Member> by_other_identity(Context& c, const std::string& key) {
  for (const char* kind : {"card", "app", "wechat_openid", "wechat_unionid"}) {
    auto value = people::normalize_identity(people::IdentityKind::of(kind), key);
    if (!value) continue;
    if (auto m = by_identity(c, kind, *value)) return m;
  }
  return std::nullopt;
}

}  // namespace

people::Member create_member(Context& c, const NewMember& in) {
  require_scope(c.actor, "members:write");
  check_text("name", in.name, 50, true);
  check_enum("tier", in.tier, people::is_member_tier(in.tier));
  for (const auto& f : in.care_flags) check_enum("care_flags", f, people::is_care_flag(f));
  if (!in.birthday.empty() && !people::is_iso_date(in.birthday))
    throw make_error(errors::kInvalidDate, {{"what", Text("生日", "birthday")}}, "birthday");
  people::Member m;
  m.phone = phone_or_throw(in.phone);
  if (auto existing = c.store<storage::MemberStore>().member_by_phone(m.phone))
    throw make_error(errors::kMemberExists, {{"member_no", existing->member_no}});
  if (in.home_store_id && !c.store<storage::OrgStore>().store(*in.home_store_id))
    throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "home_store_id");
  m.name = in.name;
  m.tier = in.tier;
  m.birthday = in.birthday;
  m.care_flags = in.care_flags;
  m.home_store_id = in.home_store_id.value_or(c.actor.store_ids.empty() ? 0 : c.actor.store_ids.front());
  m.created_at = c.now_ms;
  m.member_no = fmt::format("M{:08}", c.stores.count("members") + 1);
  m.id = c.store<storage::MemberStore>().insert_member(m);
  audit(c, "member.create", "member", m.id, nullptr, member_json(m));
  return m;
}

people::Member get_member(Context& c, int64_t id) {
  require_scope(c.actor, "members:read");
  auto m = followed(c, c.store<storage::MemberStore>().member(id));
  if (!m || !member_in_reach(c, *m)) throw make_error(errors::kNotFound, {{"what", Text("会员", "member")}});
  return *m;
}

std::optional<people::Member> lookup_member(Context& c, const std::string& key, const std::string& remote,
                                            bool phone_only) {
  require_scope(c.actor, "members:read");
  check_text("q", key, 40, true);
  constexpr int64_t kHour = 3'600'000;
  auto per_hour = [](int n) { return limits::Policy{.limit = n, .window_ms = kHour}; };
  const std::string staff = std::to_string(c.actor.staff_id);
  const std::vector<Limit> misses{{"lookup_miss:staff:" + staff, per_hour(kLookupMissesPerStaff)},
                                  {"lookup_miss:addr:" + remote, per_hour(kLookupMissesPerAddress)}};
  const std::vector<Limit> all{{"lookup:staff:" + staff, per_hour(kLookupsPerStaff)}};
  check_limits(c.stores, misses, c.now_ms, errors::kRateLimited);
  check_limits(c.stores, all, c.now_ms, errors::kRateLimited);
  hit_limits(c.stores, all, c.now_ms);
  std::optional<people::Member> m;
  std::string shown;
  if (!key.empty() && (key[0] == 'M' || key[0] == 'm')) {
    std::string no = key;
    no[0] = 'M';
    m = c.store<storage::MemberStore>().member_by_no(no);
    shown = no;
  } else if (const auto phone = people::normalize_phone(key)) {
    m = c.store<storage::MemberStore>().member_by_phone(*phone);
    if (!m) m = by_identity(c, "phone", *phone);
    shown = people::mask_phone(*phone);
  }
  if (phone_only && shown.empty()) phone_or_throw(key);
  if (!m && !phone_only) m = by_other_identity(c, key);
  if (shown.empty()) {
    // Neither a phone nor a member number: any other identity's value, or invalid_phone.
    if (!people::normalize_identity("card", key)) phone_or_throw(key);
    shown = people::mask_identity("card", key);
  }
  m = followed(c, m);
  if (!m) hit_limits(c.stores, misses, c.now_ms);
  audit(c, "member.lookup", "member", m ? m->id : 0, nullptr, {{"key", shown}, {"found", m.has_value()}});
  return m;
}

}  // namespace kefu::app
