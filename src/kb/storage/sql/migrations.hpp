#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of the knowledge base (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule kb_schema();

}  // namespace kefu::storage::sql
