#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of members (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule members_schema();

}  // namespace kefu::storage::sql
