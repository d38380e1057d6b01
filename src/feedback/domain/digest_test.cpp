// The weekly digest: the top topics of the week, the topics that rose against the four weeks
// before (and not the ones that were always this loud), and the email's words.
#include "feedback/domain/digest.hpp"

#include <gtest/gtest.h>

namespace kefu::feedback {
namespace {

TEST(Digest, TopTopicsAndRisingTopics) {
  const std::vector<JourneyCount> week{{"parking", "parking", "negative", 9},  {"parking", "parking", "positive", 1},
                                       {"cashier", "queueing", "negative", 8}, {"floor", "quality", "negative", 2},
                                       {"floor", "returns", "negative", 3},    {"online", "", "", 4}};
  const std::vector<JourneyCount> before{
      {"parking", "parking", "negative", 8},    // 2 a week: 10 now is a rise
      {"cashier", "queueing", "negative", 30},  // 7.5 a week: 8 now is not
      {"floor", "quality", "negative", 8}};     // returns: none before, 3 now (the minimum)
  const auto f = digest_figures(week, before);
  EXPECT_EQ(f.total, 27);
  EXPECT_EQ(f.negative, 22);
  EXPECT_DOUBLE_EQ(f.weekly_before, 46.0 / 4);
  ASSERT_EQ(f.top.size(), 4u);
  EXPECT_EQ(f.top[0].topic, "parking");
  EXPECT_EQ(f.top[0].count, 10);
  EXPECT_EQ(f.top[0].negative, 9);
  EXPECT_EQ(f.top[1].topic, "queueing");
  ASSERT_EQ(f.rising.size(), 2u);
  EXPECT_EQ(f.rising[0].topic, "parking");
  EXPECT_NEAR(f.rising[0].expected, 8.5 / 4, 1e-9);
  EXPECT_EQ(f.rising[1].topic, "returns");
  EXPECT_LT(f.rising[1].p_value, 0.05);
}

TEST(Digest, TheEmailNamesTheTopTopicInCustomersWords) {
  const auto f = digest_figures({{"parking", "parking", "negative", 5}}, {});
  DigestText t{"南京西路店",
               "2026-W10",
               "2026-03-02",
               "2026-03-08",
               {{"parking", "停车"}},
               {{"parking", {"停车场排队出不去"}}},
               ""};
  EXPECT_EQ(digest_title(t), "反馈周报 · 南京西路店 · 2026-W10");
  const auto body = digest_body(f, t);
  EXPECT_NE(body.find("共收到反馈 5 条"), std::string::npos) << body;
  EXPECT_NE(body.find("1. 停车：5 条（负面 5）"), std::string::npos) << body;
  EXPECT_NE(body.find("“停车场排队出不去”"), std::string::npos) << body;
  EXPECT_NE(body.find("二、上升的主题"), std::string::npos) << body;
}

}  // namespace
}  // namespace kefu::feedback
