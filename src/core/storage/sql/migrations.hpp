#pragma once
#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

// The schema of core/storage/platform_stores.hpp (first in schema_modules()).
SchemaModule core_schema();

}  // namespace kefu::storage::sql
