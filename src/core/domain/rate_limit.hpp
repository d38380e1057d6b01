#pragma once
// The one rate limiter (docs/security/limits.md): a fixed window of hits per key with
// back-off. A key names what is counted (e.g. "login:addr:10.0.0.7", "track:phone:1371111…");
// its bucket is kept by the caller (core/storage/platform_stores.hpp, RateLimitStore), so
// every node on one database sees the same counts. Pure: `now` is passed in.
//
//   - A bucket counts hits since its window started; a hit after the window is over starts
//     a new window.
//   - The hit that reaches `limit` blocks the key for `block_ms`, doubled for each block
//     since the bucket was created (its strikes), up to `max_block_ms`; the count starts
//     again after the block.
//   - A blocked key is refused until `blocked_until`; the caller answers 429 with
//     Retry-After.
//   - A bucket may be forgotten (deleted) at `forget_at`: its window and block are over and
//     one more window has passed without a hit (so back-off remembers a persistent caller).
#include <cstdint>
#include <optional>

namespace kefu::limits {

struct Policy {
  int limit = 10;            // hits per window; the limit-th hit blocks
  int64_t window_ms = 0;     // > 0
  int64_t block_ms = 0;      // the first block; 0 = until the window is over
  int64_t max_block_ms = 0;  // the longest block (back-off cap); 0 = block_ms
};

struct Bucket {
  int hits = 0;
  int64_t window_start = 0;
  int64_t blocked_until = 0;  // 0 = not blocked
  int strikes = 0;            // blocks so far
  int64_t forget_at = 0;
};

struct Decision {
  bool allowed = true;
  int64_t retry_after_ms = 0;  // when refused: > 0
};

// Whether a request may go ahead now (nothing is counted).
Decision check(const std::optional<Bucket>&, int64_t now);

// The bucket after one more hit (a failure, or a request that counts) at `now`.
Bucket hit(const Policy&, std::optional<Bucket>, int64_t now);

// Whole minutes to tell a person, at least 1.
int64_t minutes_for(int64_t retry_after_ms);
// Whole seconds for Retry-After, at least 1.
int64_t seconds_for(int64_t retry_after_ms);

}  // namespace kefu::limits
