#pragma once
// Verification of an improvement action (效果验证): did the topic recur less at the store
// after the action, without the affected customers becoming less satisfied? Pure: the
// counts of a window before and a window after the action are passed in, and whether the
// after window has run its full chosen length.
//
// The measures:
// - Recurrence: the topic's items per 1,000 contacts of the store (items / contacts · 1000).
//   The effect is the rate ratio RR = after rate / before rate (reduction = 1 − RR).
//   Test: the conditional binomial test of two Poisson rates. Given the k = k₁ + k₂ items
//   of both windows, with equal rates the after window's share k₂ ~ Binomial(k, π₀),
//   π₀ = c₂ / (c₁ + c₂) for c contacts; p = P(K₂ <= k₂), one-sided (a fall). The interval
//   of RR comes from the Clopper–Pearson bounds of k₂/k (each one-sided at alpha):
//   RR = π/(1 − π) · c₁/c₂.
// - Satisfaction of the affected contacts: CSAT as a share (satisfied responses, e.g.
//   ratings 4–5 of 5, over responses) with a pooled two-proportion z-test, and NPS with a
//   z-test of the difference of two independent NPS (variance (p + q − (p − q)²)/n each,
//   nps.hpp). Each is measured only when both windows have `min_responses` answers.
//
// The verdict, in this order (the code names the rule that decided):
// 1. not_enough_data
//    "no_contacts"      either window has no contacts;
//    "too_rare_before"  fewer than `min_items_before` items before: no problem to measure;
//    "after_too_short"  even no item at all after would not be significant yet, i.e.
//                       (1 − π₀)^k₁ > alpha: the after window has too few contacts.
// 2. effective ("effective"): the fall is significant (p <= alpha) and at least
//    `min_reduction` (RR <= 1 − min_reduction) — unless the CSAT or the NPS of the
//    affected contacts fell significantly (one-sided p <= alpha): then not_effective
//    ("satisfaction_fell"): fewer complaints bought with less satisfied customers is not
//    an improvement.
// 3. not_effective ("recurrence_not_reduced"): the interval of RR lies above
//    1 − min_reduction: the data show the reduction is smaller than required (or a rise).
// 4. Otherwise the change is not clear yet: not_enough_data ("unclear") while the after
//    window runs; once it has run its full length — the window the manager chose is the
//    test — not_effective: "reduction_too_small" when the fall is significant but below
//    `min_reduction`, "no_significant_reduction" when it is not significant.
// A better CSAT or NPS never makes an action effective on its own; it is reported.
// Known limit: the "after_too_short" guard asks only whether a total elimination would
// show, so a window that passes it can still be too short to show a partial reduction; the
// verdict then waits ("unclear") until the window ends.
#include <cstdint>
#include <optional>
#include <string>

#include "feedback/domain/nps.hpp"

namespace kefu::feedback {

struct ActionWindow {
  int64_t items = 0;      // feedback items and tickets of the topic at the store
  int64_t contacts = 0;   // all contacts at the store (the exposure)
  int64_t satisfied = 0;  // CSAT of the affected contacts: satisfied responses ...
  int64_t responses = 0;  // ... of all responses
  NpsCounts nps;          // NPS answers of the affected contacts
};

struct VerificationRules {
  double alpha = 0.05;         // one-sided
  double min_reduction = 0.3;  // the smallest reduction of the rate that counts
  int64_t min_items_before = 5;
  int64_t min_responses = 20;  // per window, for CSAT or NPS to be measured
};

enum class Verdict { effective, not_effective, not_enough_data };
// "effective", "not_effective", "not_enough_data".
const char* name(Verdict v);

struct RecurrenceEffect {
  double before_rate = 0;  // per 1,000 contacts
  double after_rate = 0;
  double rate_ratio = 0;  // after / before (NaN when not defined)
  double ratio_low = 0;   // one-sided bounds at alpha each
  double ratio_high = 0;
  double p_value = 1;  // one-sided, a fall
};

struct SatisfactionEffect {
  double before = 0;  // CSAT in % or NPS in points
  double after = 0;
  double difference = 0;  // after − before
  double p_worse = 1;     // one-sided: it fell
  double p_better = 1;    // one-sided: it rose
};

struct Verification {
  Verdict verdict = Verdict::not_enough_data;
  std::string code;  // the rule that decided (above)
  std::string reason_zh, reason_en;
  RecurrenceEffect recurrence;
  std::optional<SatisfactionEffect> csat;  // absent when not measured
  std::optional<SatisfactionEffect> nps;
};

Verification verify_action(const ActionWindow& before, const ActionWindow& after, bool after_window_complete,
                           const VerificationRules& rules = {});

}  // namespace kefu::feedback
