#include "chat/domain/sequence.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

namespace kefu::chat {
namespace {

struct Msg {
  int64_t seq;
  std::string body;
};
int64_t seq_of(const Msg& m) { return m.seq; }

std::vector<int64_t> seqs(const std::vector<Msg>& ms) {
  std::vector<int64_t> out;
  for (const auto& m : ms) out.push_back(m.seq);
  return out;
}

TEST(Cursor, InOrderOnceAndHoldsBackAfterAHole) {
  Cursor<Msg> c(2);  // the socket has seen 1 and 2
  EXPECT_EQ(seqs(c.accept({{1, "a"}, {2, "b"}, {3, "c"}}, seq_of)), (std::vector<int64_t>{3}));
  EXPECT_EQ(seqs(c.accept({{5, "e"}}, seq_of)), (std::vector<int64_t>{}));
  EXPECT_TRUE(c.gap()) << "5 without 4: read storage after 3";
  EXPECT_EQ(c.last(), 3);
  EXPECT_EQ(seqs(c.accept({{4, "d"}, {5, "e"}, {3, "c"}}, seq_of)), (std::vector<int64_t>{4, 5}));
  EXPECT_FALSE(c.gap());
  EXPECT_EQ(c.last(), 5);
}

TEST(Cursor, AReplayAndLiveAnnouncementsInAnyOrderGiveEachMessageOnce) {
  // Messages 1..200; the socket had seen 37 before it dropped. The replay and the live
  // announcements overlap, repeat and arrive in random batches.
  std::mt19937 rng(11);
  for (int round = 0; round < 50; ++round) {
    std::vector<Msg> pool;
    for (int64_t s = 38; s <= 200; ++s) {
      pool.push_back({s, "m" + std::to_string(s)});
      if (rng() % 3 == 0) pool.push_back({s, "m" + std::to_string(s)});  // delivered twice
    }
    for (int64_t s = 1; s <= 37; s += 5) pool.push_back({s, "old"});
    std::shuffle(pool.begin(), pool.end(), rng);
    Cursor<Msg> c(37);
    std::vector<Msg> seen;
    for (std::size_t i = 0; i < pool.size();) {
      const std::size_t n = std::min<std::size_t>(1 + rng() % 9, pool.size() - i);
      auto out = c.accept({pool.begin() + static_cast<long>(i), pool.begin() + static_cast<long>(i + n)}, seq_of);
      seen.insert(seen.end(), out.begin(), out.end());
      i += n;
    }
    ASSERT_EQ(seen.size(), 163u) << "round " << round;
    for (std::size_t k = 0; k < seen.size(); ++k) {
      ASSERT_EQ(seen[k].seq, static_cast<int64_t>(38 + k)) << "round " << round;
      ASSERT_EQ(seen[k].body, "m" + std::to_string(seen[k].seq));
    }
    EXPECT_FALSE(c.gap());
  }
}

}  // namespace
}  // namespace kefu::chat
