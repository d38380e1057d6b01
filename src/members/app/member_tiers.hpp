#pragma once
// Tiers and their rules (等级规则, members/domain/tier_rules.hpp): the rules admins edit, and
// the evaluation of one member from what they paid in the last 12 months.
#include <vector>

#include "core/app/context.hpp"
#include "members/domain/member.hpp"
#include "members/domain/tier_rules.hpp"

namespace kefu::app {

// The stored rules, or the defaults while none are stored.
std::vector<people::TierRule> tier_rules(Context&);
// Replaces the rules (admins); invalid rules are 400 invalid_field. Audited.
std::vector<people::TierRule> put_tier_rules(Context&, const std::vector<people::TierRule>&);

struct TierEvaluation {
  people::Member member;  // after the evaluation
  std::string previous_tier;
  int64_t spend_12m_fen = 0;  // paid in the 12 months before now
  people::TierDecision decision;
  bool changed = false;  // the tier moved
};
// Re-evaluates one member now (supervisors and above; the nightly job as the system): a
// tier change is audited and written to the member's history; the grace period's start is
// kept on the member.
TierEvaluation evaluate_member_tier(Context&, int64_t member_id);

}  // namespace kefu::app
