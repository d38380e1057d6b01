#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of performance: KPI rules, staff records, the case library (src/modules/schema.cpp).
SchemaModule performance_schema();

}  // namespace kefu::storage::sql
