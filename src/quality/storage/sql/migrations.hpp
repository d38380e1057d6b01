#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of quality inspection (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule quality_schema();

}  // namespace kefu::storage::sql
