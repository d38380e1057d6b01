#pragma once
// The returns policies (退换货政策) as saved: one version per save, per store (store 0:
// the chain's policy, for every store without one of its own). Versions are kept: the
// newest is in force, the older ones are the history. A version may say "the defaults"
// (uses_defaults): then returns::default_policy() is in force and `policy` is empty.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "returns/domain/policy.hpp"

namespace kefu::storage {

struct PolicyVersion {
  int64_t id = 0;
  int64_t store_id = 0;  // 0: the chain's policy
  int64_t version = 0;   // 1, 2, … per store
  bool uses_defaults = false;
  returns::Policy policy;  // empty when uses_defaults
  std::string note;        // why it changed (optional)
  int64_t created_by = 0;
  int64_t created_at = 0;
  friend bool operator==(const PolicyVersion&, const PolicyVersion&) = default;
};

class ReturnPolicyStore : public Store {
 public:
  static std::unique_ptr<ReturnPolicyStore> open(Stores&);

  // The newest version of the store's policy (store 0: the chain's), if any was saved.
  virtual std::optional<PolicyVersion> current_policy(int64_t store_id) = 0;
  // The store's versions, newest first, at most `limit`.
  virtual std::vector<PolicyVersion> policy_versions(int64_t store_id, int limit) = 0;
  // Adds a version; false when the store already has that version number (another save
  // came first: the unique key decides).
  virtual bool insert_policy_version(const PolicyVersion&) = 0;
};

}  // namespace kefu::storage
