#include "members/domain/tier_rules.hpp"

#include <algorithm>
#include <optional>

#include "members/domain/member_dates.hpp"
#include "members/domain/member_vocabulary.hpp"

namespace kefu::people {
namespace {

int rank(const std::string& tier) {
  for (std::size_t i = 0; i < kTiers.size(); ++i)
    if (kTiers[i].code == tier) return static_cast<int>(i);
  return -1;
}

const TierRule* rule_of(const std::vector<TierRule>& rules, const std::string& tier) {
  for (const auto& r : rules)
    if (r.tier == tier) return &r;
  return nullptr;
}

std::string earned_tier(const std::vector<TierRule>& rules, int64_t spend) {
  std::string best = "normal";
  for (const auto& r : rules)
    if (spend >= r.min_spend_fen && rank(r.tier) > rank(best)) best = r.tier;
  return best;
}

}  // namespace

std::vector<TierRule> default_tier_rules() {
  return {{"silver", 500'000, 12}, {"gold", 2'000'000, 12}, {"platinum", 5'000'000, 12}};
}

TierDecision tier_for(const std::vector<TierRule>& rules, int64_t spend, const std::string& current,
                      int64_t below_since, int64_t now) {
  const std::string earned = earned_tier(rules, spend);
  if (rank(earned) > rank(current)) return {earned, 0, "up"};
  if (current == "normal") return {current, 0, "unchanged"};
  const TierRule* own = rule_of(rules, current);
  if (!own) return {current, 0, "kept"};
  if (spend >= own->min_spend_fen) return {current, 0, "unchanged"};
  if (below_since == 0) return {current, now, "grace_started"};
  if (now >= add_months(below_since, own->grace_months)) return {earned, 0, "down"};
  return {current, below_since, "grace"};
}

std::string tier_rules_problem(const std::vector<TierRule>& rules) {
  std::vector<const TierRule*> sorted;
  for (const auto& r : rules) {
    if (rank(r.tier) < 0) return "unknown tier " + r.tier;
    if (r.tier == "normal") return "normal needs no rule";
    if (r.min_spend_fen < 0) return "a negative amount for " + r.tier;
    if (r.grace_months < 0 || r.grace_months > 60) return "grace months outside 0-60 for " + r.tier;
    for (const auto* s : sorted)
      if (s->tier == r.tier) return "two rules for " + r.tier;
    sorted.push_back(&r);
  }
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return rank(a->tier) < rank(b->tier); });
  for (std::size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i]->min_spend_fen <= sorted[i - 1]->min_spend_fen)
      return sorted[i]->tier + " must need more than " + sorted[i - 1]->tier;
  return "";
}

}  // namespace kefu::people
