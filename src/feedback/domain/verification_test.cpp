#include "feedback/domain/verification.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace kefu::feedback {
namespace {

ActionWindow w(int64_t items, int64_t contacts) { return {items, contacts}; }
ActionWindow w(int64_t items, int64_t contacts, int64_t satisfied, int64_t responses) {
  return {items, contacts, satisfied, responses};
}

// Before/after counts → verdict: the table issue 14 asks for. "running" = the after window
// has not run its full length yet; "done" = it has.
TEST(FeedbackVerification, VerdictTable) {
  struct Row {
    const char* story;
    ActionWindow before, after;
    bool done;
    Verdict verdict;
    const char* code;
  };
  const auto E = Verdict::effective, N = Verdict::not_effective, W = Verdict::not_enough_data;
  const std::vector<Row> rows = {
      {"15 → 2.5 per 1,000: a clear fall", w(30, 2000), w(5, 2000), true, E, "effective"},
      {"... conclusive before the window ends", w(30, 2000), w(5, 2000), false, E, "effective"},
      {"15 → 7 per 1,000 (p = .011)", w(30, 2000), w(14, 2000), false, E, "effective"},
      {"small counts, 12 → 4 (p = .038)", w(12, 1000), w(4, 1000), false, E, "effective"},
      {"same count, three times the contacts: the rate fell", w(30, 1000), w(30, 3000), false, E, "effective"},
      {"15 → 14: not clear yet", w(30, 2000), w(28, 2000), false, W, "unclear"},
      {"15 → 14 at the window's end", w(30, 2000), w(28, 2000), true, N, "no_significant_reduction"},
      {"30 → 31 with 245 items: surely no 30 % fall", w(120, 4000), w(125, 4000), false, N, "recurrence_not_reduced"},
      {"the rate tripled", w(30, 3000), w(30, 1000), false, N, "recurrence_not_reduced"},
      {"−15 %, significant, interval above .7", w(400, 10000), w(340, 10000), false, N, "recurrence_not_reduced"},
      {"−25 %, significant, could still be −30 %", w(400, 10000), w(300, 10000), false, W, "unclear"},
      {"... at the window's end: too small a fall", w(400, 10000), w(300, 10000), true, N, "reduction_too_small"},
      {"3 items before: nothing to measure", w(3, 2000), w(0, 2000), true, W, "too_rare_before"},
      {"no items before", w(0, 2000), w(0, 2000), true, W, "too_rare_before"},
      {"50 contacts after: zero would not be significant", w(30, 2000), w(0, 50), false, W, "after_too_short"},
      {"no contacts after", w(30, 2000), w(0, 0), false, W, "no_contacts"},
      {"fewer complaints, CSAT 80 % → 60 %", w(30, 2000, 80, 100), w(5, 2000, 60, 100), true, N, "satisfaction_fell"},
      {"fewer complaints, CSAT 80 % → 88 %", w(30, 2000, 80, 100), w(5, 2000, 88, 100), true, E, "effective"},
      {"CSAT 8/10 → 5/9: too few answers to count", w(30, 2000, 8, 10), w(5, 2000, 5, 9), true, E, "effective"},
      {"CSAT up but the recurrence unclear", w(30, 2000, 60, 100), w(28, 2000, 95, 100), false, W, "unclear"},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.story);
    const Verification v = verify_action(r.before, r.after, r.done);
    EXPECT_EQ(name(v.verdict), std::string(name(r.verdict)));
    EXPECT_EQ(v.code, r.code);
    EXPECT_FALSE(v.reason_zh.empty());
    EXPECT_FALSE(v.reason_en.empty());
  }
}

// Hand-computed (exact binomial sums): 30 items in 2,000 contacts before, 14 in 2,000
// after. π₀ = .5, k = 44, p = P(K ≤ 14 | 44, .5) = .01131; Clopper–Pearson at .05 each
// side for 14/44: [.20371, .45194] → RR in [.25581, .82457].
TEST(FeedbackVerification, RecurrenceFigures) {
  const Verification v = verify_action(w(30, 2000), w(14, 2000), false);
  EXPECT_DOUBLE_EQ(v.recurrence.before_rate, 15.0);
  EXPECT_DOUBLE_EQ(v.recurrence.after_rate, 7.0);
  EXPECT_NEAR(v.recurrence.rate_ratio, 0.466667, 1e-6);
  EXPECT_NEAR(v.recurrence.p_value, 0.01131, 5e-5);
  EXPECT_NEAR(v.recurrence.ratio_low, 0.25581, 5e-5);
  EXPECT_NEAR(v.recurrence.ratio_high, 0.82457, 5e-5);
  EXPECT_EQ(v.reason_en,
            "recurrence 15.0 → 7.0 per 1,000 contacts (-53 %, p = 0.011): a significant fall; CSAT not measured "
            "(fewer than 20 answers); NPS not measured (fewer than 20 answers)");
  EXPECT_EQ(
      v.reason_zh,
      "复发率每千次接触 15.0 → 7.0（-53%，p = 0.011）：显著下降；满意度未衡量（回答少于 20 份）；NPS未衡量（回答少于 "
      "20 份）");
}

// CSAT 80/100 → 60/100: pooled .7, se = √(.7·.3·(2/100)) = .064807, z = −3.0861,
// p(worse) = .001014. NPS 60/20/20 (40) → 30/20/50 (−20): variances (.8 − .16)/100 = .0064
// and (.8 − .04)/100 = .0076, se = √.014 = 11.83 points, z = −5.07, p(worse) = 2.0e-7.
TEST(FeedbackVerification, SatisfactionFigures) {
  ActionWindow before = w(30, 2000, 80, 100), after = w(5, 2000, 60, 100);
  before.nps = {60, 20, 20};
  after.nps = {30, 20, 50};
  const Verification v = verify_action(before, after, true);
  ASSERT_TRUE(v.csat.has_value());
  EXPECT_DOUBLE_EQ(v.csat->before, 80.0);
  EXPECT_DOUBLE_EQ(v.csat->after, 60.0);
  EXPECT_NEAR(v.csat->p_worse, 0.0010141, 1e-6);
  ASSERT_TRUE(v.nps.has_value());
  EXPECT_DOUBLE_EQ(v.nps->before, 40.0);
  EXPECT_DOUBLE_EQ(v.nps->after, -20.0);
  EXPECT_NEAR(v.nps->p_worse, 1.979e-7, 1e-9);
  EXPECT_EQ(v.code, "satisfaction_fell");

  // The NPS alone is enough to stop it.
  ActionWindow b2 = w(30, 2000), a2 = w(5, 2000);
  b2.nps = before.nps;
  a2.nps = after.nps;
  EXPECT_EQ(verify_action(b2, a2, true).code, "satisfaction_fell");
}

TEST(FeedbackVerification, RulesAreSettings) {
  VerificationRules strict;
  strict.min_reduction = 0.6;  // 15 → 7 is −53 %: not enough for this manager
  EXPECT_EQ(verify_action(w(30, 2000), w(14, 2000), true, strict).code, "reduction_too_small");
  VerificationRules lenient;
  lenient.min_items_before = 2;
  EXPECT_EQ(verify_action(w(3, 2000), w(0, 2000), true, lenient).code, "after_too_short");  // .5³ = .125 > .05
}

// The verdict's error rates, measured on seeded Poisson counts (2,000 contacts a window,
// 15 items per 1,000 before). No change: an action is called effective in at most 5 % of
// the cases (the test's alpha, less the 30 % rule). A true 60 % fall: called effective in
// most cases once the window is over, never not effective by "recurrence_not_reduced".
TEST(FeedbackVerification, ErrorRatesBySimulation) {
  std::mt19937_64 rng(14);
  auto uniform = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  auto poisson = [&](double mean) {
    int64_t k = 0;
    double p = std::exp(-mean), cdf = p;
    const double u = uniform();
    while (u > cdf) {
      ++k;
      p *= mean / static_cast<double>(k);
      cdf += p;
    }
    return k;
  };
  const int sims = 4000;
  int false_effective = 0, true_effective = 0, wrongly_rejected = 0;
  for (int i = 0; i < sims; ++i) {
    const int64_t before = poisson(30);
    if (verify_action(w(before, 2000), w(poisson(30), 2000), true).verdict == Verdict::effective) ++false_effective;
    const Verification v = verify_action(w(before, 2000), w(poisson(12), 2000), true);
    if (v.verdict == Verdict::effective) ++true_effective;
    if (v.code == "recurrence_not_reduced") ++wrongly_rejected;
  }
  EXPECT_LE(false_effective, sims * 5 / 100);
  EXPECT_GE(true_effective, sims * 75 / 100);
  EXPECT_EQ(wrongly_rejected, 0);
  RecordProperty("false_effective", false_effective);
  RecordProperty("true_effective", true_effective);
}

}  // namespace
}  // namespace kefu::feedback
