#pragma once
#include "core/storage/sqlite/connection.hpp"

namespace kefu::storage::sqlite {

// Applies every migration the file lacks (core/storage/migrations.hpp), each in its own
// transaction. Returns the schema version reached. Idempotent.
int migrate(Connection& db);
// The newest schema version this binary knows.
int latest_schema_version();
// The file's current version (0 for an empty file).
int schema_version(Connection& db);
// Throws std::runtime_error naming the migrations the file lacks ("run `kefu migrate`").
void require_current_schema(Connection& db);

}  // namespace kefu::storage::sqlite
