#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of public_tickets (listed in schema_modules(), src/modules/schema.cpp).
SchemaModule public_tickets_schema();

}  // namespace kefu::storage::sql
