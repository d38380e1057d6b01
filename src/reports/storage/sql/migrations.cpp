// The schema of reports (reports/domain/facts.hpp, rollup.hpp). Facts and rollups are
// derived from the tickets: `kefu reports rebuild` recomputes them from scratch.
#include "reports/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kReports[] = {
    {.number = 1, .sql = R"SQL(
-- One row per ticket (no foreign key: derived data, rebuilt at will). day is the local
-- created day yyyymmdd of the ticket's store; times in business milliseconds.
CREATE TABLE ticket_facts(
  ticket_id {int} PRIMARY KEY, store_id {int} NOT NULL, department_id {int}, owner_id {int},
  first_owner_id {int}, type TEXT NOT NULL, channel TEXT NOT NULL, priority TEXT NOT NULL,
  category TEXT NOT NULL, complaint_cause TEXT NOT NULL, day {int} NOT NULL, hour {int} NOT NULL,
  created_at {int} NOT NULL, frt_ms {int}, resolution_ms {int}, resolved {int} NOT NULL,
  fcr {int} NOT NULL, reopened {int} NOT NULL, handed_over {int} NOT NULL, frt_missed {int} NOT NULL,
  resolution_missed {int} NOT NULL, sla_met {int} NOT NULL, sla_missed {int} NOT NULL, csat {int});
CREATE TABLE report_rollups(
  dim TEXT NOT NULL, day {int} NOT NULL, store_id {int} NOT NULL, key TEXT NOT NULL,
  contacts {int} NOT NULL, resolved {int} NOT NULL, frt_n {int} NOT NULL, frt_sum_ms {int} NOT NULL,
  res_n {int} NOT NULL, res_sum_ms {int} NOT NULL, sla_met {int} NOT NULL, sla_missed {int} NOT NULL,
  fcr {int} NOT NULL, reopened {int} NOT NULL, csat_n {int} NOT NULL, csat_sum {int} NOT NULL,
  csat_good {int} NOT NULL, PRIMARY KEY(dim, day, store_id, key));
-- Tickets whose fact is stale: marked by the ticket and rating stores in the writing
-- transaction, drained by the rollup keeper. seq grows with every mark, so a drain deletes
-- only the marks it has seen.
CREATE TABLE report_dirty(ticket_id {int} PRIMARY KEY, seq {int} NOT NULL);
)SQL"},
};

constexpr CountedTable kTables[] = {{"ticket_facts"}, {"report_rollups"}, {"report_dirty"}};

}  // namespace

SchemaModule reports_schema() { return {"reports", kReports, kTables}; }

}  // namespace kefu::storage::sql
