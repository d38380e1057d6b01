#include "feedback/domain/nps.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "core/domain/error.hpp"

namespace kefu::feedback {
namespace {

TEST(FeedbackNps, CountsByGroup) {
  const std::vector<int> scores = {0, 6, 7, 8, 9, 10, 10, 5};
  const NpsCounts c = count_nps(scores);
  EXPECT_EQ(c.promoters, 3);
  EXPECT_EQ(c.passives, 2);
  EXPECT_EQ(c.detractors, 3);
  const std::vector<int> bad = {3, 11};
  try {
    count_nps(bad);
    ADD_FAILURE() << "11 accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "invalid_field");
    EXPECT_EQ(e.field(), "score");
  }
  const std::vector<int> negative = {-1};
  EXPECT_THROW(count_nps(negative), Error);
}

// Hand-computed with z = 1.959964 (95 %). For P promoters, D detractors of n answers:
// n' = n + 3, p' = (P + .75)/n', q' = (D + .75)/n', var' = p' + q' − (p' − q')²,
// half-width = z·√(var'/n')·100, centre = (p' − q')·100.
// Example 6/2/2: n' = 13, p' = .519231, q' = .211538, var' = .730769 − .094675 = .636095,
// √(.636095/13) = .221201, half-width = 43.355, centre = 30.769 → [−12.586, 74.124].
TEST(FeedbackNps, EstimateTable) {
  struct Row {
    NpsCounts counts;
    double nps, low, high, half_width;
  };
  const std::vector<Row> rows = {
      {{6, 2, 2}, 40.0, -12.586, 74.124, 43.355},
      {{10, 0, 0}, 100.0, 47.504, 100.0, 29.420},  // all promoters: still a real interval
      {{0, 0, 1}, -100.0, -98.499, 48.499, 73.499},
      {{1, 1, 1}, 0.0, -61.113, 61.113, 61.113},
      {{50, 30, 20}, 30.0, 14.051, 44.201, 15.075},
      {{300, 450, 250}, 5.0, 0.406, 9.564, 4.579},
      {{0, 0, 0}, 0.0, -100.0, 100.0, 100.0},  // no answers: nothing known
  };
  for (const auto& r : rows) {
    const NpsEstimate e = estimate_nps(r.counts);
    SCOPED_TRACE(testing::Message() << r.counts.promoters << "/" << r.counts.passives << "/" << r.counts.detractors);
    EXPECT_EQ(e.responses, r.counts.total());
    EXPECT_NEAR(e.nps, r.nps, 1e-9);
    EXPECT_NEAR(e.low, r.low, 5e-3);
    EXPECT_NEAR(e.high, r.high, 5e-3);
    EXPECT_NEAR(e.half_width, r.half_width, 5e-3);
  }
}

TEST(FeedbackNps, TrustedWhenNarrowerThanTheMargin) {
  EXPECT_TRUE(trusted(estimate_nps({300, 450, 250}), 5));  // ±4.58
  EXPECT_FALSE(trusted(estimate_nps({50, 30, 20}), 5));    // ±15.08
  EXPECT_TRUE(trusted(estimate_nps({50, 30, 20}), 16));
  EXPECT_FALSE(trusted(estimate_nps({}), 99));
}

TEST(FeedbackNps, MinimumSampleTable) {
  struct Row {
    double margin;
    NpsSplit split;
    int64_t n;
  };
  const std::vector<Row> rows = {
      {5, {}, 1533},                                              // worst case; the textbook 1.96²·10⁴/5² = 1,537
      {10, {}, 380},        {3, {}, 4264}, {5, {0.5, 0.2}, 935},  // var = .7 − .09 = .61: fewer answers needed
      {10, {0.9, 0.0}, 55},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(testing::Message() << "±" << r.margin << " at " << r.split.promoters << "/" << r.split.detractors);
    const int64_t n = minimum_sample(r.margin, r.split);
    EXPECT_EQ(n, r.n);
  }
  EXPECT_THROW(minimum_sample(0), Error);
  EXPECT_THROW(minimum_sample(-1), Error);
}

TEST(FeedbackNps, MinimumSampleMatchesTheEstimate) {
  // 1000 answers, 500 promoters and 500 detractors: ±5 needs 1,533 of them; at 1,533
  // answers split the same way the estimate is trusted, at 1,532 it is not.
  EXPECT_EQ(minimum_sample(5, observed_split({500, 0, 500})), 1533);
  EXPECT_TRUE(trusted(estimate_nps({766, 1, 766}), 5));
  EXPECT_FALSE(trusted(estimate_nps({766, 0, 766}), 5));
  EXPECT_DOUBLE_EQ(observed_split({}).promoters, 0.5);  // no answers: the worst case
}

// The interval's coverage, measured: seeded multinomial samples at several true splits.
TEST(FeedbackNps, IntervalCoversTheTrueScoreAbout95Percent) {
  std::mt19937_64 rng(14);
  auto uniform = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  const NpsSplit splits[] = {{0.5, 0.2}, {0.3, 0.3}, {0.8, 0.05}, {0.1, 0.7}};
  for (const auto& s : splits) {
    for (int n : {20, 100, 500}) {
      const int sims = 2000;
      int covered = 0;
      for (int i = 0; i < sims; ++i) {
        NpsCounts c;
        for (int k = 0; k < n; ++k) {
          const double u = uniform();
          if (u < s.promoters) {
            ++c.promoters;
          } else if (u < s.promoters + s.detractors) {
            ++c.detractors;
          } else {
            ++c.passives;
          }
        }
        const NpsEstimate e = estimate_nps(c);
        const double truth = (s.promoters - s.detractors) * 100;
        if (e.low <= truth && truth <= e.high) ++covered;
      }
      const double coverage = static_cast<double>(covered) / sims;
      SCOPED_TRACE(testing::Message() << s.promoters << "/" << s.detractors << " n=" << n);
      EXPECT_GE(coverage, 0.93);
      EXPECT_LE(coverage, 0.97);
    }
  }
}

}  // namespace
}  // namespace kefu::feedback
