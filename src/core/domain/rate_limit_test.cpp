// The limiter's decision table: hits in a window, the block at the limit, back-off,
// a new window, and when a bucket may be forgotten.
#include "core/domain/rate_limit.hpp"

#include <gtest/gtest.h>

namespace kefu::limits {
namespace {

constexpr int64_t kMin = 60'000;
const Policy kFive{.limit = 5, .window_ms = 15 * kMin, .block_ms = 15 * kMin, .max_block_ms = 60 * kMin};

// Hits at the given times, from no bucket.
std::optional<Bucket> after(const Policy& p, std::initializer_list<int64_t> times) {
  std::optional<Bucket> b;
  for (auto t : times) b = hit(p, b, t);
  return b;
}

TEST(RateLimit, ADecisionTable) {
  struct Row {
    const char* what;
    std::initializer_list<int64_t> hits;
    int64_t now;
    bool allowed;
    int64_t retry_after_ms;
  };
  const Row rows[] = {
      {"no bucket", {}, 0, true, 0},
      {"4 hits of 5", {0, 1, 2, 3}, 4, true, 0},
      {"the 5th hit blocks", {0, 1, 2, 3, 4}, 4, false, 15 * kMin},
      {"still blocked a minute later", {0, 1, 2, 3, 4}, 4 + kMin, false, 14 * kMin},
      {"free when the block is over", {0, 1, 2, 3, 4}, 4 + 15 * kMin, true, 0},
      {"hits spread over two windows never block", {0, 1, 2, 3, 15 * kMin, 15 * kMin + 1}, 15 * kMin + 2, true, 0},
      {"a second block lasts twice as long",
       {0, 1, 2, 3, 4, 15 * kMin + 4, 15 * kMin + 5, 15 * kMin + 6, 15 * kMin + 7, 15 * kMin + 8},
       15 * kMin + 8,
       false,
       30 * kMin},
  };
  for (const auto& r : rows) {
    auto d = check(after(kFive, r.hits), r.now);
    EXPECT_EQ(d.allowed, r.allowed) << r.what;
    EXPECT_EQ(d.retry_after_ms, r.retry_after_ms) << r.what;
  }
}

TEST(RateLimit, BackOffDoublesUpToItsCap) {
  std::optional<Bucket> b;
  int64_t now = 0;
  std::vector<int64_t> blocks;
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 5; ++i) b = hit(kFive, b, now);
    blocks.push_back(b->blocked_until - now);
    now = b->blocked_until;
  }
  EXPECT_EQ(blocks, (std::vector<int64_t>{15 * kMin, 30 * kMin, 60 * kMin, 60 * kMin, 60 * kMin}));
}

TEST(RateLimit, WithoutABlockTimeTheKeyWaitsForTheWindowToEnd) {
  const Policy p{.limit = 3, .window_ms = 10 * kMin};
  auto b = after(p, {0, 2 * kMin, 4 * kMin});
  EXPECT_EQ(check(b, 4 * kMin).retry_after_ms, 6 * kMin) << "blocked until the full window is over";
  EXPECT_FALSE(check(b, 10 * kMin - 1).allowed);
  EXPECT_TRUE(check(b, 10 * kMin).allowed);
}

TEST(RateLimit, ABucketIsForgottenAWindowAfterItsLastEffect) {
  auto b = after(kFive, {0});
  EXPECT_EQ(b->forget_at, 30 * kMin);
  b = after(kFive, {0, 1, 2, 3, 4});
  EXPECT_EQ(b->forget_at, 4 + 15 * kMin + 15 * kMin) << "the block, then one window";
}

TEST(RateLimit, MinutesAndSecondsToTellRoundUp) {
  EXPECT_EQ(minutes_for(1), 1);
  EXPECT_EQ(minutes_for(60'000), 1);
  EXPECT_EQ(minutes_for(60'001), 2);
  EXPECT_EQ(seconds_for(1), 1);
  EXPECT_EQ(seconds_for(1500), 2);
}

}  // namespace
}  // namespace kefu::limits
