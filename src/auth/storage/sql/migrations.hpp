#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of auth (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule auth_schema();

}  // namespace kefu::storage::sql
