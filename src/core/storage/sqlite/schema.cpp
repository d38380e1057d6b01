#include "core/storage/sqlite/schema.hpp"

#include <stdexcept>

#include "core/storage/sql/migrate.hpp"

namespace kefu::storage::sqlite {

int latest_schema_version() { return storage::latest_schema_version(); }

int schema_version(Connection& db) { return sql::schema_version(db, Engine::sqlite); }

int migrate(Connection& db) { return sql::migrate(db, Engine::sqlite, "BEGIN IMMEDIATE"); }

void require_current_schema(Connection& db) {
  const auto pending = sql::pending_migrations(db, Engine::sqlite);
  if (pending.empty()) return;
  std::string list;
  for (const auto& p : pending) list += (list.empty() ? "" : ", ") + p;
  throw std::runtime_error("database schema is at version " + std::to_string(schema_version(db)) +
                           ", this kefu needs " + std::to_string(latest_schema_version()) + " (missing " + list +
                           "): run `kefu migrate`");
}

}  // namespace kefu::storage::sqlite
