#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of reports: ticket facts, rollups and the queue of tickets whose facts are
// stale (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule reports_schema();

}  // namespace kefu::storage::sql
