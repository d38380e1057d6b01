#include "feedback/domain/model_choice.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "feedback/domain/seed_examples.hpp"

namespace kefu::feedback {
namespace {

// A task's figure on 200 held-out examples: the first `right` answered correctly.
TaskFigure task(int right, int shift = 0) {
  TaskFigure f{200, right / 200.0, right / 200.0, std::vector<bool>(200, false)};
  for (int i = 0; i < right; ++i) f.correct[static_cast<std::size_t>((i + shift) % 200)] = true;
  return f;
}
VersionFigures figures(TaskFigure topic, TaskFigure sentiment) { return {std::move(topic), std::move(sentiment)}; }

TEST(ModelChoice, ANewVersionReplacesUnlessItLosesMoreExamplesThanChanceExplains) {
  // (candidate topic right, shift of its right answers, active topic right) → replaces?
  struct Row {
    int candidate, shift, active;
    bool replaces;
  };
  const Row rows[] = {
      {160, 0, 160, true},    // the same answers
      {158, 0, 160, true},    // two lost, none gained: b − c = 2 ≤ max(1, 1.645·√2 = 2.3)
      {150, 0, 160, false},   // ten lost: 10 > 1.645·√10 = 5.2
      {160, 20, 160, true},   // 20 gained, 20 lost elsewhere: b − c = 0
      {150, 30, 160, true},   // 40 lost, 30 gained: 10 ≤ 1.645·√70 = 13.8
      {140, 30, 160, false},  // 50 lost, 30 gained: 20 > 1.645·√80 = 14.7
  };
  for (const auto& r : rows) {
    const auto refusal = refuse(figures(task(r.candidate, r.shift), task(180)), figures(task(r.active), task(180)));
    EXPECT_EQ(!refusal, r.replaces) << r.candidate << " shifted " << r.shift;
  }
}

TEST(ModelChoice, TheRefusalSaysWhichTaskLostHowManyInBothLanguages) {
  const auto r = refuse(figures(task(180), task(150)), figures(task(180), task(170)));
  ASSERT_TRUE(r);
  EXPECT_NE(r->en.find("sentiment: on the same held-out examples the new version got 20 wrong that the active one got "
                       "right and 0 the other way (accuracy 75.0% against 85.0%)"),
            std::string::npos)
      << r->en;
  EXPECT_NE(r->zh.find("情感"), std::string::npos);
}

TEST(ModelChoice, WithoutAnActiveVersionAnythingThatClassifiesReplaces) {
  EXPECT_FALSE(refuse(figures(task(10), task(10)), std::nullopt));
  EXPECT_TRUE(refuse(VersionFigures{}, std::nullopt)) << "nothing learned: kept as refused";
}

TEST(ModelChoice, LosingATaskIsWorseAndATaskWithoutHeldOutExamplesIsNotCompared) {
  VersionFigures no_topic = figures(task(160), task(180));
  no_topic.topic.reset();
  EXPECT_TRUE(refuse(no_topic, figures(task(160), task(180))));
  VersionFigures active = figures(TaskFigure{}, task(180));
  EXPECT_FALSE(refuse(figures(task(10), task(180)), active)) << "no held-out topic example: not compared";
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
