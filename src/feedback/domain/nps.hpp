#pragma once
// Net Promoter Score (净推荐值) from 0–10 answers to "how likely are you to recommend …".
// Pure: counts in, figures out.
//
// The rules:
// - promoters answer 9–10, passives 7–8, detractors 0–6; any other answer is invalid
//   input (kefu::Error invalid_field, field "score").
// - NPS = %promoters − %detractors, in points from −100 to 100 (0 with no answers).
// - The confidence interval is the adjusted Wald interval of a difference of two shares
//   of one multinomial sample: with shares p (promoters) and q (detractors) of n answers,
//   Var(p̂ − q̂) = (p + q − (p − q)²) / n. Before computing it, 3 pseudo-answers are
//   added — ¾ promoter, 1½ passive, ¾ detractor — so that n' = n + 3 and
//   p' = (P + ¾)/n', q' = (D + ¾)/n'. Centre p' − q', half-width z·√(var'/n')·100, the
//   ends clamped to [−100, 100].
//   Why this and not a bootstrap: it is closed-form, deterministic and O(1) (no seed, the
//   same counts always give the same interval, which a dashboard needs), it can be solved
//   for the sample size (minimum_sample), and the pseudo-answers fix the plain Wald
//   interval's failure at small n or extreme splits (10 promoters of 10 would give a
//   zero-width interval; a percentile bootstrap fails the same way). Its coverage is
//   checked by simulation in nps_test.cpp: 93–97 % for n from 20 to 500 at
//   ordinary splits; about 92 % when nearly everyone is a promoter and n <= 20.
// - The point estimate reported is the plain NPS; the interval's centre is slightly pulled
//   towards 0 by the pseudo-answers.
// - half_width is the unclamped half-width; the figure is trusted when half_width <= the
//   margin a manager sets (e.g. ±5 points).
// - minimum_sample(margin, split): the fewest answers for which the interval, at the given
//   shares of promoters and detractors, has half_width <= margin. The worst case
//   (p = q = ½, no passives) needs the most answers: 1,533 for ±5 points at 95 %
//   (the textbook z²/margin² gives 1,537).
#include <cstdint>
#include <span>

namespace kefu::feedback {

struct NpsCounts {
  int64_t promoters = 0;
  int64_t passives = 0;
  int64_t detractors = 0;
  int64_t total() const { return promoters + passives + detractors; }
};

// Throws kefu::Error invalid_field (field "score") for an answer outside 0–10.
NpsCounts count_nps(std::span<const int> scores);

struct NpsEstimate {
  int64_t responses = 0;
  double nps = 0;     // points, −100..100
  double low = -100;  // interval ends, points, clamped to −100..100
  double high = 100;
  double half_width = 100;  // unclamped, points; 100 with no answers
};

// confidence in (0, 1), e.g. 0.95.
NpsEstimate estimate_nps(const NpsCounts& counts, double confidence = 0.95);

// The interval is narrow enough: half_width <= margin (points).
bool trusted(const NpsEstimate& estimate, double margin);

// The shares of promoters and detractors the sample size is computed for.
struct NpsSplit {
  double promoters = 0.5;
  double detractors = 0.5;
};
NpsSplit observed_split(const NpsCounts& counts);  // the worst case when there are no answers

// Fewest answers giving half_width <= margin at that split; margin in points, > 0
// (kefu::Error invalid_field, field "margin", otherwise).
int64_t minimum_sample(double margin, NpsSplit split = {}, double confidence = 0.95);

}  // namespace kefu::feedback
