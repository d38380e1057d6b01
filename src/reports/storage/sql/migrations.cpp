// The schema of reports. Migration 1 (ticket facts and rollups) is m16-rollups'; 2 is the
// scheduled reports'.
#include "reports/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kReports[] = {
    // Scheduled reports (定时报表): recipients are lines of "staff:<id>" or email addresses.
    {.number = 2, .sql = R"SQL(
CREATE TABLE report_schedules(
  id {id}, store_id {int} REFERENCES stores(id), name TEXT NOT NULL, report TEXT NOT NULL,
  frequency TEXT NOT NULL, hour {int} NOT NULL, recipients TEXT NOT NULL, enabled {int} NOT NULL DEFAULT 1,
  next_run_at {int} NOT NULL, last_run_at {int}, last_result TEXT NOT NULL DEFAULT '',
  created_by {int} NOT NULL REFERENCES staff(id), created_at {int} NOT NULL, updated_at {int} NOT NULL);
CREATE INDEX report_schedules_due ON report_schedules(next_run_at) WHERE enabled = 1;
CREATE INDEX report_schedules_store ON report_schedules(store_id);
)SQL"},
};

constexpr CountedTable kTables[] = {{"report_schedules"}};

}  // namespace

SchemaModule reports_schema() { return {"reports", kReports, kTables}; }

}  // namespace kefu::storage::sql
