#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of notifications (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule notifications_schema();

}  // namespace kefu::storage::sql
