#include "notifications/api/id_tracker.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace kefu::api {
namespace {

TEST(IdTracker, InOrderIdsAreAcceptedOnceAndTheFloorFollows) {
  IdTracker t(10);
  EXPECT_TRUE(t.accept(11, 0));
  EXPECT_TRUE(t.accept(12, 0));
  EXPECT_FALSE(t.accept(12, 0));
  t.settle(0);
  EXPECT_EQ(t.floor(), 12);
  EXPECT_FALSE(t.accept(11, 0));
}

TEST(IdTracker, ALateCommitBelowTheTopIsStillDeliveredOnce) {
  IdTracker t(100, 5000);
  EXPECT_TRUE(t.accept(102, 1000));  // 101 is not committed yet
  t.settle(1000);
  EXPECT_EQ(t.floor(), 100) << "asks again from below the hole";
  EXPECT_FALSE(t.accept(102, 1200)) << "the re-read 102 is not sent twice";
  EXPECT_TRUE(t.accept(101, 1200));
  t.settle(1200);
  EXPECT_EQ(t.floor(), 102);
}

TEST(IdTracker, AHoleThatNeverFillsIsGivenUpAfterTheGracePeriod) {
  IdTracker t(0, 5000);
  EXPECT_TRUE(t.accept(1, 0));
  EXPECT_TRUE(t.accept(3, 0));  // 2 rolled back
  t.settle(4999);
  EXPECT_EQ(t.floor(), 1);
  t.settle(5000);
  EXPECT_EQ(t.floor(), 3);
  EXPECT_FALSE(t.accept(2, 6000)) << "too late: below the floor";
}

TEST(IdTracker, FollowReadsEveryPageOfABurstOnceAndSettles) {
  std::vector<int64_t> table;
  for (int64_t id = 1; id <= 1250; ++id) table.push_back(id);
  auto fetch = [&](int64_t after) {
    std::vector<int64_t> page;
    for (auto id : table)
      if (id > after && page.size() < 500) page.push_back(id);
    return page;
  };
  IdTracker t(0);
  std::vector<int64_t> delivered;
  t.follow(
      0, 500, fetch, [](int64_t id) { return id; }, [&](int64_t id) { delivered.push_back(id); });
  EXPECT_EQ(delivered, table);
  EXPECT_EQ(t.floor(), 1250);
  t.follow(
      0, 500, fetch, [](int64_t id) { return id; }, [&](int64_t id) { delivered.push_back(id); });
  EXPECT_EQ(delivered.size(), table.size()) << "nothing twice";
}

}  // namespace
}  // namespace kefu::api
