#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of privacy (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule privacy_schema();

}  // namespace kefu::storage::sql
