// The schema of staff KPIs (绩效): the rules saved per store or chain-wide (defaults live in
// code while none is saved), complaints and praise naming staff with their review, and the
// case library (案例库), whose stories are stored already anonymised. The conversations'
// (store, created_at) index is the KPI sheet's: a month of one store's chats.
#include "performance/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kPerformance[] = {
    {.number = 1, .sql = R"SQL(
CREATE TABLE kpi_rule_sets(
  id {id}, store_id {int} REFERENCES stores(id), body TEXT NOT NULL,
  updated_by {int} NOT NULL REFERENCES staff(id), updated_at {int} NOT NULL);
CREATE INDEX kpi_rule_sets_store ON kpi_rule_sets(store_id);
CREATE TABLE staff_records(
  id {id}, store_id {int} NOT NULL REFERENCES stores(id), ticket_id {int} NOT NULL REFERENCES tickets(id),
  kind TEXT NOT NULL, about_staff_id {int} NOT NULL REFERENCES staff(id), summary TEXT NOT NULL,
  recorded_by {int} NOT NULL REFERENCES staff(id), created_at {int} NOT NULL, outcome TEXT NOT NULL,
  responsibility TEXT NOT NULL, action TEXT NOT NULL, reviewer_id {int} REFERENCES staff(id),
  review_notes TEXT NOT NULL, reviewed_at {int}, version {int} NOT NULL);
CREATE UNIQUE INDEX staff_records_ticket ON staff_records(ticket_id, about_staff_id, kind);
CREATE INDEX staff_records_store ON staff_records(store_id, created_at);
CREATE INDEX staff_records_staff ON staff_records(about_staff_id, created_at);
CREATE TABLE case_entries(
  id {id}, store_id {int} NOT NULL REFERENCES stores(id), ticket_id {int} REFERENCES tickets(id),
  conversation_id {int} REFERENCES conversations(id), kind TEXT NOT NULL, title TEXT NOT NULL,
  lesson TEXT NOT NULL, tags TEXT NOT NULL, story TEXT NOT NULL, created_by {int} NOT NULL REFERENCES staff(id),
  created_at {int} NOT NULL, updated_at {int} NOT NULL, version {int} NOT NULL);
CREATE INDEX case_entries_store ON case_entries(store_id, id);
CREATE INDEX conversations_store_created ON conversations(store_id, created_at);
)SQL"},
};

constexpr CountedTable kTables[] = {{"kpi_rule_sets"}, {"staff_records"}, {"case_entries"}};

}  // namespace

SchemaModule performance_schema() { return {"performance", kPerformance, kTables}; }

}  // namespace kefu::storage::sql
