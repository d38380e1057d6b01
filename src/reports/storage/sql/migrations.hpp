#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of reports (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule reports_schema();

}  // namespace kefu::storage::sql
