#pragma once
// The SQLite side of the SQL that both engines share (core/storage/sql/): how the
// templates of every capability's storage/sql/ speak to SQLite.
#include <cstdint>
#include <string>

#include "core/storage/sqlite/connection.hpp"
#include "core/storage/sqlite/stores.hpp"

namespace kefu::storage::sqlite {

struct SqliteDialect {
  using Db = Connection;
  using Stmt = sqlite::Stmt;
  using Stores = SqliteStores;

  // Runs an INSERT and returns the new row's id (the connection's last rowid).
  template <class... Args>
  static int64_t insert(Db& db, const std::string& sql, const Args&... args) {
    db.prepare(sql)->bind_all(args...).run();
    return db.last_insert_id();
  }
  // SQLite's default BINARY collation already compares text byte-wise.
  static constexpr const char* kBytes = "";
  // Marks a selective condition for the planner. Without the hint it prefers to walk
  // the created_at index of the whole store and filter by status (measured 17 ms vs
  // 3 ms on 100k tickets).
  static std::string rare(const std::string& condition) { return "likelihood(" + condition + ", 0.05)"; }
  // SQLite has no INSERT/UPDATE inside WITH; its statements run in process, so several
  // cost no round trips.
  static constexpr bool kWritingCte = false;
  // A statement is planned when prepared; the likelihood() hints above steer that plan.
  static StmtScope prepare_per_run(Db& db, const std::string& sql) { return db.prepare(sql); }
};

}  // namespace kefu::storage::sqlite
