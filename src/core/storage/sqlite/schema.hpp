#pragma once
#include "core/storage/sqlite/connection.hpp"

namespace kefu::storage::sqlite {

// Applies every migration newer than the file's schema_version, each in its own
// transaction. Returns the version reached. Idempotent.
int migrate(Connection& db);
// The newest schema version this binary knows.
int latest_schema_version();
// The file's current version (0 for an empty file).
int schema_version(Connection& db);

}  // namespace kefu::storage::sqlite
