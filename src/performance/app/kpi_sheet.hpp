#pragma once
// The monthly KPI sheet (月度绩效表) of a store: one row per person serving it and one per
// department, scored by the rules in force (kpi_rules.hpp), ranked, with the previous
// month's score and rank beside, and each person's service bonus (服务奖金) with its reasons.
//
// What is counted, for the month on the store's wall clock (docs/performance.md):
// - tickets: those created in the month, credited to their owner (首问负责人) as of now;
//   first response and resolution: the mean business time of the SLA clocks (the elapsed
//   time of each fulfilled cycle, in its target's mode, as sla/domain/compliance counts
//   it); SLA compliance: met / (met + missed) over first-response and resolution cycles;
//   reopen rate: reopened / resolved tickets;
// - chats: conversations created in the month, credited to their agent;
// - CSAT: the ratings of those tickets and chats;
// - praise and complaints: this capability's records of the month (staff_records.hpp);
//   only upheld complaints count (partly upheld at half);
// - QA: the quality capability's mean score of the month's final inspections (qa_scores.hpp).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "performance/domain/bonus.hpp"
#include "performance/domain/kpi.hpp"
#include "performance/domain/month.hpp"

namespace kefu::app {

// What was counted for a person or a department; figures are derived from these sums.
struct KpiCounts {
  int64_t tickets = 0, chats = 0;
  int64_t resolved = 0, reopened = 0;
  int64_t first_response_sum_ms = 0, first_response_n = 0;
  int64_t resolution_sum_ms = 0, resolution_n = 0;
  int64_t sla_met = 0, sla_missed = 0;
  int64_t csat_sum = 0, csat_n = 0;
  int64_t praise = 0, upheld = 0, partly = 0, not_upheld = 0, pending = 0;
  double qa_sum = 0;
  int64_t qa_n = 0;
  void add(const KpiCounts&);
};

// Nothing is measured for someone with no contact, praise, complaint or QA result.
performance::Figures figures_of(const KpiCounts&);

struct KpiRow {
  int64_t staff_id = 0;
  std::string name;
  std::optional<int64_t> department_id;
  std::string department;
  KpiCounts counts;
  performance::Figures figures;
  performance::Score score;
  int rank = 0;
  std::optional<double> previous_score;
  std::optional<int> previous_rank;
  performance::Bonus bonus;
};

struct DepartmentRow {
  std::optional<int64_t> department_id;  // empty: people in no department of the store
  std::string name;
  int members = 0;
  KpiCounts counts;
  performance::Figures figures;
  performance::Score score;
  int rank = 0;
  std::optional<double> previous_score;
  int64_t bonus_fen = 0;
};

struct KpiSheet {
  int64_t store_id = 0;
  std::string store_name;
  performance::Month month, previous_month;
  int64_t from = 0, to = 0;  // the month, ms
  std::string rules_source;  // store, chain, default
  performance::KpiRules kpi;
  performance::BonusRules bonus;
  bool qa_available = false;
  std::vector<KpiRow> rows;  // ranked
  std::vector<DepartmentRow> departments;
  int64_t bonus_total_fen = 0;
};

// Supervisor+ with reports:read, of the store (404 otherwise); the month "YYYY-MM"
// (400 invalid_month).
KpiSheet kpi_sheet(Context&, int64_t store_id, const std::string& month);

// The caller's own row of the sheet (any staff serving the store, reports:read): the
// person, their rank among n, and the sheet's rules; no row when they are not on it
// (managers, admins).
struct MyKpi {
  KpiSheet sheet;  // rows: only the caller's; departments: only theirs
  int ranked = 0;  // how many people are ranked
};
MyKpi my_kpi(Context&, int64_t store_id, const std::string& month);

// The sheet as CSV for Excel (UTF-8 BOM, CRLF), Chinese or English headers.
std::string kpi_csv(const KpiSheet&, bool zh);

}  // namespace kefu::app
