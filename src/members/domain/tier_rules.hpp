#pragma once
// Tier rules (等级规则): how a member's tier follows their spending.
//
// The rule, in prose (docs/members.md "## Tiers"):
// - Each rule names a tier, the amount spent in the last 12 months that earns it (integer
//   fen, what the member paid after discounts, returns subtracted) and a grace period in
//   months. Tiers rank as the vocabulary lists them (normal < silver < gold < platinum).
// - The tier a member earns is the highest one whose threshold their 12-month spend reaches;
//   "normal" needs nothing.
// - Earning a tier above the current one moves the member up at once.
// - Falling below the current tier's threshold does not move them down at once: the first
//   evaluation that finds them below starts the grace period (below_since); if they are
//   still below when it has run out, they move down to the tier they earn then. Reaching
//   the threshold again in between ends the grace period.
// - A current tier with no rule (given by hand, or its rule was removed) is kept.
// - With no rules stored, kDefaultTierRules apply (silver ¥5,000, gold ¥20,000, platinum
//   ¥50,000 in 12 months; 12 months of grace each).
#include <cstdint>
#include <string>
#include <vector>

namespace kefu::people {

struct TierRule {
  std::string tier;           // a member tier code other than "normal"
  int64_t min_spend_fen = 0;  // spent in the last 12 months to earn it
  int grace_months = 12;      // kept this long once below the threshold
  friend bool operator==(const TierRule&, const TierRule&) = default;
};

std::vector<TierRule> default_tier_rules();

struct TierDecision {
  std::string tier;
  int64_t below_since = 0;  // when the grace period began; 0 when not below
  std::string reason;       // up | down | grace_started | grace | kept | unchanged
  friend bool operator==(const TierDecision&, const TierDecision&) = default;
};

// The tier for a member with this 12-month spend, now (see the rule above). below_since
// is what the last evaluation returned (0: not below).
TierDecision tier_for(const std::vector<TierRule>& rules, int64_t spend_12m_fen, const std::string& current,
                      int64_t below_since, int64_t now_ms);

// "" when the rules are well-formed; otherwise what is wrong (an unknown or repeated tier,
// "normal" given a rule, a negative amount, grace outside 0–60 months, thresholds that do not
// rise with the tier).
std::string tier_rules_problem(const std::vector<TierRule>& rules);

}  // namespace kefu::people
