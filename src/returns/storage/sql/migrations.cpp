// The schema of returns: migration 1, the policies (return_policies), one row per saved
// version; migration 2 belongs to the desk's return records.
#include "returns/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kReturns[] = {
    {.number = 1, .sql = R"SQL(
CREATE TABLE return_policies(
  id {id}, store_id {int} NOT NULL, version {int} NOT NULL, uses_defaults {int} NOT NULL, document TEXT NOT NULL,
  note TEXT NOT NULL, created_by {int} NOT NULL, created_at {int} NOT NULL);
CREATE UNIQUE INDEX return_policies_version ON return_policies(store_id, version);
)SQL"},
};

constexpr CountedTable kTables[] = {{"return_policies"}};

}  // namespace

SchemaModule returns_schema() { return {"returns", kReturns, kTables}; }

}  // namespace kefu::storage::sql
