#include "bot/domain/ops_report.hpp"

#include <gtest/gtest.h>

namespace kefu::bot {
namespace {

// Quarter-hour buckets on 2026-03-10 in Shanghai (UTC+8): 00:00 local is 16:00 UTC the day before.
constexpr int64_t kMar10 = 1773072000000;  // 2026-03-10T00:00+08:00
constexpr int64_t kHour = 3'600'000;

std::string shanghai(int64_t, int64_t ms) { return local_date(ms, "Asia/Shanghai"); }

TEST(BotOpsReport, LocalDatesFollowTheStoresWallClock) {
  EXPECT_EQ(local_date(kMar10, "Asia/Shanghai"), "2026-03-10");
  EXPECT_EQ(local_date(kMar10 - 1, "Asia/Shanghai"), "2026-03-09");
  EXPECT_EQ(local_date(kMar10, "UTC"), "2026-03-09");
  EXPECT_EQ(local_date(kMar10, "Nowhere/Atlantis"), "2026-03-09") << "an unknown zone reads as UTC";
}

// The rates a store manager would check, one row per case: conversations, bot conversations,
// resolved → involvement, resolution, containment (in %, -1 = no figure).
TEST(BotOpsReport, InvolvementResolutionContainment) {
  struct Row {
    int64_t conversations, bot, resolved;
    double involvement, resolution, containment;
  };
  const Row rows[] = {
      {10, 8, 6, 80, 75, 60},    // 8 of 10 met the bot, 6 of those never needed a person
      {4, 4, 4, 100, 100, 100},  // every chat with the bot, none handed over
      {5, 0, 0, 0, -1, -1},      // no bot conversation: no resolution to speak of
      {0, 0, 0, -1, -1, -1},     // a quiet day
      {3, 3, 0, 100, 0, 0},      // the bot took all and handed all over
  };
  auto pct = [](const std::optional<double>& v) { return v ? *v * 100 : -1; };
  for (const auto& r : rows) {
    const auto x = rates_of(r.conversations, r.bot, r.resolved);
    EXPECT_NEAR(pct(x.involvement), r.involvement, 1e-9) << r.conversations << "/" << r.bot << "/" << r.resolved;
    EXPECT_NEAR(pct(x.resolution), r.resolution, 1e-9) << r.conversations << "/" << r.bot << "/" << r.resolved;
    EXPECT_NEAR(pct(x.containment), r.containment, 1e-9) << r.conversations << "/" << r.bot << "/" << r.resolved;
  }
}

// Per FAQ entry: answers, solved, unsolved, handed over after → 解决率 (verdicts), 解决率
// (no handoff), 转人工率, in % (-1 = no figure).
TEST(BotOpsReport, PerEntryRates) {
  struct Row {
    FaqCount c;
    double solved_rate, no_handoff_rate, handoff_rate;
  };
  const Row rows[] = {
      {{7, 10, 3, 1, 2}, 75, 80, 20},  // 4 verdicts, 3 solved; 2 of 10 answers were followed by a handoff
      {{8, 2, 0, 0, 0}, -1, 100, 0},   // nobody said: no verdict rate
      {{9, 1, 0, 1, 1}, 0, 0, 100},    // 未解决, then a person
  };
  auto pct = [](const std::optional<double>& v) { return v ? *v * 100 : -1; };
  for (const auto& r : rows) {
    const auto f = faq_row(r.c);
    EXPECT_NEAR(pct(f.solved_rate), r.solved_rate, 1e-9) << r.c.faq_id;
    EXPECT_NEAR(pct(f.no_handoff_rate), r.no_handoff_rate, 1e-9) << r.c.faq_id;
    EXPECT_NEAR(pct(f.handoff_rate), r.handoff_rate, 1e-9) << r.c.faq_id;
  }
}

TEST(BotOpsReport, CountsAddUpPerLocalDayAndStore) {
  // Store 1: 23:45 local on the 9th and 00:00 on the 10th are different days.
  const std::vector<QuarterCount> conversations{
      {1, kMar10 - kQuarterMs, "", 3}, {1, kMar10, "", 5}, {1, kMar10 + 2 * kHour, "", 5}, {2, kMar10, "", 4}};
  const std::vector<QuarterCount> bot{{1, kMar10 - kQuarterMs, "", 2, 1},
                                      {1, kMar10, "", 4, 1},
                                      {1, kMar10 + 2 * kHour, "", 4, 2},
                                      {2, kMar10, "", 1, 0}};
  const std::vector<QuarterCount> handoffs{
      {1, kMar10, "asked", 2}, {1, kMar10 + kHour, "unresolved", 1}, {1, kMar10 - kQuarterMs, "angry", 1}};
  const std::vector<FaqCount> faqs{{3, 2, 1, 0, 0}, {5, 9, 0, 0, 1}, {4, 2, 0, 0, 0}};
  const auto r = build_report(conversations, bot, handoffs, faqs, shanghai);

  ASSERT_EQ(r.days.size(), 3u);
  EXPECT_EQ(r.days[0].day, "2026-03-09");
  EXPECT_EQ(r.days[0].conversations, 3);
  EXPECT_EQ(r.days[0].handoffs.at("angry"), 1);
  const auto& d = r.days[1];
  EXPECT_EQ(d.day, "2026-03-10");
  EXPECT_EQ(d.store_id, 1);
  EXPECT_EQ(d.conversations, 10);
  EXPECT_EQ(d.bot_conversations, 8);
  EXPECT_EQ(d.resolved, 5);
  EXPECT_NEAR(*d.rates.involvement, 0.8, 1e-12);
  EXPECT_NEAR(*d.rates.resolution, 5.0 / 8, 1e-12);
  EXPECT_NEAR(*d.rates.containment, 0.5, 1e-12);
  EXPECT_EQ(d.handoffs.at("asked"), 2);
  EXPECT_EQ(d.handoffs.at("unresolved"), 1);
  EXPECT_EQ(r.days[2].store_id, 2);

  EXPECT_EQ(r.total.conversations, 17);
  EXPECT_EQ(r.total.bot_conversations, 11);
  EXPECT_EQ(r.total.resolved, 7);
  EXPECT_NEAR(*r.total.rates.containment, 7.0 / 17, 1e-12);
  ASSERT_EQ(r.faqs.size(), 3u);
  EXPECT_EQ(r.faqs[0].counts.faq_id, 5) << "most answers first";
  EXPECT_EQ(r.faqs[1].counts.faq_id, 3) << "then by id";
}

}  // namespace
}  // namespace kefu::bot
