#include "feedback/domain/nps.hpp"

#include <algorithm>
#include <cmath>

#include "core/domain/errors.hpp"
#include "feedback/domain/distributions.hpp"

namespace kefu::feedback {

namespace {

constexpr double kPseudoEnd = 0.75;  // pseudo-answers added to promoters and to detractors
constexpr double kPseudoAll = 3.0;   // ... and in all

double z_of(double confidence) { return normal_quantile(0.5 + confidence / 2); }

// Half-width in points of the adjusted interval for n answers with P promoters and D
// detractors (real numbers, so that a split can be scaled to any n).
double adjusted_half_width(double n, double promoters, double detractors, double z) {
  const double n1 = n + kPseudoAll;
  const double p = (promoters + kPseudoEnd) / n1;
  const double q = (detractors + kPseudoEnd) / n1;
  const double var = p + q - (p - q) * (p - q);
  return z * std::sqrt(std::max(0.0, var) / n1) * 100;
}

}  // namespace

NpsCounts count_nps(std::span<const int> scores) {
  NpsCounts c;
  for (int s : scores) {
    if (s < 0 || s > 10) {
      throw make_error(errors::kInvalidField, {{"field", "score"}, {"problem", Text("须为 0–10", "must be 0 to 10")}},
                       "score");
    }
    if (s >= 9) {
      ++c.promoters;
    } else if (s >= 7) {
      ++c.passives;
    } else {
      ++c.detractors;
    }
  }
  return c;
}

NpsEstimate estimate_nps(const NpsCounts& counts, double confidence) {
  NpsEstimate e;
  e.responses = counts.total();
  if (e.responses == 0) return e;
  const double n = static_cast<double>(e.responses);
  const double p = counts.promoters / n, q = counts.detractors / n;
  e.nps = (p - q) * 100;
  const double n1 = n + kPseudoAll;
  const double centre = ((counts.promoters + kPseudoEnd) - (counts.detractors + kPseudoEnd)) / n1 * 100;
  e.half_width = adjusted_half_width(n, counts.promoters, counts.detractors, z_of(confidence));
  e.low = std::max(-100.0, centre - e.half_width);
  e.high = std::min(100.0, centre + e.half_width);
  return e;
}

bool trusted(const NpsEstimate& estimate, double margin) { return estimate.half_width <= margin; }

NpsSplit observed_split(const NpsCounts& counts) {
  if (counts.total() == 0) return {};
  const double n = static_cast<double>(counts.total());
  return {counts.promoters / n, counts.detractors / n};
}

int64_t minimum_sample(double margin, NpsSplit split, double confidence) {
  if (!(margin > 0)) {
    throw make_error(errors::kInvalidField, {{"field", "margin"}, {"problem", Text("须大于 0", "must be above 0")}},
                     "margin");
  }
  const double z = z_of(confidence);
  auto narrow_enough = [&](int64_t n) {
    const double d = static_cast<double>(n);
    return adjusted_half_width(d, split.promoters * d, split.detractors * d, z) <= margin;
  };
  // The half-width falls with n (the 1/n' factor dominates the slow drift of the adjusted
  // shares), so the smallest n is found by bisection.
  int64_t lo = 1, hi = 1;
  while (!narrow_enough(hi)) {
    lo = hi + 1;
    hi *= 2;
  }
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo) / 2;
    if (narrow_enough(mid)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return hi;
}

}  // namespace kefu::feedback
