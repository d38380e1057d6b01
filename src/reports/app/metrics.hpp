#pragma once
// The dashboards' figures (GET /reports/metrics, /reports/heatmap), read from the rollups
// (reports/domain/rollup.hpp), each with the same figure for the period just before and
// the ticket-list query behind it (drill-down).
//
// Who sees what: supervisors and admins (scope reports:read) see the figures of their
// stores (admins: every store), or of the one store_id (404 outside them). Agents see no
// store-wide figures (403); their own figures are their KPI sheet's.
//
// Periods are local days of the store's calendar (or the caller's first store's), from and
// to inclusive, at most 366 days; by default the 30 days ending today. The previous period
// is as many days just before `from`.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "reports/domain/rollup.hpp"

namespace kefu::app {

// by: total | day | week | month | store | department | staff | type | channel | priority |
// category | complaint_cause.
struct MetricsQuery {
  std::string from, to;  // YYYY-MM-DD; empty = default
  std::optional<int64_t> store_id;
  std::string by = "total";
};

// The ticket-list filters (GET /tickets) that list exactly the tickets of a figure, with
// `metric` added for all but contacts: created_from/created_to (ms) and the row's own
// filter (store_id, type, category, …). Values are query-string texts.
using Drill = std::map<std::string, std::string>;

struct MetricsRow {
  std::string key, label;
  reports::Measures m;
  std::optional<reports::Measures> previous;  // the same key in the previous period (not for periods)
  std::optional<Drill> drill;                 // none when the list cannot say it (no owner, no department)
};

struct Metrics {
  std::string from, to, previous_from, previous_to, by;
  reports::Measures totals, previous_totals;
  Drill drill;  // the totals'
  std::vector<MetricsRow> rows;
};

Metrics report_metrics(Context&, const MetricsQuery&);

// The totals alone of the tickets created on the local days from … to (YYYY-MM-DD,
// inclusive), with the same access and stores as report_metrics and no previous period:
// for reports whose "period before" is not the same number of days (a calendar month).
reports::Measures report_totals(Context&, const std::string& from, const std::string& to,
                                std::optional<int64_t> store_id);

struct HeatmapCell {
  int weekday = 1;  // 1 = Monday … 7 = Sunday
  int hour = 0;
  int64_t contacts = 0;
};
struct Heatmap {
  std::string from, to;
  std::vector<HeatmapCell> cells;  // 7 × 24, Monday 00:00 first
};
Heatmap report_heatmap(Context&, const std::string& from, const std::string& to, std::optional<int64_t> store_id);

}  // namespace kefu::app
