#include "feedback/domain/spikes.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace kefu::feedback {
namespace {

using namespace std::chrono;

// Saturday 5 December 2026.
const sys_days kToday = sys_days{2026y / December / 5};

// `history` days before today (oldest first) and then today's count.
DailySeries series(std::vector<int64_t> history, int64_t today, std::string topic = "停车",
                   std::string store = "成都店") {
  DailySeries s{std::move(topic), std::move(store), kToday - days{static_cast<int>(history.size())},
                std::move(history)};
  s.counts.push_back(today);
  return s;
}

std::vector<int64_t> flat(int n, int64_t value) { return std::vector<int64_t>(static_cast<size_t>(n), value); }

// 28 days ending yesterday (Friday): `weekday` each day, `saturday` on Saturdays.
std::vector<int64_t> weekly(int64_t weekday, int64_t saturday) {
  std::vector<int64_t> h;
  for (int i = 28; i >= 1; --i)
    h.push_back(year_month_weekday{kToday - days{i}}.weekday() == Saturday ? saturday : weekday);
  return h;
}

SpikeScan scan_one(const DailySeries& s, const SpikeRules& rules = {}) {
  const std::vector<DailySeries> all = {s};
  return find_spikes(all, kToday, rules);
}

// Hand-computed: 28 days of 3 → S = 84, m = 84.5/28 = 3.017857; the 4 Saturdays hold 12,
// so today's expectation is (12 + 4·3.017857)/(4 + 4) = 3.008929. The window is flat (own
// φ = 1, no shared excess), and the expectation rests on n = 4 + 4 days: φ = 1 + 1/8 =
// 1.125, a negative binomial of variance 3.385045: P(X >= 15) = 6.243e-6, P(X >= 4) = .35440.
TEST(FeedbackSpikes, Table) {
  struct Row {
    const char* story;
    DailySeries s;
    bool spike;
    int64_t tested;
    double expected = -1, p_value = -1;
    SpikeRules rules = {};
  };
  SpikeRules no_pattern;
  no_pattern.weekday_pattern = false;
  std::vector<int64_t> rise;  // 1 → 8 over six weeks
  for (int i = 0; i < 42; ++i) rise.push_back(1 + i / 6);
  std::vector<int64_t> noisy;  // 0, 8, 0, 8, …: mean 4, far from Poisson
  for (int i = 0; i < 28; ++i) noisy.push_back(i % 2 ? 8 : 0);
  const std::vector<Row> rows = {
      {"flat, an ordinary day", series(flat(28, 3), 4), false, 1, 3.008929, 0.35440},
      {"flat, a clear spike", series(flat(28, 3), 15), true, 1, 3.008929, 6.243e-6},
      {"a slow rise is a trend, not a spike", series(rise, 8), false, 1},
      {"too little data: 10 days of history", series(flat(10, 3), 15), false, 0},
      {"14 days are enough", series(flat(14, 3), 15), true, 1},
      {"a new problem: nothing for a month, then 6", series(flat(28, 0), 6), true, 1},
      {"... but 4 is below the minimum count", series(flat(28, 0), 4), false, 1},
      {"busy Saturdays are the pattern", series(weekly(2, 10), 10), false, 1},
      {"... which only the weekday model knows", series(weekly(2, 10), 10), true, 1, -1, -1, no_pattern},
      {"Saturday far above even Saturdays", series(weekly(2, 10), 30), true, 1},
      {"a noisy series needs a bigger jump", series(noisy, 12), false, 1, -1, -1, no_pattern},
      {"... which it can get", series(noisy, 25), true, 1, -1, -1, no_pattern},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.story);
    const SpikeScan scan = scan_one(r.s, r.rules);
    EXPECT_EQ(scan.tested, r.tested);
    EXPECT_EQ(scan.too_little_data, 1 - r.tested);
    ASSERT_EQ(scan.spikes.size(), r.spike ? 1u : 0u);
    Spike t;
    if (!test_series(r.s, kToday, r.rules, t)) continue;
    if (r.expected >= 0) {
      EXPECT_NEAR(t.expected, r.expected, 1e-6);
    }
    if (r.p_value >= 0) {
      EXPECT_NEAR(t.p_value / r.p_value, 1.0, 1e-3);
    }
    if (r.spike) {
      EXPECT_EQ(scan.spikes[0].observed, r.s.counts.back());
      EXPECT_NEAR(scan.spikes[0].ratio, t.observed / t.expected, 1e-12);
      EXPECT_LE(scan.spikes[0].q_value, 0.05);
    }
  }
}

TEST(FeedbackSpikes, NoisySeriesUsesItsDispersion) {
  std::vector<int64_t> noisy;
  for (int i = 0; i < 28; ++i) noisy.push_back(i % 2 ? 8 : 0);
  SpikeRules rules;
  rules.weekday_pattern = false;
  Spike t;
  ASSERT_TRUE(test_series(series(noisy, 12), kToday, rules, t));
  // m = 112.5/28 = 4.017857; Σ(x − m)²/m = (14·4.017857² + 14·3.982143²)/4.017857 = 111.5,
  // own φ = 111.5/27 = 4.1298, times 1 + 1/28 for the estimated mean: 4.2773. Negative
  // binomial with mean 4.017857 and variance 17.185: p = .23379, r = 1.2260;
  // P(X >= 12) = .06017 (Poisson would say .00095).
  EXPECT_NEAR(t.expected, 4.017857, 1e-6);
  EXPECT_NEAR(t.dispersion, 4.2773, 1e-3);
  EXPECT_NEAR(t.p_value, 0.06017, 5e-5);
}

// The spread the series share: 20 stores where the topic swings 0, 8, 0, 8 … make a calm
// series' jump from 4 to 12 an ordinary day for this topic; alone, it is a spike.
TEST(FeedbackSpikes, SharedOverdispersion) {
  SpikeRules rules;
  rules.weekday_pattern = false;
  std::vector<int64_t> noisy;
  for (int i = 0; i < 28; ++i) noisy.push_back(i % 2 ? 8 : 0);
  const DailySeries calm = series(flat(28, 4), 12, "停车", "calm");
  const std::vector<DailySeries> alone = {calm};
  EXPECT_DOUBLE_EQ(shared_overdispersion(alone, kToday, rules), 0);
  EXPECT_EQ(find_spikes(alone, kToday, rules).spikes.size(), 1u);

  std::vector<DailySeries> all = {calm};
  for (int i = 0; i < 20; ++i) all.push_back(series(noisy, 4, "停车", "store" + std::to_string(i)));
  // Per noisy window: Σ ((x − e)²·28/27 − e) = 352.10, Σ e² = 452.01;
  // the calm one: −112.49 and 452.01. 1/r̂ = (20·352.10 − 112.49)/(21·452.01) = .7300.
  const double od = shared_overdispersion(all, kToday, rules);
  EXPECT_NEAR(od, 0.7300, 1e-3);
  const SpikeScan scan = find_spikes(all, kToday, rules);
  EXPECT_DOUBLE_EQ(scan.overdispersion, od);
  EXPECT_TRUE(scan.spikes.empty());
}

TEST(FeedbackSpikes, BenjaminiHochberg) {
  // Sorted: .005 (rank 1), .01 (2), .03 (3), .04 (4); m = 4: .02, .02, .04, .04.
  const std::vector<double> q = benjamini_hochberg({0.01, 0.04, 0.03, 0.005});
  ASSERT_EQ(q.size(), 4u);
  EXPECT_NEAR(q[0], 0.02, 1e-12);
  EXPECT_NEAR(q[1], 0.04, 1e-12);
  EXPECT_NEAR(q[2], 0.04, 1e-12);
  EXPECT_NEAR(q[3], 0.02, 1e-12);
  EXPECT_TRUE(benjamini_hochberg({}).empty());
}

// 300 topic × store series of pure Poisson(3) noise and one real spike: alone, several
// noise series pass p <= .05 with the minimum count and ratio; the board shows only the
// real one.
TEST(FeedbackSpikes, ManySeriesAtOnce) {
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
  std::vector<DailySeries> all;
  for (int i = 0; i < 300; ++i) {
    std::vector<int64_t> h;
    for (int d = 0; d < 28; ++d) h.push_back(poisson(3));
    all.push_back(series(h, poisson(3), "topic" + std::to_string(i % 10), "store" + std::to_string(i / 10)));
  }
  std::vector<int64_t> h;
  for (int d = 0; d < 28; ++d) h.push_back(poisson(3));
  all.push_back(series(h, 20, "停车", "成都店"));

  int alone = 0;
  for (const auto& s : all) {
    Spike t;
    ASSERT_TRUE(test_series(s, kToday, {}, t));
    if (t.p_value <= 0.05 && t.observed >= 5 && t.ratio >= 2) ++alone;
  }
  EXPECT_GE(alone, 2);  // without the guard the board would show noise

  const SpikeScan scan = find_spikes(all, kToday);
  EXPECT_EQ(scan.tested, 301);
  ASSERT_EQ(scan.spikes.size(), 1u);
  EXPECT_EQ(scan.spikes[0].topic, "停车");
  EXPECT_EQ(scan.spikes[0].store, "成都店");
  EXPECT_EQ(scan.spikes[0].observed, 20);
}

TEST(FeedbackSpikes, DaysWithoutACountAreZeroAndTheFutureIsIgnored) {
  // Counting began 20 days ago; the vector stops 5 days ago (no items since), so today is 0.
  DailySeries s{"排队等候", "北京店", kToday - days{20}, flat(15, 2)};
  Spike t;
  ASSERT_TRUE(test_series(s, kToday, {}, t));
  EXPECT_EQ(t.observed, 0);
  // Counts after today do not enter the window.
  DailySeries later = series(flat(28, 3), 3);
  later.counts.push_back(100);
  ASSERT_TRUE(test_series(later, kToday, {}, t));
  EXPECT_NEAR(t.expected, 3.008929, 1e-6);
  // A series that starts after today is not tested.
  DailySeries future{"价格", "北京店", kToday + days{1}, flat(3, 1)};
  EXPECT_FALSE(test_series(future, kToday, {}, t));
}

}  // namespace
}  // namespace kefu::feedback
