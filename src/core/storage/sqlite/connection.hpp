#pragma once
// A thin RAII layer over the SQLite C API: one connection, a cache of prepared
// statements, and typed binding/reading. Values are always bound, never spliced
// into SQL text.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/domain/vocabulary.hpp"

namespace kefu::storage::sqlite {

class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // A vocabulary value is stored as its code.
  template <class E, const auto& kTerms>
  Stmt& bind(int i, Closed<E, kTerms> v) {
    return bind(i, v.code());
  }
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, bool v) { return bind(i, static_cast<int64_t>(v ? 1 : 0)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, std::optional<int64_t> v);
  Stmt& bind_null(int i);

  // Binds every argument in order from parameter 1.
  template <typename... Args>
  Stmt& bind_all(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }

  // Steps once: true when a row is available.
  bool step();
  // Runs to completion (INSERT/UPDATE/DELETE) and resets.
  void run();
  void reset();

  int64_t i64(int col) const { return sqlite3_column_int64(s_, col); }
  double f64(int col) const { return sqlite3_column_double(s_, col); }
  std::string text(int col) const;
  std::optional<int64_t> opt_i64(int col) const;
  bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

 private:
  sqlite3_stmt* s_;
};

// Resets a cached statement when the scope ends, even on exceptions.
class StmtScope {
 public:
  explicit StmtScope(Stmt& s) : s_(s) {}
  ~StmtScope() { s_.reset(); }
  Stmt* operator->() { return &s_; }
  Stmt& operator*() { return s_; }

 private:
  Stmt& s_;
};

class Connection {
 public:
  // Opens (creating when asked) the database file and applies the pragmas kefu relies on.
  // `vfs` names a registered SQLite VFS; empty is the default one (a test's power-loss
  // shim, core/storage/sqlite/power_loss_vfs_test_support.hpp, is the only other user).
  Connection(const std::string& path, bool writer, const std::string& vfs = "");
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(std::string_view sql);
  // A cached prepared statement for this SQL text, reset and ready to bind.
  StmtScope prepare(const std::string& sql);
  int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
};

// Throws std::runtime_error (or kefu::Error conflict for constraint violations).
[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what);

}  // namespace kefu::storage::sqlite
