#pragma once
// Hot issues (热点问题, docs/feedback.md): the series of a store × topic whose count on a
// local day is a spike against its own 28-day baseline (feedback/domain/spikes.hpp), the
// board that shows them with the customers' words, and the notice that tells the store's
// supervisors and managers, once per spike.
//
// Every store's series are tested together on a day, whoever asks (the board of one store,
// the job for all): Benjamini–Hochberg's q-values and the shared over-dispersion then do not
// depend on who looks, and the board shows what the managers were told.
//
// Who: the board is for supervisors and above with feedback:read, of the stores they serve
// (another store: 404 not_found; admins: all).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "feedback/domain/item.hpp"
#include "feedback/domain/spikes.hpp"

namespace kefu::app {

inline constexpr int kHotExamples = 3;
inline constexpr int kHotItemIds = 100;

struct HotQuery {
  std::optional<int64_t> store_id;  // none: every store the caller serves
  std::string day;                  // YYYY-MM-DD on the stores' wall clock; "": today in the (first) store's zone
};

struct HotIssue {
  feedback::Spike spike;
  int64_t store_id = 0;
  std::string store_name;
  std::string topic_name;
  int64_t from = 0, to = 0;              // the local day (ms), for the inbox filtered to it
  std::string history_from;              // the first day of `history`
  std::vector<int64_t> history;          // items per day, window_days before the day and the day itself
  std::vector<feedback::Item> examples;  // newest first, at most kHotExamples
  std::vector<int64_t> item_ids;         // the day's items of the series, newest first, at most kHotItemIds
  bool notified = false;                 // the store's managers were told
};

struct HotBoard {
  std::string day;
  feedback::SpikeRules rules;
  int64_t tested = 0;           // series tested that day (every store)
  int64_t too_little_data = 0;  // series with too little history to test
  double overdispersion = 0;
  std::vector<HotIssue> issues;  // smallest p-value first
};

HotBoard hot_issues(Context&, const HotQuery&);

// The job (feedback/jobs/hot_watch.hpp), as the system, in two steps so that the scan runs
// on a reader and only the notices take the writer:
// 1. today's spikes of every store, on each store's own day, not told yet;
struct HotNotice {
  HotIssue issue;
  std::string day;
};
std::vector<HotNotice> untold_hot_issues(Context&);
// 2. each recorded once (skipped when another round told it meanwhile) and its store's
//    supervisors and managers notified (in the app, and by email through the outbox).
//    Returns the issues told now.
int tell_hot_issues(Context&, const std::vector<HotNotice>&);
// Both in one context (tests).
int notify_hot_issues(Context&);

// The stores a supervisor-or-above caller may read for feedback figures: the one named
// (checked: else 404) or every store they serve (admins: all). Used by the journey too.
std::vector<int64_t> feedback_stats_stores(Context&, std::optional<int64_t> store_id);

}  // namespace kefu::app
