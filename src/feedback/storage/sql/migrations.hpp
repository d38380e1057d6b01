#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of feedback (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule feedback_schema();

}  // namespace kefu::storage::sql
