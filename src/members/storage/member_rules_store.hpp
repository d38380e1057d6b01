#pragma once
// The rules admins edit for members: tier rules and the points rewards catalogue (both
// empty until first edited: the defaults in code apply), and what the rules read.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/storage/stores.hpp"
#include "members/domain/rewards.hpp"
#include "members/domain/tier_rules.hpp"

namespace kefu::storage {

class MemberRulesStore : public Store {
 public:
  static std::unique_ptr<MemberRulesStore> open(Stores&);

  virtual std::vector<people::TierRule> tier_rules() = 0;  // by threshold
  // Replaces every rule.
  virtual void put_tier_rules(const std::vector<people::TierRule>&, int64_t at, std::optional<int64_t> by) = 0;
  virtual std::vector<people::Reward> rewards() = 0;  // by price, then code
  // Replaces the whole catalogue.
  virtual void put_rewards(const std::vector<people::Reward>&, int64_t at, std::optional<int64_t> by) = 0;
  // Ids of members not merged into another, above after_id, ascending (the nightly jobs).
  virtual std::vector<int64_t> member_ids(int64_t after_id, int limit) = 0;
  // What the member paid in [from, to): the sum of their orders' lines' paid_fen (returns are
  // negative lines, so they count against it).
  virtual int64_t spend_fen(int64_t member_id, int64_t from, int64_t to) = 0;
};

}  // namespace kefu::storage
