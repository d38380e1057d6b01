// The schema of satisfaction ratings (callbacks live on the ticket row: callback_due_at).
#include "callbacks/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kCallbacks[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE csat_ratings(
  ticket_id {int} PRIMARY KEY REFERENCES tickets(id), rating {int} NOT NULL, comment TEXT NOT NULL,
  created_at {int} NOT NULL);
)SQL",
     .legacy = 2},
};

constexpr CountedTable kTables[] = {{"csat_ratings"}};

}  // namespace

SchemaModule callbacks_schema() { return {"callbacks", kCallbacks, kTables}; }

}  // namespace kefu::storage::sql
