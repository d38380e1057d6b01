// The schema of remedies (table resolutions) and authority limits.
#include "remedies/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kRemedies[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE authority_limits(role TEXT PRIMARY KEY, amount_cents {int} NOT NULL);
CREATE TABLE resolutions(
  id {id}, ticket_id {int} NOT NULL REFERENCES tickets(id), kind TEXT NOT NULL,
  compensation TEXT NOT NULL, amount_cents {int} NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL,
  requested_by {int} NOT NULL, approver_role TEXT NOT NULL, decided_by {int}, decision_reason TEXT NOT NULL,
  created_at {int} NOT NULL, decided_at {int}, version {int} NOT NULL);
CREATE INDEX resolutions_ticket ON resolutions(ticket_id, id);
CREATE INDEX resolutions_pending ON resolutions(status, approver_role) WHERE status = 'pending';
)SQL",
     .legacy = 2},
};

constexpr CountedTable kTables[] = {{"resolutions"}};

}  // namespace

SchemaModule remedies_schema() { return {"remedies", kRemedies, kTables}; }

}  // namespace kefu::storage::sql
