// The journey map as a manager reads it: stages in walking order, the negative share, the
// top topics, and "worse" only when the rise in the negative share is more than chance.
#include "feedback/domain/journey.hpp"

#include <gtest/gtest.h>

namespace kefu::feedback {
namespace {

const Stage& stage(const Journey& j, const std::string& touchpoint) {
  for (const auto& s : j.stages)
    if (s.touchpoint == touchpoint) return s;
  throw std::runtime_error("no stage " + touchpoint);
}

TEST(Journey, StagesComeInTheOrderACustomerWalks) {
  const auto j = build_journey({{"cashier", "queueing", "negative", 3}}, {});
  std::vector<std::string> order;
  for (const auto& s : j.stages) order.push_back(s.touchpoint);
  EXPECT_EQ(order, (std::vector<std::string>{"parking", "entrance", "floor", "cashier", "service_desk", "after_sales",
                                             "online", "other"}));
  EXPECT_EQ(stage(j, "parking").current.volume, 0);
  EXPECT_FALSE(stage(j, "parking").current.negative_share) << "nothing said: no share, not 0";
  EXPECT_EQ(stage(j, "parking").trend, "unknown");
}

TEST(Journey, VolumeSentimentAndTopTopicsPerStage) {
  const std::vector<JourneyCount> now{{"parking", "parking", "negative", 6},
                                      {"parking", "parking", "positive", 2},
                                      {"parking", "facilities", "negative", 3},
                                      {"parking", "price", "negative", 1},
                                      {"parking", "cleanliness", "negative", 1},
                                      {"parking", "", "", 2},
                                      {"", "other", "negative", 4},
                                      {"lobby", "other", "negative", 1}};
  const auto j = build_journey(now, {});
  const auto& p = stage(j, "parking");
  EXPECT_EQ(p.current.volume, 15);
  EXPECT_EQ(p.current.negative, 11);
  EXPECT_EQ(p.current.positive, 2);
  EXPECT_DOUBLE_EQ(*p.current.negative_share, 11.0 / 13) << "of the items with a sentiment";
  ASSERT_EQ(p.top_topics.size(), 3u);
  EXPECT_EQ(p.top_topics[0].topic, "parking");
  EXPECT_EQ(p.top_topics[0].count, 8);
  EXPECT_EQ(p.top_topics[0].negative, 6);
  EXPECT_EQ(p.top_topics[1].topic, "facilities");
  EXPECT_EQ(p.top_topics[2].topic, "cleanliness") << "ties by code";
  EXPECT_EQ(j.without_touchpoint, 5) << "unknown touchpoints are counted apart, not as other";
}

// Checked by hand: 30 of 50 negative against 15 of 50: pooled 0.45, se = √(0.45·0.55·(2/50))
// = 0.0995, z = 0.30 / 0.0995 = 3.015, two-sided p = 0.0026.
TEST(Journey, AStageGetsWorseOnlyWhenTheTestSaysSo) {
  const auto t = two_proportion_test(30, 50, 15, 50);
  ASSERT_TRUE(t);
  EXPECT_NEAR(t->z, 3.015, 0.001);
  EXPECT_NEAR(t->p_value, 0.0026, 0.0001);
  const auto j = build_journey({{"cashier", "queueing", "negative", 30},
                                {"cashier", "queueing", "positive", 20},
                                {"parking", "parking", "negative", 12},
                                {"parking", "parking", "positive", 8},
                                {"floor", "quality", "negative", 5},
                                {"floor", "quality", "positive", 25}},
                               {{"cashier", "queueing", "negative", 15},
                                {"cashier", "queueing", "positive", 35},
                                {"parking", "parking", "negative", 10},
                                {"parking", "parking", "positive", 10},
                                {"floor", "quality", "negative", 20},
                                {"floor", "quality", "positive", 10},
                                {"entrance", "other", "negative", 3}});
  EXPECT_EQ(stage(j, "cashier").trend, "worse");
  EXPECT_EQ(stage(j, "parking").trend, "steady") << "60% against 50% of 20: could be chance (p = 0.53)";
  EXPECT_NEAR(*stage(j, "parking").p_value, 0.525, 0.01);
  EXPECT_EQ(stage(j, "floor").trend, "better");
  EXPECT_EQ(stage(j, "entrance").trend, "unknown") << "too few items to say";
  EXPECT_EQ(stage(j, "entrance").previous.volume, 3);
  EXPECT_FALSE(two_proportion_test(0, 10, 0, 10)) << "nothing negative on either side: nothing to test";
}

}  // namespace
}  // namespace kefu::feedback
