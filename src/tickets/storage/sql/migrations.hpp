#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of tickets (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule tickets_schema();

}  // namespace kefu::storage::sql
