#include "core/storage/pg/schema.hpp"

#include <stdexcept>

#include "core/storage/sql/migrate.hpp"

namespace kefu::storage::pg {
namespace {

// Serialises migrations (and the creation of their bookkeeping tables) between nodes.
constexpr const char* kLock = "SELECT pg_advisory_lock(4242001)";
constexpr const char* kUnlock = "SELECT pg_advisory_unlock(4242001)";

template <class F>
auto locked(Connection& db, F f) {
  db.exec(kLock);
  try {
    auto out = f();
    db.exec(kUnlock);
    return out;
  } catch (...) {
    db.exec(kUnlock);
    throw;
  }
}

}  // namespace

int latest_schema_version() { return storage::latest_schema_version(); }

int schema_version(Connection& db) {
  return locked(db, [&] { return sql::schema_version(db, Engine::pg); });
}

int migrate(Connection& db) {
  return locked(db, [&] { return sql::migrate(db, Engine::pg, "BEGIN"); });
}

void require_current_schema(Connection& db) {
  const auto pending = locked(db, [&] { return sql::pending_migrations(db, Engine::pg); });
  if (pending.empty()) return;
  std::string list;
  for (const auto& p : pending) list += (list.empty() ? "" : ", ") + p;
  throw std::runtime_error("database schema is at version " + std::to_string(schema_version(db)) +
                           ", this kefu needs " + std::to_string(latest_schema_version()) + " (missing " + list +
                           "): run `kefu migrate`");
}

}  // namespace kefu::storage::pg
