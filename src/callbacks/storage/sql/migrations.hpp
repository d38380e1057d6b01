#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of callbacks (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule callbacks_schema();

}  // namespace kefu::storage::sql
