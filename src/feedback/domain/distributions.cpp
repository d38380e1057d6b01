#include "feedback/domain/distributions.hpp"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/negative_binomial.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <cassert>

namespace kefu::feedback {

namespace bm = boost::math;

double normal_quantile(double p) {
  assert(p > 0 && p < 1);
  return bm::quantile(bm::normal(), p);
}

double normal_upper_tail(double z) { return bm::cdf(bm::complement(bm::normal(), z)); }

double poisson_upper_tail(int64_t k, double mean) {
  assert(mean > 0);
  if (k <= 0) return 1;
  // P(X >= k) = P(X > k - 1).
  return bm::cdf(bm::complement(bm::poisson(mean), static_cast<double>(k - 1)));
}

double negative_binomial_upper_tail(int64_t k, double mean, double variance) {
  assert(mean > 0 && variance > mean);
  if (k <= 0) return 1;
  // Boost's (r, p) counts failures before the r-th success: mean r(1-p)/p, variance
  // r(1-p)/p^2, so p = mean/variance and r = mean p / (1 - p).
  const double p = mean / variance;
  const double r = mean * p / (1 - p);
  return bm::cdf(bm::complement(bm::negative_binomial(r, p), static_cast<double>(k - 1)));
}

double binomial_lower_tail(int64_t k, int64_t n, double p) {
  assert(n >= 0 && p >= 0 && p <= 1);
  if (k < 0) return 0;
  if (k >= n) return 1;
  return bm::cdf(bm::binomial(static_cast<double>(n), p), static_cast<double>(k));
}

double binomial_upper_tail(int64_t k, int64_t n, double p) {
  assert(n >= 0 && p >= 0 && p <= 1);
  if (k <= 0) return 1;
  if (k > n) return 0;
  return bm::cdf(bm::complement(bm::binomial(static_cast<double>(n), p), static_cast<double>(k - 1)));
}

double binomial_lower_bound(int64_t k, int64_t n, double alpha) {
  assert(n > 0 && k >= 0 && k <= n && alpha > 0 && alpha < 1);
  if (k == 0) return 0;
  // The alpha quantile of Beta(k, n - k + 1).
  return bm::ibeta_inv(static_cast<double>(k), static_cast<double>(n - k + 1), alpha);
}

double binomial_upper_bound(int64_t k, int64_t n, double alpha) {
  assert(n > 0 && k >= 0 && k <= n && alpha > 0 && alpha < 1);
  if (k == n) return 1;
  // The 1 - alpha quantile of Beta(k + 1, n - k).
  return bm::ibeta_inv(static_cast<double>(k + 1), static_cast<double>(n - k), 1 - alpha);
}

}  // namespace kefu::feedback
