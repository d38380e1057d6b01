#pragma once
// The few distribution functions the feedback statistics need, over Boost.Math (header
// only, from libboost-dev). Pure; arguments outside a function's domain are programmer
// errors (asserted), since every caller in this folder checks its inputs first.
#include <cstdint>

namespace kefu::feedback {

// z such that P(Z <= z) = p for a standard normal Z; 0 < p < 1.
double normal_quantile(double p);
// P(Z >= z) for a standard normal Z.
double normal_upper_tail(double z);

// P(X >= k) for X ~ Poisson(mean); mean > 0. 1 when k <= 0.
double poisson_upper_tail(int64_t k, double mean);
// P(X >= k) for X negative binomial with the given mean and variance (variance > mean > 0):
// the over-dispersed count. 1 when k <= 0.
double negative_binomial_upper_tail(int64_t k, double mean, double variance);

// P(X <= k) for X ~ Binomial(n, p); 0 <= p <= 1, n >= 0. 1 when k >= n, 0 when k < 0.
double binomial_lower_tail(int64_t k, int64_t n, double p);
// P(X >= k) for X ~ Binomial(n, p). 1 when k <= 0, 0 when k > n.
double binomial_upper_tail(int64_t k, int64_t n, double p);

// Clopper–Pearson bounds of a binomial proportion from k successes in n trials, each a
// one-sided bound at `alpha`: the lower is 0 when k == 0, the upper 1 when k == n.
double binomial_lower_bound(int64_t k, int64_t n, double alpha);
double binomial_upper_bound(int64_t k, int64_t n, double alpha);

}  // namespace kefu::feedback
