#pragma once
// The rate limiter as use cases call it: check the keys a request is counted under (on any
// connection), then count a hit (inside a write). The buckets are in the database, so every
// node sees the same counts (core/domain/rate_limit.hpp has the rules;
// docs/security/limits.md the keys and policies in force).
#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/errors.hpp"
#include "core/domain/rate_limit.hpp"
#include "core/storage/stores.hpp"

namespace kefu::app {

struct Limit {
  std::string key;
  limits::Policy policy;
};

// The longest wait among the keys that are blocked now (0: none is).
int64_t blocked_for(storage::Stores&, const std::vector<Limit>&, int64_t now);

// Throws `code` (a too_many code whose message may name {minutes}), with Retry-After, when
// any of the keys is blocked.
void check_limits(storage::Stores&, const std::vector<Limit>&, int64_t now, const ErrorCode& code);

// Counts one hit on each key (inside a write), and forgets the buckets that are over.
void hit_limits(storage::Stores&, const std::vector<Limit>&, int64_t now);

// Forgets one key's bucket (e.g. a successful login clears its failures).
void clear_limit(storage::Stores&, const std::string& key);

}  // namespace kefu::app
