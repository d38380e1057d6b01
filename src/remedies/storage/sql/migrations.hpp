#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of remedies (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule remedies_schema();

}  // namespace kefu::storage::sql
