#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of org (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule org_schema();

}  // namespace kefu::storage::sql
