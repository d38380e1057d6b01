#include "members/domain/value.hpp"

#include <gtest/gtest.h>

namespace kefu::people {
namespace {

constexpr int64_t kDay = 86'400'000;
// 2026-12-05 12:00 in Shanghai (04:00 UTC).
constexpr int64_t kNow = 1'796'443'200'000;
const int64_t kToday = local_day(kNow);

// A day `ago` days before today on which the member bought for `fen` (a sale).
PurchaseDay bought(int64_t ago, int64_t fen) { return {kToday - ago, fen, fen}; }

TEST(MemberValue, TheSeedsArithmeticIsTheSimpleCase) {
  // 2 visits a week × 52 weeks × ¥100 × 8 years = ¥83,200; told to 20 people: ¥1.664M.
  const int64_t clv = simple_lifetime_value(2 * 52, 100'00, 8);
  EXPECT_EQ(clv, 83'200'00);
  EXPECT_EQ(clv * ValueModel{}.people_told, 1'664'000'00);
}

TEST(MemberValue, TheModelWithoutShrinkingOrLossIsTheSeedsArithmetic) {
  // With r = 1 and a prior equal to the member's own behaviour the model is the seeds' case:
  // a member seen once today, the store's averages 104 visits a year at ¥100.
  ValueModel flat;
  flat.yearly_retention = 1.0;
  const auto v = value_of({bought(0, 100'00)}, {104, 100'00}, kNow, flat);
  EXPECT_DOUBLE_EQ(v.visits_per_year, 104);  // (0 + 104·½) / (0 + ½)
  EXPECT_EQ(v.spend_per_visit_fen, 100'00);  // (100 + 3·100) / 4
  EXPECT_EQ(v.clv_fen, 83'200'00);
  EXPECT_EQ(v.word_of_mouth_fen, 1'664'000'00);
}

TEST(MemberValue, TheWorkedExampleOfDocsMembers) {
  // Twice a week for three years at ¥100 (gaps 3, 4, 3, 4 …; 312 visits, the first 1,095
  // days ago, the last a week ago), the default store averages (docs/members.md).
  std::vector<PurchaseDay> days;
  int64_t ago = 1095;
  for (int i = 0; i < 312; ++i) {
    days.push_back(bought(ago, 100'00));
    ago -= i % 2 ? 4 : 3;
  }
  const auto v = value_of(days, default_prior(), kNow);
  EXPECT_EQ(v.rhythm.visits, 312);
  EXPECT_NEAR(v.visits_per_year, 317.0 / 3.5, 1e-9);  // (311 + 12·½) / (3 + ½) = 90.57
  EXPECT_EQ(v.spend_per_visit_fen, 10'190);           // (312·100 + 3·300) / 315 = ¥101.90
  EXPECT_EQ(v.p_alive, 1.0);
  EXPECT_EQ(v.clv_fen, 4'476'234);  // ¥44,762
  EXPECT_EQ(v.word_of_mouth_fen, 4'476'234 * 20);
}

TEST(MemberValue, RhythmCountsDaysWithASale) {
  struct Row {
    const char* story;
    std::vector<PurchaseDay> days;
    int visits;
    std::optional<double> median, p25, p75;
    int64_t paid;
  };
  const Row rows[] = {
      {"nothing bought", {}, 0, {}, {}, {}, 0},
      {"one visit: no gap", {bought(3, 500)}, 1, {}, {}, {}, 500},
      {"a day with only a return is no visit", {bought(10, 10'000), {kToday - 5, -4'000, 0}}, 1, {}, {}, {}, 6'000},
      {"gaps 65 100 100 90: median 95, p25 65, p75 100",
       {bought(365, 1), bought(300, 1), bought(200, 1), bought(100, 1), bought(10, 1)},
       5,
       95.0,
       65.0,
       100.0,
       5},
      {"gaps 7 7 14: median 7, p25 7, p75 14",
       {bought(28, 1), bought(21, 1), bought(14, 1), bought(0, 1)},
       4,
       7.0,
       7.0,
       14.0,
       4},
  };
  for (const auto& r : rows) {
    const auto v = value_of(r.days, default_prior(), kNow);
    EXPECT_EQ(v.rhythm.visits, r.visits) << r.story;
    EXPECT_EQ(v.rhythm.median_gap_days, r.median) << r.story;
    EXPECT_EQ(v.rhythm.p25_gap_days, r.p25) << r.story;
    EXPECT_EQ(v.rhythm.p75_gap_days, r.p75) << r.story;
    EXPECT_EQ(v.paid_total_fen, r.paid) << r.story;
  }
}

TEST(MemberValue, HandComputedLifetimeValues) {
  ValueModel three_years;  // Σ r^t = 1 + 0.5 + 0.25 = 1.75
  three_years.horizon_years = 3;
  three_years.yearly_retention = 0.5;
  struct Row {
    const char* story;
    std::vector<PurchaseDay> days;
    ValuePrior prior;
    ValueModel model;
    double visits_per_year;
    int64_t spend, clv, retained;
    double p_alive;
  };
  const Row rows[] = {
      // n = 5 over T = 1 year: λ = (4 + 12·½)/(1 + ½) = 6.667; spend (50,000 + 3·20,000)/8 =
      // 13,750; silence 10 ≤ 2·54.75: p_alive 1; CLV 6.667 × 13,750 × 1.75 = 160,416.7.
      {"a year of visits, a short horizon",
       {bought(365, 10'000), bought(300, 10'000), bought(200, 10'000), bought(100, 10'000), bought(10, 10'000)},
       {12, 20'000},
       three_years,
       10.0 / 1.5,
       13'750,
       160'417,
       160'417,
       1.0},
      // Nothing bought: the store's averages, 12 × ¥300 × Σ_{t<8} 0.85^t (4.850063).
      {"no purchases: the store's average", {}, default_prior(), {}, 12.0, 30'000, 1'746'023, 1'746'023, 1.0},
      // n = 3 over T = 400/365 years: λ = (2 + 6)/(1.09589 + ½) = 5.0129, gap 72.8125 days;
      // silent 360 > 145.6 days: p_alive = 145.625/360 = 0.4045; spend (90,000 + 90,000)/6.
      // Kept: 5.0129 × 30,000 × 4.850063 = 729,383; CLV × 0.4045 = 295,046.
      {"silent far beyond the rhythm",
       {bought(400, 30'000), bought(380, 30'000), bought(360, 30'000)},
       default_prior(),
       {},
       8.0 / (400.0 / 365 + 0.5),
       30'000,
       295'046,
       729'383,
       145.625 / 360},
  };
  for (const auto& r : rows) {
    const auto v = value_of(r.days, r.prior, kNow, r.model);
    EXPECT_NEAR(v.visits_per_year, r.visits_per_year, 1e-9) << r.story;
    EXPECT_EQ(v.spend_per_visit_fen, r.spend) << r.story;
    EXPECT_EQ(v.clv_fen, r.clv) << r.story;
    EXPECT_EQ(v.clv_if_retained_fen, r.retained) << r.story;
    EXPECT_NEAR(v.p_alive, r.p_alive, 1e-9) << r.story;
    EXPECT_EQ(v.word_of_mouth_fen, r.retained * 20) << r.story;
  }
}

TEST(MemberValue, ReturnsAreNettedAndNeverMakeValueNegative) {
  const auto v = value_of({bought(20, 10'000), {kToday - 10, -30'000, 0}}, {12, 0}, kNow);
  EXPECT_EQ(v.paid_total_fen, -20'000);
  EXPECT_EQ(v.own_spend_per_visit_fen, 0);
  EXPECT_EQ(v.spend_per_visit_fen, 0);
  EXPECT_EQ(v.clv_fen, 0);
}

TEST(ValueAtRisk, Reasons) {
  // Weekly visits (median gap 7), the last `silence` days ago.
  auto weekly = [](int64_t silence) {
    return value_of({bought(silence + 21, 10'000), bought(silence + 14, 10'000), bought(silence + 7, 10'000),
                     bought(silence, 10'000)},
                    default_prior(), kNow);
  };
  auto ago = [](int64_t days) { return kNow - days * kDay; };
  struct Row {
    const char* story;
    int64_t silence;
    RiskSignals signals;
    std::vector<std::string> codes;
  };
  const Row rows[] = {
      {"a regular with nothing wrong", 3, {}, {}},
      {"an open complaint", 3, {1, {}}, {"open_complaint"}},
      {"a CSAT of 2 last week", 3, {0, {{"csat", 2, ago(7)}}}, {"bad_rating"}},
      {"a CSAT of 3 is no bad rating", 3, {0, {{"csat", 3, ago(7)}}}, {}},
      {"a CSAT of 1 91 days ago is old", 3, {0, {{"csat", 1, ago(91)}}}, {}},
      {"an NPS detractor (6)", 3, {0, {{"nps", 6, ago(30)}}}, {"bad_rating"}},
      {"an NPS passive (7)", 3, {0, {{"nps", 7, ago(30)}}}, {}},
      {"silent 45 days: > 3 × 7 but not > 60", 45, {}, {}},
      {"silent 61 days: > 3 × 7 and > 60", 61, {}, {"lapsing"}},
      {"all three", 61, {2, {{"csat", 1, ago(1)}}}, {"open_complaint", "bad_rating", "lapsing"}},
  };
  for (const auto& r : rows) {
    const auto v = weekly(r.silence);
    const auto risk = risk_of(v, r.signals, kNow);
    std::vector<std::string> codes;
    for (const auto& reason : risk.reasons) codes.push_back(reason.code);
    EXPECT_EQ(codes, r.codes) << r.story;
    EXPECT_EQ(risk.at_risk, !r.codes.empty()) << r.story;
    EXPECT_EQ(risk.amount_fen, r.codes.empty() ? 0 : v.clv_if_retained_fen) << r.story;
  }
}

TEST(ValueAtRisk, ReasonsInWords) {
  const auto v = value_of({bought(100, 1), bought(86, 1), bought(72, 1)}, default_prior(), kNow);
  const auto risk = risk_of(v, {2, {{"nps", 3, kNow - kDay}, {"csat", 2, kNow - 5 * kDay}}}, kNow);
  ASSERT_EQ(risk.reasons.size(), 3u);
  EXPECT_EQ(risk.reasons[0].zh, "有 2 个未办结的投诉");
  EXPECT_EQ(risk.reasons[0].en, "2 open complaints");
  EXPECT_EQ(risk.reasons[1].zh, "近 90 天净推荐值评分 3 分（贬损者）");  // the latest bad rating
  EXPECT_EQ(risk.reasons[2].zh, "已 72 天未到店，平时约每 14 天一次");
  EXPECT_EQ(risk.reasons[2].en, "no visit for 72 days; usually every 14 days");
}

TEST(MemberValue, LocalDayIsShanghai) {
  // 2026-12-04 16:00 UTC is already 2026-12-05 in Shanghai.
  EXPECT_EQ(local_day(kNow - 12 * 3'600'000), kToday);
  EXPECT_EQ(local_day(kNow - 12 * 3'600'000 - 1), kToday - 1);
  EXPECT_EQ(local_day(0), 0);
}

}  // namespace
}  // namespace kefu::people
