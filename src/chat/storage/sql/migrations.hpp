#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of live chat (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule chat_schema();

}  // namespace kefu::storage::sql
