// Who an NPS campaign asks: the category of a score, the deterministic draw and its rate,
// the cap, the active period, the question and what a campaign may not be.
#include "feedback/domain/nps_campaign.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"

namespace kefu::feedback {
namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;

TEST(NpsCampaign, ScoresFallIntoTheThreeCategories) {
  EXPECT_EQ(nps_category(0), "detractor");
  EXPECT_EQ(nps_category(6), "detractor");
  EXPECT_EQ(nps_category(7), "passive");
  EXPECT_EQ(nps_category(8), "passive");
  EXPECT_EQ(nps_category(9), "promoter");
  EXPECT_EQ(nps_category(10), "promoter");
  EXPECT_THROW(nps_category(11), Error);
  EXPECT_THROW(nps_category(-1), Error);
}

TEST(NpsCampaign, TheDrawIsTheSameForTheSameSeedAndKey) {
  EXPECT_EQ(sample_draw(42, "ticket:7"), sample_draw(42, "ticket:7"));
  EXPECT_NE(sample_draw(42, "ticket:7"), sample_draw(43, "ticket:7"));
  EXPECT_NE(sample_draw(42, "ticket:7"), sample_draw(42, "ticket:8"));
}

TEST(NpsCampaign, TheRateIsHeldOverManyKeys) {
  int in = 0;
  for (int i = 0; i < 20000; ++i) in += in_sample(7, "member:" + std::to_string(i), 250'000);
  EXPECT_NEAR(in / 20000.0, 0.25, 0.015);
  EXPECT_TRUE(in_sample(7, "x", 1'000'000));
  EXPECT_FALSE(in_sample(7, "x", 0));
}

TEST(NpsCampaign, TheCapHoldsForItsDaysAcrossTheBoundary) {
  const int64_t now = 1'800'000'000'000;
  EXPECT_FALSE(capped(std::nullopt, 90, now)) << "never asked";
  EXPECT_TRUE(capped(now - 89 * kDay, 90, now));
  EXPECT_FALSE(capped(now - 90 * kDay, 90, now)) << "exactly 90 days later they may be asked again";
  EXPECT_FALSE(capped(now - 1, 0, now)) << "no cap";
}

TEST(NpsCampaign, RunsOnlyInsideItsPeriodWhileActive) {
  Campaign c;
  c.starts_at = 1000;
  c.ends_at = 2000;
  EXPECT_FALSE(running(c, 999));
  EXPECT_TRUE(running(c, 1000));
  EXPECT_FALSE(running(c, 2000));
  c.ends_at = 0;
  EXPECT_TRUE(running(c, 1'000'000'000));
  c.active = false;
  EXPECT_FALSE(running(c, 1500));
}

TEST(NpsCampaign, TheQuestionNamesTheStore) {
  Campaign c;
  EXPECT_EQ(question_for(c, "南京西路店"), "您有多大可能向朋友推荐南京西路店？");
  c.question = "{store}好吗？{store}";
  EXPECT_EQ(question_for(c, "甲"), "甲好吗？甲");
}

TEST(NpsCampaign, ACampaignThatCannotRunIsRefused) {
  Campaign c;
  c.store_ids = {1};
  EXPECT_NO_THROW(check_campaign(c));
  auto field_of = [](Campaign x) {
    try {
      check_campaign(x);
    } catch (const Error& e) {
      return e.field();
    }
    return std::string("none");
  };
  auto bad = c;
  bad.trigger = "purchase";
  EXPECT_EQ(field_of(bad), "trigger") << "no purchases are recorded yet";
  bad = c;
  bad.trigger = "visit";
  EXPECT_EQ(field_of(bad), "trigger");
  bad = c;
  bad.store_ids = {};
  EXPECT_EQ(field_of(bad), "store_ids");
  bad = c;
  bad.sample_ppm = 1'000'001;
  EXPECT_EQ(field_of(bad), "sample_rate");
  bad = c;
  bad.link_days = 0;
  EXPECT_EQ(field_of(bad), "link_days");
  bad = c;
  bad.starts_at = 10;
  bad.ends_at = 5;
  EXPECT_EQ(field_of(bad), "ends_at");
}

}  // namespace
}  // namespace kefu::feedback
