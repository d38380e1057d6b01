#pragma once
#include "core/storage/pg/connection.hpp"

namespace kefu::storage::pg {

// The same schema versions as core/storage/sqlite/schema.cpp, in PostgreSQL's dialect.
int latest_schema_version();
int schema_version(Connection& db);
// Applies the missing migrations, each in its own transaction, under an advisory lock
// so that nodes starting together migrate once. Returns the version reached.
int migrate(Connection& db);

}  // namespace kefu::storage::pg
