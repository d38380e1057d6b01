#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of the FAQ bot's operations (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule bot_schema();

}  // namespace kefu::storage::sql
