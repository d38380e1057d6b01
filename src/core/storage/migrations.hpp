#pragma once
// Schema migrations, kept by each capability beside its SQL
// (src/<capability>/storage/sql/migrations.cpp) and written once for both engines.
//
// A migration's `sql` runs on SQLite and PostgreSQL alike after two type tokens are
// replaced: {id} (an integer primary key that imports may set: SQLite's INTEGER PRIMARY
// KEY, PostgreSQL's BIGINT identity BY DEFAULT) and {int} (INTEGER, BIGINT). What only
// one engine has (FTS5 tables, tsvector columns, triggers, random values) goes in
// `sqlite` and `pg`, run after `sql` in the same transaction.
//
// Migrations are append-only: never edit one that has shipped, add the next number.
// They are numbered per capability and applied capability by capability in the order
// of schema_modules() (src/modules/schema.cpp), which lists a capability after those
// whose tables it refers to; each (capability, number) is recorded in
// schema_migrations. The migrations that shipped as the global versions 1–3 before the
// split carry that version in `legacy`, so that a database made then is recognised.
#include <span>
#include <string>
#include <string_view>

namespace kefu::storage {

struct Migration {
  int number = 0;           // 1, 2, … within its capability
  std::string_view sql;     // both engines, with {id} and {int}
  std::string_view sqlite;  // SQLite only (may be empty)
  std::string_view pg;      // PostgreSQL only (may be empty)
  int legacy = 0;           // the global schema version (1–3) that shipped it; 0 after
};

// A data table that Stores::count accepts (bookkeeping such as settings is not counted).
// `pg` names it on PostgreSQL where the engines differ (the search index).
struct CountedTable {
  std::string_view name;
  std::string_view pg = {};
};

struct SchemaModule {
  std::string_view name;  // the capability's folder name: "tickets", "sla", …
  std::span<const Migration> migrations;
  std::span<const CountedTable> tables;
};

// The physical name of a counted table on `engine`, or "" when no module counts `name`.
std::string_view counted_table(std::string_view name, bool pg);

// Every capability's migrations, in dependency order (core first).
std::span<const SchemaModule> schema_modules();

enum class Engine { sqlite, pg };

// `sql` with its type tokens for `engine`.
std::string render_migration(std::string_view sql, Engine engine);

// The schema version reported by `kefu migrate` and written into exports: 3 (the last
// global version) plus every migration applied since, so that it grows with each one and
// an export of a database made before the split still matches a current one.
inline constexpr int kLegacySchemaVersion = 3;
int latest_schema_version();

}  // namespace kefu::storage
