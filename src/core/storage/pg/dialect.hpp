#pragma once
// The PostgreSQL side of the SQL that both engines share (core/storage/sql/).
#include <cstdint>
#include <string>

#include "core/storage/pg/connection.hpp"
#include "core/storage/pg/stores.hpp"

namespace kefu::storage::pg {

struct PgDialect {
  using Db = Connection;
  using Stmt = pg::Stmt;
  using Stores = PgStores;

  // Runs an INSERT and returns the new row's id, which RETURNING hands back.
  template <class... Args>
  static int64_t insert(Db& db, const std::string& sql, const Args&... args) {
    auto s = db.prepare(sql + " RETURNING id");
    s->bind_all(args...);
    s->step();
    return s->i64(0);
  }
  // Text compares byte-wise as in SQLite, whatever the database's collation.
  static constexpr const char* kBytes = " COLLATE \"C\"";
  // PostgreSQL takes no planner hints.
  static std::string rare(const std::string& condition) { return condition; }
  // Writes that belong together may go in one statement with data-modifying WITH
  // clauses: each statement is a round trip to the server, and on the chat's append path
  // the round trips were the cost (docs/benchmarks.md, "Live chat").
  static constexpr bool kWritingCte = true;
  // Planned for each run, not once per connection (see Plan::per_run).
  static StmtScope prepare_per_run(Db& db, const std::string& sql) { return db.prepare(sql, Plan::per_run); }
};

}  // namespace kefu::storage::pg
