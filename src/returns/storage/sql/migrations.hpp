#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of returns (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule returns_schema();

}  // namespace kefu::storage::sql
