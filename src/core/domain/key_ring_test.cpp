#include "core/domain/key_ring.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"
#include "core/domain/signed_link.hpp"

namespace kefu::links {
namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;
constexpr int64_t kT0 = 1'764'000'000'000;  // 2025-11-24 UTC

// One row per situation: the ring, the moment, and what each rule answers.
struct Case {
  const char* what;
  std::vector<KeyRecord> ring;
  int64_t now;
  std::optional<int64_t> signer;
  bool due;
  std::vector<int64_t> verifying;
  std::vector<int64_t> spent;
};

TEST(KeyRing, DecisionTable) {
  const Case cases[] = {
      {"no key yet", {}, kT0, std::nullopt, true, {}, {}},
      {"one fresh key", {{1, kT0, {}}}, kT0 + kDay, 1, false, {1}, {}},
      {"one key at 89 days", {{1, kT0, {}}}, kT0 + 89 * kDay, 1, false, {1}, {}},
      {"one key at 90 days is due", {{1, kT0, {}}}, kT0 + 90 * kDay, 1, true, {1}, {}},
      {"just rotated: the old key still verifies",
       {{1, kT0, kT0 + 90 * kDay}, {2, kT0 + 90 * kDay, {}}},
       kT0 + 90 * kDay,
       2,
       false,
       {1, 2},
       {}},
      {"29 days after rotation",
       {{1, kT0, kT0 + 90 * kDay}, {2, kT0 + 90 * kDay, {}}},
       kT0 + 119 * kDay,
       2,
       false,
       {1, 2},
       {}},
      {"30 days after rotation the old key is spent",
       {{1, kT0, kT0 + 90 * kDay}, {2, kT0 + 90 * kDay, {}}},
       kT0 + 120 * kDay,
       2,
       false,
       {2},
       {1}},
      {"two nodes rotated at once: the newer signs, both verify",
       {{1, kT0, kT0 + 90 * kDay}, {2, kT0 + 90 * kDay, {}}, {3, kT0 + 90 * kDay, {}}},
       kT0 + 91 * kDay,
       3,
       false,
       {1, 2, 3},
       {}},
      {"created later beats a larger id",
       {{7, kT0 + kDay, {}}, {5, kT0 + 2 * kDay, {}}},
       kT0 + 3 * kDay,
       5,
       false,
       {7, 5},
       {}},
      {"only retired keys: a new one is due", {{1, kT0, kT0 + kDay}}, kT0 + 2 * kDay, std::nullopt, true, {1}, {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(signing_key_id(c.ring), c.signer) << c.what;
    EXPECT_EQ(rotation_due(c.ring, c.now), c.due) << c.what;
    EXPECT_EQ(verifying_key_ids(c.ring, c.now), c.verifying) << c.what;
    EXPECT_EQ(spent_key_ids(c.ring, c.now), c.spent) << c.what;
  }
}

TEST(KeyRing, ALinkVerifiesWithAnyKeyOfTheRingAndNoOther) {
  using Ring = std::vector<std::vector<unsigned char>>;
  const auto old_key = new_key(), new_one = new_key(), stranger = new_key();
  const auto token = sign(42, kT0 + kDay, old_key);
  EXPECT_EQ(verify(token, Ring{new_one, old_key}, kT0).ticket_id, 42);
  EXPECT_EQ(verify(token, Ring{old_key}, kT0).ticket_id, 42);
  for (const auto& ring : {Ring{new_one, stranger}, Ring{}}) {
    try {
      verify(token, ring, kT0);
      ADD_FAILURE() << "a link verified with a ring of " << ring.size() << " keys that never signed it";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "invalid_link");
    }
  }
  try {
    verify(token, Ring{new_one, old_key}, kT0 + kDay);
    ADD_FAILURE() << "an expired link verified";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "link_expired");
  }
}

}  // namespace
}  // namespace kefu::links
