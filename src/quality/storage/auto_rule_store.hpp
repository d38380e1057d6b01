#pragma once
// The automatic quality rules an admin (chain-wide, store_id 0) or a store's supervisor
// saved. The defaults live in code (quality/domain/auto_rules.hpp) and apply to each code
// no saved rule overrides.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/storage/stores.hpp"
#include "quality/domain/auto_rules.hpp"

namespace kefu::storage {

class QaAutoRuleStore : public Store {
 public:
  static std::unique_ptr<QaAutoRuleStore> open(Stores&);

  // Sets r.id; false when the code is taken in that scope (chain or store).
  virtual bool insert_rule(quality::AutoRule& r) = 0;
  // Writes r when its stored version is `version` (r.version becomes version + 1); false otherwise.
  virtual bool update_rule(quality::AutoRule& r, int version) = 0;
  virtual bool delete_rule(int64_t id) = 0;
  virtual std::optional<quality::AutoRule> rule(int64_t id) = 0;
  // The chain's rules and those of `store_id` (the hot path: one indexed read per reply).
  virtual std::vector<quality::AutoRule> rules_for(int64_t store_id) = 0;
  // Every saved rule, by store then code.
  virtual std::vector<quality::AutoRule> all_rules() = 0;
};

}  // namespace kefu::storage
