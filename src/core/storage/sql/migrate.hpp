#pragma once
// Applies the migrations of schema_modules() (core/storage/migrations.hpp) over either
// engine's connection: the same steps on SQLite and PostgreSQL, each migration in its
// own transaction together with its row in schema_migrations.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/storage/migrations.hpp"

namespace kefu::storage::sql {

using Applied = std::set<std::pair<std::string, int>>;

template <class Conn>
Applied applied_migrations(Conn& db) {
  Applied out;
  auto s = db.prepare("SELECT module, number FROM schema_migrations");
  while (s->step()) out.emplace(s->text(0), static_cast<int>(s->i64(1)));
  return out;
}

// Creates the bookkeeping tables, and on a database made before per-capability
// migrations (only schema_version has rows) records what its global version included.
template <class Conn>
Applied prepare_bookkeeping(Conn& db, Engine engine) {
  db.exec(render_migration("CREATE TABLE IF NOT EXISTS schema_version(version {int} NOT NULL)", engine));
  db.exec(
      render_migration("CREATE TABLE IF NOT EXISTS schema_migrations(module TEXT NOT NULL, number {int} NOT NULL, "
                       "PRIMARY KEY(module, number))",
                       engine));
  Applied applied = applied_migrations(db);
  if (!applied.empty()) return applied;
  int legacy = 0;
  {
    auto s = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    if (s->step()) legacy = static_cast<int>(s->i64(0));
  }
  if (legacy == 0) return applied;
  for (const auto& m : schema_modules())
    for (const auto& step : m.migrations)
      if (step.legacy > 0 && step.legacy <= legacy) {
        db.prepare("INSERT INTO schema_migrations(module, number) VALUES (?, ?)")
            ->bind_all(std::string(m.name), static_cast<int64_t>(step.number))
            .run();
        applied.emplace(std::string(m.name), step.number);
      }
  return applied;
}

// The migrations this binary has and the database lacks, as "module/number".
template <class Conn>
std::vector<std::string> pending_migrations(Conn& db, Engine engine) {
  const Applied applied = prepare_bookkeeping(db, engine);
  std::vector<std::string> out;
  for (const auto& m : schema_modules())
    for (const auto& step : m.migrations)
      if (!applied.count({std::string(m.name), step.number}))
        out.push_back(std::string(m.name) + "/" + std::to_string(step.number));
  return out;
}

// See latest_schema_version(): the highest legacy version whose migrations are all
// applied, plus, once that is 3, every later migration applied.
template <class Conn>
int schema_version(Conn& db, Engine engine) {
  const Applied applied = prepare_bookkeeping(db, engine);
  int legacy_complete = kLegacySchemaVersion, later = 0;
  for (const auto& m : schema_modules())
    for (const auto& step : m.migrations) {
      const bool done = applied.count({std::string(m.name), step.number}) > 0;
      if (step.legacy > 0 && !done) legacy_complete = std::min(legacy_complete, step.legacy - 1);
      if (step.legacy == 0 && done) ++later;
    }
  return legacy_complete + (legacy_complete == kLegacySchemaVersion ? later : 0);
}

// Applies what is pending, each migration in a transaction opened with `begin`. Returns
// the schema version reached. Idempotent.
template <class Conn>
int migrate(Conn& db, Engine engine, const std::string& begin) {
  const Applied applied = prepare_bookkeeping(db, engine);
  for (const auto& m : schema_modules())
    for (const auto& step : m.migrations) {
      if (applied.count({std::string(m.name), step.number})) continue;
      db.exec(begin);
      try {
        if (!step.sql.empty()) db.exec(render_migration(step.sql, engine));
        const std::string_view own = engine == Engine::sqlite ? step.sqlite : step.pg;
        if (!own.empty()) db.exec(std::string(own));
        db.prepare("INSERT INTO schema_migrations(module, number) VALUES (?, ?)")
            ->bind_all(std::string(m.name), static_cast<int64_t>(step.number))
            .run();
        db.exec("COMMIT");
      } catch (...) {
        db.exec("ROLLBACK");
        throw;
      }
    }
  return schema_version(db, engine);
}

}  // namespace kefu::storage::sql
