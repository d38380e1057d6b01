#pragma once
// Quality scores per agent over a period: what the KPI sheet (m16-kpi, src/performance/)
// reads, and the small QA report of the console.
//
// An inspection counts in the period of its submission (submitted_at in [from, to)) once
// its score is final (quality::is_final: scored, acknowledged, upheld, re-scored; not
// while queued or appealed). A failed red line counts as a score of 0 and as a red line.
#include <cstdint>
#include <string>
#include <vector>

#include "core/app/context.hpp"

namespace kefu::app {

struct StaffQa {
  int64_t staff_id = 0;
  double average_score = 0;  // 0 … 100, one decimal
  int inspections = 0;
  int red_lines = 0;
};

// Agents in ascending staff id. store_id must be a store the caller serves (admins: any;
// 404 otherwise). No scope of its own: the caller's use case (the KPI sheet, reports:read;
// the QA report, quality:read) checks its own.
std::vector<StaffQa> qa_scores(Context&, int64_t store_id, int64_t from_ms, int64_t to_ms);

struct ItemQa {
  std::string channel;  // the channel kind of the scorecard
  std::string item;
  std::string name;
  bool red_line = false;
  int marked = 0;            // inspections where the item applied
  int failed = 0;            // marked fail
  double average_share = 0;  // 0 … 100, one decimal: the points earned as a share of its weight
};

struct QaReport {
  std::vector<StaffQa> by_staff;
  std::vector<ItemQa> by_item;  // by channel, then in the scorecard's order
};

// Supervisors and above of the store; quality:read.
QaReport qa_report(Context&, int64_t store_id, int64_t from_ms, int64_t to_ms);

}  // namespace kefu::app
