#include "feedback/domain/model_choice.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "feedback/domain/seed_examples.hpp"

namespace kefu::feedback {
namespace {

VersionFigures figures(double topic_f1, double sentiment_accuracy) {
  return {TaskFigure{200, 0.9, topic_f1}, TaskFigure{200, sentiment_accuracy, sentiment_accuracy}};
}

TEST(ModelChoice, ANewVersionReplacesWhenNotWorseThanTheActiveOneWithinTheTolerance) {
  struct Row {
    double candidate_topic, candidate_sentiment, active_topic, active_sentiment;
    bool replaces;
  };
  const Row rows[] = {
      {0.80, 0.90, 0.80, 0.90, true},    // the same
      {0.795, 0.895, 0.80, 0.90, true},  // half a point lower on both: within one point
      {0.85, 0.95, 0.80, 0.90, true},    // better
      {0.78, 0.95, 0.80, 0.90, false},   // topic two points lower
      {0.85, 0.885, 0.80, 0.90, false},  // sentiment 1.5 points lower
  };
  for (const auto& r : rows) {
    const auto refusal =
        refuse(figures(r.candidate_topic, r.candidate_sentiment), figures(r.active_topic, r.active_sentiment));
    EXPECT_EQ(!refusal, r.replaces) << r.candidate_topic << " " << r.candidate_sentiment;
  }
}

TEST(ModelChoice, TheRefusalSaysWhichFigureFellInBothLanguages) {
  const auto r = refuse(figures(0.70, 0.90), figures(0.80, 0.90));
  ASSERT_TRUE(r);
  EXPECT_NE(r->en.find("topic macro-F1 70.0% is below the active version's 80.0%"), std::string::npos) << r->en;
  EXPECT_NE(r->zh.find("主题"), std::string::npos);
}

TEST(ModelChoice, WithoutAnActiveVersionAnythingThatClassifiesReplaces) {
  EXPECT_FALSE(refuse(figures(0.1, 0.1), std::nullopt));
  EXPECT_TRUE(refuse(VersionFigures{}, std::nullopt)) << "nothing learned: kept as refused";
}

TEST(ModelChoice, LosingATaskIsWorseAndATaskWithoutHeldOutExamplesIsNotCompared) {
  VersionFigures no_topic = figures(0.8, 0.9);
  no_topic.topic.reset();
  EXPECT_TRUE(refuse(no_topic, figures(0.8, 0.9)));
  VersionFigures active = figures(0.99, 0.9);
  active.topic->n = 0;
  EXPECT_FALSE(refuse(figures(0.1, 0.9), active));
}

TEST(ModelChoice, TheHeldOutPartIsAFifthChosenByTheTextAndNeverACorrection) {
  int held = 0, total = 0;
  for (const auto& s : seed_examples()) {
    ++total;
    if (held_out(s.text, "seed")) ++held;
    EXPECT_EQ(held_out(s.text, "seed"), held_out(s.text, "import")) << "the text decides, not the origin";
    EXPECT_FALSE(held_out(s.text, "correction"));
  }
  EXPECT_GT(held, total / 8);
  EXPECT_LT(held, total / 3);
}

TEST(ModelChoice, NightlyRetrainingRunsBetweenThreeAndSixInTheInstallationsZone) {
  constexpr int64_t kMidnightShanghai = 1795276800000LL;  // 2026-11-22 00:00 +08:00
  constexpr int64_t kHour = 3600000;
  EXPECT_FALSE(nightly_date(kMidnightShanghai + 2 * kHour, "Asia/Shanghai"));
  EXPECT_EQ(nightly_date(kMidnightShanghai + 3 * kHour, "Asia/Shanghai"), "2026-11-22");
  EXPECT_EQ(nightly_date(kMidnightShanghai + 6 * kHour - 1, "Asia/Shanghai"), "2026-11-22");
  EXPECT_FALSE(nightly_date(kMidnightShanghai + 6 * kHour, "Asia/Shanghai"));
  EXPECT_FALSE(nightly_date(kMidnightShanghai + 3 * kHour, "Europe/Berlin")) << "20:00 the day before in Berlin";
  EXPECT_EQ(nightly_date(kMidnightShanghai + 11 * kHour, "Nowhere/Unknown"), "2026-11-22") << "03:00 UTC";
}

TEST(SeedExamples, CoverEveryStartingTopicWithBothSentimentsAndNoTextTwice) {
  std::map<std::string, std::set<std::string>> sentiments;
  std::set<std::string_view> texts;
  for (const auto& s : seed_examples()) {
    sentiments[std::string(s.topic)].insert(std::string(s.sentiment));
    EXPECT_TRUE(texts.insert(s.text).second) << s.text;
  }
  EXPECT_GE(seed_examples().size(), 300u);
  const std::set<std::string> topics = {"quality",    "service_attitude", "cleanliness", "price",
                                        "queueing",   "parking",          "returns",     "promotions",
                                        "facilities", "membership",       "other"};
  EXPECT_EQ(sentiments.size(), topics.size());
  for (const auto& t : topics) EXPECT_EQ(sentiments[t], (std::set<std::string>{"negative", "positive"})) << t;
}

}  // namespace
}  // namespace kefu::feedback
