#include "core/domain/rate_limit.hpp"

#include <algorithm>

namespace kefu::limits {

Decision check(const std::optional<Bucket>& b, int64_t now) {
  if (b && b->blocked_until > now) return {false, b->blocked_until - now};
  return {};
}

Bucket hit(const Policy& p, std::optional<Bucket> in, int64_t now) {
  Bucket b = in.value_or(Bucket{0, now, 0, 0, 0});
  if (b.blocked_until > 0 && b.blocked_until <= now) {  // a block that is over: count again
    b.blocked_until = 0;
    b.hits = 0;
    b.window_start = now;
  }
  if (now >= b.window_start + p.window_ms) {
    b.hits = 0;
    b.window_start = now;
  }
  ++b.hits;
  if (b.hits >= p.limit) {
    const int64_t first = p.block_ms > 0 ? p.block_ms : b.window_start + p.window_ms - now;
    const int64_t cap = std::max(p.max_block_ms > 0 ? p.max_block_ms : first, first);
    int64_t block = first;
    for (int i = 0; i < b.strikes && block < cap; ++i) block *= 2;
    block = std::clamp<int64_t>(block, 1, cap);
    ++b.strikes;
    b.blocked_until = now + block;
    b.hits = 0;
    b.window_start = now;
  }
  b.forget_at = std::max(b.window_start + p.window_ms, b.blocked_until) + p.window_ms;
  return b;
}

int64_t minutes_for(int64_t ms) { return std::max<int64_t>(1, (ms + 59'999) / 60'000); }
int64_t seconds_for(int64_t ms) { return std::max<int64_t>(1, (ms + 999) / 1000); }

}  // namespace kefu::limits
