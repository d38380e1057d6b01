#pragma once
#include "core/storage/pg/connection.hpp"

namespace kefu::storage::pg {

// The same migrations as on SQLite (core/storage/migrations.hpp), in PostgreSQL's types.
int latest_schema_version();
int schema_version(Connection& db);
// Applies the missing migrations, each in its own transaction, under an advisory lock
// so that nodes starting together migrate once. Returns the version reached.
int migrate(Connection& db);
// Throws std::runtime_error naming the migrations the database lacks.
void require_current_schema(Connection& db);

}  // namespace kefu::storage::pg
