#include "members/app/member_profile.hpp"

#include <algorithm>

#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "members/app/member_support.hpp"
#include "members/app/members.hpp"
#include "members/domain/errors.hpp"
#include "members/domain/member_vocabulary.hpp"
#include "org/domain/calendar_values.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

nlohmann::json profile_json(const people::Member& m) {
  return {{"name", m.name},
          {"tier", m.tier},
          {"birthday", m.birthday.empty() ? "" : "****"},
          {"home_store_id", m.home_store_id}};
}

std::string trimmed(std::string s) {
  auto space = [](unsigned char ch) { return ch == ' ' || ch == '\t'; };
  while (!s.empty() && space(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  return s.substr(i);
}

}  // namespace

people::Member update_member(Context& c, int64_t member_id, const MemberChanges& in) {
  require_scope(c.actor, "members:write");
  auto m = member_for_change(c, member_id);
  const auto before = m;
  if (in.name) {
    check_text("name", *in.name, 50, true);
    m.name = *in.name;
  }
  if (in.birthday) {
    require_role(c.actor, "supervisor");
    if (!in.birthday->empty() && !people::is_iso_date(*in.birthday))
      throw make_error(errors::kInvalidDate, {{"what", Text("生日", "birthday")}}, "birthday");
    m.birthday = *in.birthday;
  }
  if (in.tier) {
    require_role(c.actor, "supervisor");
    check_enum("tier", *in.tier, people::is_member_tier(*in.tier));
    if (*in.tier != m.tier) m.tier_below_since = 0;
    m.tier = *in.tier;
  }
  if (in.home_store_id) {
    const auto id = in.home_store_id->value_or(0);
    if (id && (!c.store<storage::OrgStore>().store(id) || !c.actor.in_store(id)))
      throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "home_store_id");
    m.home_store_id = id;
  }
  c.store<storage::MemberProfileStore>().update_profile(m);
  audit(c, "member.update", "member", m.id, profile_json(before), profile_json(m));
  note_member_event(c, m.id, "profile_changed", {{"before", profile_json(before)}, {"after", profile_json(m)}});
  if (before.tier != m.tier)
    note_member_event(c, m.id, "tier_changed", {{"from", before.tier}, {"to", m.tier}, {"reason", "manual"}});
  return m;
}

std::vector<std::string> set_member_tags(Context& c, int64_t member_id, const std::vector<std::string>& raw) {
  require_scope(c.actor, "members:write");
  const auto m = member_for_change(c, member_id);
  std::vector<std::string> tags;
  for (const auto& t : raw) {
    auto tag = trimmed(t);
    check_text("tags", tag, kMaxTagChars, true);
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
  }
  if (tags.size() > kMaxTags) throw make_error(errors::kTooManyTags, {{"max", kMaxTags}}, "tags");
  auto& store = c.store<storage::MemberProfileStore>();
  const auto before = store.tags(m.id);
  store.set_tags(m.id, tags);
  const auto after = store.tags(m.id);
  audit(c, "member.tags", "member", m.id, {{"tags", before}}, {{"tags", after}});
  note_member_event(c, m.id, "tags_changed", {{"before", before}, {"after", after}});
  return after;
}

std::vector<std::string> member_tags(Context& c, int64_t member_id) {
  return c.store<storage::MemberProfileStore>().tags(get_member(c, member_id).id);
}

people::Member set_member_care_flags(Context& c, int64_t member_id, const std::vector<std::string>& flags) {
  require_scope(c.actor, "members:write");
  require_role(c.actor, "supervisor");
  auto m = member_for_change(c, member_id);
  std::vector<std::string> clean;
  for (const auto& f : flags) {
    check_enum("care_flags", f, people::is_care_flag(f));
    if (std::find(clean.begin(), clean.end(), f) == clean.end()) clean.push_back(f);
  }
  const auto before = m.care_flags;
  m.care_flags = clean;
  c.store<storage::MemberProfileStore>().update_profile(m);
  audit(c, "member.care_flags", "member", m.id, {{"care_flags", before}}, {{"care_flags", clean}});
  note_member_event(c, m.id, "care_flags_changed", nlohmann::json::object());  // which flags: the audit log only
  return m;
}

MemberConsent member_consent(Context& c, int64_t member_id) {
  const auto m = get_member(c, member_id);
  auto history = c.store<storage::MemberProfileStore>().consents(m.id);
  MemberConsent out{people::current_consent(history), {}};
  out.history.assign(history.rbegin(), history.rend());
  return out;
}

MemberConsent record_member_consent(Context& c, int64_t member_id, const std::string& channel, bool granted,
                                    const std::string& source) {
  require_scope(c.actor, "members:write");
  const auto ch = parse_enum<people::ConsentChannel>("channel", channel);
  check_text("source", source, 40, true);
  const auto m = member_for_change(c, member_id);
  people::ConsentRecord r{0, m.id, std::string(ch.code()), granted, c.now_ms, std::nullopt, source};
  if (c.actor.staff_id > 0) r.staff_id = c.actor.staff_id;
  r.id = c.store<storage::MemberProfileStore>().add_consent(r);
  const nlohmann::json what{{"channel", r.channel}, {"granted", granted}, {"source", source}};
  audit(c, "member.consent", "member", m.id, nullptr, what);
  note_member_event(c, m.id, granted ? "consent_granted" : "consent_withdrawn", what);
  return member_consent(c, m.id);
}

std::vector<storage::MemberEvent> member_history(Context& c, int64_t member_id, int64_t before_id, int limit) {
  get_member(c, member_id);  // in reach (a merged id: its own history)
  return c.store<storage::MemberProfileStore>().events(member_id, before_id, std::clamp(limit, 1, 200));
}

std::vector<people::Member> search_members(Context& c, const MemberSearch& in) {
  require_scope(c.actor, "members:read");
  check_text("name", in.name_prefix, 50, false);
  check_text("tag", in.tag, kMaxTagChars, false);
  if (!in.tier.empty()) check_enum("tier", in.tier, people::is_member_tier(in.tier));
  storage::MemberFilter f{.name_prefix = in.name_prefix,
                          .tier = in.tier,
                          .tag = trimmed(in.tag),
                          .home_store_id = in.store_id,
                          .after_id = in.after_id,
                          .limit = std::clamp(in.limit, 1, 200)};
  if (!c.actor.is_admin()) {
    if (c.actor.store_ids.empty()) return {};
    f.home_store_ids = c.actor.store_ids;
  }
  return c.store<storage::MemberProfileStore>().search(f);
}

}  // namespace kefu::app
