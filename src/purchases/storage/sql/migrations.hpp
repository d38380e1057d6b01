#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of purchases (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule purchases_schema();

}  // namespace kefu::storage::sql
