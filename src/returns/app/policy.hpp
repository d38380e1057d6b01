#pragma once
// The returns policy in force, and saving an edited one (退换货政策).
//
// Which policy is in force for a store: the store's newest saved version; else the
// chain's (store 0, set by an admin); else returns::default_policy(). A version that
// "restores the defaults" puts default_policy() in force for its store (the defaults in
// code, so a later kefu's better defaults reach it).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "returns/domain/cases.hpp"
#include "returns/domain/policy.hpp"
#include "returns/storage/return_policy_store.hpp"

namespace kefu::app {

struct PolicyInForce {
  int64_t store_id = 0;         // the store asked about (0: the chain)
  int64_t source_store_id = 0;  // whose saved version is in force (0: the chain's, or none)
  int64_t version = 0;          // the store's own newest version, 0 when it never saved one:
                                // what a save sends back as `version`
  bool uses_defaults = true;    // default_policy() is in force
  returns::Policy policy;
  std::optional<storage::PolicyVersion> saved;  // the version in force (who, when, note); none for the defaults
};

// Any staff with returns:read. store_id 0: the chain's policy; another store must be one
// the caller serves (else 404 not_found).
PolicyInForce return_policy(Context&, int64_t store_id);

struct PolicySave {
  int64_t store_id = 0;                   // 0: the chain's policy (admins only)
  std::optional<returns::Policy> policy;  // nullopt: restore the defaults
  std::optional<int64_t> version;         // when given, the store's current version (409 version_conflict)
  std::string note;                       // why (optional, <= 200 characters)
};

// Store managers and above for a store they serve (others 403; a store they do not serve
// 404), admins for the chain; scope returns:write. The policy is validated first
// (returns::validate, 400 naming the field): a refused policy changes nothing. Audited
// (return_policy.update / return_policy.restore_defaults).
PolicyInForce save_return_policy(Context&, const PolicySave&);

// The store's saved versions, newest first (at most 50); returns:read, the store in reach.
std::vector<storage::PolicyVersion> return_policy_history(Context&, int64_t store_id);

struct PolicyCheck {
  std::vector<returns::CaseResult> results;  // in the order of the cases
  int passed = 0;
  int failed = 0;
};

inline constexpr std::size_t kMaxCheckCases = 500;

// Runs a policy (validated first, 400) against case rows (at most 500, each validated,
// 400 naming "cases[i].<column>") with no write: try an edit before saving it.
// returns:read.
PolicyCheck check_return_policy(Context&, const returns::Policy&, const std::vector<returns::Case>&);

}  // namespace kefu::app
