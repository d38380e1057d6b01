#include "feedback/domain/spikes.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>

#include "feedback/domain/distributions.hpp"

namespace kefu::feedback {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::weekday;

int64_t count_on(const DailySeries& s, sys_days day) {
  const int64_t i = (day - s.first_day).count();
  if (i < 0 || i >= static_cast<int64_t>(s.counts.size())) return 0;
  return s.counts[static_cast<size_t>(i)];
}

struct Baseline {
  double mean = 0;            // m, per day over the window
  double by_weekday[7] = {};  // expectation per weekday (c_encoding), = mean without the pattern
  double dispersion = 1;
  double excess = 0;     // Σ ((x − e)²·W/(W − 1) − e): the variance beyond Poisson
  double e_squared = 0;  // Σ e²
  double effective_days = 1;
};

Baseline baseline(const DailySeries& s, sys_days from, sys_days today, const SpikeRules& rules) {
  Baseline b;
  const int64_t w = (today - from).count();
  double sum = 0, sum_w[7] = {}, n_w[7] = {};
  for (sys_days d = from; d < today; d += days{1}) {
    const auto x = static_cast<double>(count_on(s, d));
    const unsigned wd = weekday{d}.c_encoding();
    sum += x;
    sum_w[wd] += x;
    n_w[wd] += 1;
  }
  b.mean = (sum + 0.5) / static_cast<double>(w);
  {
    const unsigned wd = weekday{today}.c_encoding();
    b.effective_days = rules.weekday_pattern ? n_w[wd] + rules.weekday_prior_days : static_cast<double>(w);
  }
  for (unsigned wd = 0; wd < 7; ++wd) {
    b.by_weekday[wd] = rules.weekday_pattern
                           ? (sum_w[wd] + rules.weekday_prior_days * b.mean) / (n_w[wd] + rules.weekday_prior_days)
                           : b.mean;
  }
  if (w < 2) return b;
  double chi2 = 0;
  const double df = static_cast<double>(w - 1);
  for (sys_days d = from; d < today; d += days{1}) {
    const double e = b.by_weekday[weekday{d}.c_encoding()];
    const double r = static_cast<double>(count_on(s, d)) - e;
    chi2 += r * r / e;
    b.excess += r * r * (df + 1) / df - e;
    b.e_squared += e * e;
  }
  b.dispersion = std::max(1.0, chi2 / df);
  return b;
}

sys_days window_start(const DailySeries& s, sys_days today, const SpikeRules& rules) {
  return std::max(s.first_day, today - days{rules.window_days});
}

bool enough_history(sys_days from, sys_days today, const SpikeRules& rules) {
  return (today - from).count() >= rules.min_history_days;
}

}  // namespace

double shared_overdispersion(std::span<const DailySeries> series, sys_days today, const SpikeRules& rules) {
  double excess = 0, e_squared = 0;
  for (const auto& s : series) {
    const sys_days from = window_start(s, today, rules);
    if (!enough_history(from, today, rules)) continue;
    const Baseline b = baseline(s, from, today, rules);
    excess += b.excess;
    e_squared += b.e_squared;
  }
  return e_squared > 0 ? std::max(0.0, excess / e_squared) : 0;
}

bool test_series(const DailySeries& s, sys_days today, const SpikeRules& rules, Spike& out, double overdispersion) {
  assert(rules.min_history_days >= 2 && rules.min_history_days <= rules.window_days);
  assert(rules.weekday_prior_days > 0);
  const sys_days from = window_start(s, today, rules);
  if (!enough_history(from, today, rules)) return false;
  const Baseline b = baseline(s, from, today, rules);
  out.topic = s.topic;
  out.store = s.store;
  out.observed = count_on(s, today);
  out.expected = b.by_weekday[weekday{today}.c_encoding()];
  out.ratio = static_cast<double>(out.observed) / out.expected;
  out.dispersion = std::max(b.dispersion, 1 + out.expected * overdispersion) * (1 + 1 / b.effective_days);
  out.p_value = out.dispersion > 1 + 1e-9
                    ? negative_binomial_upper_tail(out.observed, out.expected, out.expected * out.dispersion)
                    : poisson_upper_tail(out.observed, out.expected);
  out.q_value = out.p_value;
  return true;
}

std::vector<double> benjamini_hochberg(const std::vector<double>& p) {
  const size_t m = p.size();
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] < p[b]; });
  std::vector<double> q(m);
  double running = 1;
  for (size_t r = m; r-- > 0;) {  // from the largest p down: q_(r) = min_{j >= r} p_(j)·m/j
    const size_t i = order[r];
    running = std::min(running, p[i] * static_cast<double>(m) / static_cast<double>(r + 1));
    q[i] = running;
  }
  return q;
}

SpikeScan find_spikes(std::span<const DailySeries> series, sys_days today, const SpikeRules& rules) {
  SpikeScan scan;
  scan.overdispersion = shared_overdispersion(series, today, rules);
  std::vector<Spike> tested;
  for (const auto& s : series) {
    Spike t;
    if (test_series(s, today, rules, t, scan.overdispersion)) {
      tested.push_back(std::move(t));
    } else {
      ++scan.too_little_data;
    }
  }
  scan.tested = static_cast<int64_t>(tested.size());
  std::vector<double> p;
  for (const auto& t : tested) p.push_back(t.p_value);
  const std::vector<double> q = benjamini_hochberg(p);
  for (size_t i = 0; i < tested.size(); ++i) {
    tested[i].q_value = q[i];
    const Spike& t = tested[i];
    if (t.q_value <= rules.fdr && t.observed >= rules.min_count && t.ratio >= rules.min_ratio) {
      scan.spikes.push_back(t);
    }
  }
  std::sort(scan.spikes.begin(), scan.spikes.end(), [](const Spike& a, const Spike& b) {
    if (a.p_value != b.p_value) return a.p_value < b.p_value;
    if (a.topic != b.topic) return a.topic < b.topic;
    return a.store < b.store;
  });
  return scan;
}

}  // namespace kefu::feedback
