#include "members/app/member_tiers.hpp"

#include "core/app/scope.hpp"
#include "members/app/member_support.hpp"
#include "members/domain/member_dates.hpp"
#include "members/storage/member_profile_store.hpp"
#include "members/storage/member_rules_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

nlohmann::json rules_json(const std::vector<people::TierRule>& rules) {
  auto j = nlohmann::json::array();
  for (const auto& r : rules)
    j.push_back({{"tier", r.tier}, {"min_spend_fen", r.min_spend_fen}, {"grace_months", r.grace_months}});
  return j;
}

}  // namespace

std::vector<people::TierRule> tier_rules(Context& c) {
  require_scope(c.actor, "members:read");
  auto rules = c.store<storage::MemberRulesStore>().tier_rules();
  return rules.empty() ? people::default_tier_rules() : rules;
}

std::vector<people::TierRule> put_tier_rules(Context& c, const std::vector<people::TierRule>& rules) {
  require_scope(c.actor, "members:write");
  require_role(c.actor, "admin");
  if (auto problem = people::tier_rules_problem(rules); !problem.empty())
    throw make_error(errors::kInvalidField, {{"field", "rules"}, {"problem", problem}}, "rules");
  const auto before = tier_rules(c);
  std::optional<int64_t> by;
  if (c.actor.staff_id > 0) by = c.actor.staff_id;
  c.store<storage::MemberRulesStore>().put_tier_rules(rules, c.now_ms, by);
  audit(c, "member.tier_rules", "tier_rules", 0, rules_json(before), rules_json(rules));
  return tier_rules(c);
}

TierEvaluation evaluate_member_tier(Context& c, int64_t member_id) {
  require_scope(c.actor, "members:write");
  require_role(c.actor, "supervisor");
  TierEvaluation out;
  out.member = member_for_change(c, member_id);
  out.previous_tier = out.member.tier;
  out.spend_12m_fen =
      c.store<storage::MemberRulesStore>().spend_fen(out.member.id, people::add_months(c.now_ms, -12), c.now_ms + 1);
  out.decision =
      people::tier_for(tier_rules(c), out.spend_12m_fen, out.member.tier, out.member.tier_below_since, c.now_ms);
  out.changed = out.decision.tier != out.member.tier;
  if (!out.changed && out.decision.below_since == out.member.tier_below_since) return out;
  out.member.tier = out.decision.tier;
  out.member.tier_below_since = out.decision.below_since;
  c.store<storage::MemberProfileStore>().update_profile(out.member);
  const nlohmann::json what{{"from", out.previous_tier},
                            {"to", out.member.tier},
                            {"reason", out.decision.reason},
                            {"spend_12m_fen", out.spend_12m_fen}};
  if (out.changed) {
    audit(c, "member.tier", "member", out.member.id, {{"tier", out.previous_tier}}, what);
    note_member_event(c, out.member.id, "tier_changed", what);
  } else if (out.decision.reason == "grace_started") {
    note_member_event(c, out.member.id, "tier_grace_started", what);
  }
  return out;
}

}  // namespace kefu::app
