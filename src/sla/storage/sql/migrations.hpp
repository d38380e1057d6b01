#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of sla (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule sla_schema();

}  // namespace kefu::storage::sql
