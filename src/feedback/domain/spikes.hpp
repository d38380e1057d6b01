#pragma once
// Hot issues (热点问题): is today's count of a topic at a store a spike against that
// series' own history? Pure: the series and `today` are passed in.
//
// The test, per series (topic × store, one count per calendar day):
// - Baseline: the `window_days` days before today (today excluded). A series with fewer
//   than `min_history_days` days of history is not tested (too little data). `first_day`
//   is when counting began for the series (the store's or topic's start), not its first
//   item: days before it are unknown, days after it without a count are 0.
// - Expected count: the window's mean per day, m = (S + ½) / W for S items in W days (the
//   half item keeps an empty history's rate above 0, so a new problem can still show).
//   With `weekday_pattern`, today's weekday has its own mean shrunk towards m:
//   (S_w + k·m) / (n_w + k) for S_w items on the n_w same weekdays of the window and
//   k = `weekday_prior_days` — a store's busy Saturday is not a hot issue.
// - Spread: φ, the larger of two estimates of variance / mean.
//   · the series' own Pearson dispersion over its window, Σ (x − e)²/e / (W − 1);
//   · the one all series tested together show: the negative binomial's shared
//     1/r̂ = Σ ((x − e)²·W/(W − 1) − e) / Σ e² over every window day of every series
//     (at least 0), and for today φ = 1 + expected/r̂. 28 days are too few to know one
//     series' spread: on simulated over-dispersed counts (variance = mean + mean²/2) the
//     own estimate alone let through 1–2 false spikes a day per 300 series; the shared
//     one is precise, and a series noisier than the rest still has its own.
//   The expectation is itself estimated, from n days (W, or n_w + k for a weekday's mean),
//   which adds about φ·expected/n to the variance of today's surprise: φ is multiplied by
//   (1 + 1/n). (On the simulated Poisson counts this cut the false spikes per 300 series a
//   day from 0.10 to 0.03, and on the over-dispersed ones from 0.6 to 0.25.)
//   φ <= 1: today ~ Poisson(expected); φ > 1: a negative binomial with the same mean and
//   variance φ·expected, so a noisy series needs a bigger jump. (A past spike inside the
//   window raises the series' own φ: the next days' test is more cautious.)
// - p-value: P(X >= observed) under that distribution.
// - Many series are tested at once: the p-values of every tested series are adjusted by
//   Benjamini–Hochberg (q-value), which keeps the expected share of false hot issues on
//   the board at `fdr`.
// - A spike: q <= fdr, observed >= `min_count` and observed / expected >= `min_ratio`
//   (the board shows issues worth a manager's time, not every significant wobble).
// A slow rise is not a spike: the trailing mean follows it. Rising topics are a trend,
// for the weekly digest, not for this test.
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kefu::feedback {

struct DailySeries {
  std::string topic;
  std::string store;
  std::chrono::sys_days first_day{};  // the day of counts[0]
  std::vector<int64_t> counts;        // items per day from first_day on, oldest first
};

// The settings; asserted: 2 <= min_history_days <= window_days, weekday_prior_days > 0.
struct SpikeRules {
  int window_days = 28;       // the baseline: this many days before today
  int min_history_days = 14;  // fewer days of history: not tested
  int64_t min_count = 5;      // a spike has at least this many items today ...
  double min_ratio = 2.0;     // ... and at least this many times the expected count
  double fdr = 0.05;          // Benjamini–Hochberg: the accepted share of false hot issues
  bool weekday_pattern = true;
  double weekday_prior_days = 4;  // k: how many days of the overall mean a weekday's mean starts with
};

struct Spike {
  std::string topic;
  std::string store;
  int64_t observed = 0;
  double expected = 0;
  double ratio = 0;       // observed / expected
  double p_value = 1;     // one series alone
  double q_value = 1;     // Benjamini–Hochberg over all series tested
  double dispersion = 1;  // φ used: variance / expected of today's count
};

struct SpikeScan {
  std::vector<Spike> spikes;  // smallest p-value first (ties: topic, store)
  int64_t tested = 0;
  int64_t too_little_data = 0;
  double overdispersion = 0;  // the shared 1/r̂ (0: no variance beyond Poisson)
};

// One series' test alone (q_value = p_value); false when it has too little history.
// overdispersion: the shared 1/r̂ (0 = the series' own spread only).
bool test_series(const DailySeries& series, std::chrono::sys_days today, const SpikeRules& rules, Spike& out,
                 double overdispersion = 0);

// The shared 1/r̂ of the series with enough history (0 when none or no excess variance).
double shared_overdispersion(std::span<const DailySeries> series, std::chrono::sys_days today,
                             const SpikeRules& rules = {});

SpikeScan find_spikes(std::span<const DailySeries> series, std::chrono::sys_days today, const SpikeRules& rules = {});

// Benjamini–Hochberg adjusted p-values, in the order given.
std::vector<double> benjamini_hochberg(const std::vector<double>& p_values);

}  // namespace kefu::feedback
