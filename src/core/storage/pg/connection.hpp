#pragma once
// A thin RAII layer over libpq, shaped like core/storage/sqlite/connection.hpp so that the
// two repositories read alike: one connection, a cache of server-side prepared
// statements, typed binding and reading. SQL is written with `?` placeholders, which
// prepare() numbers ($1, $2, …) outside quoted text; values are always bound, never
// spliced into SQL text. Parameters and results travel in text format.
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/domain/error.hpp"

#include "core/domain/vocabulary.hpp"

namespace kefu::storage::pg {

class Connection;

// How a statement is planned. `cached`: prepared once per connection, and after a few
// runs PostgreSQL may settle on one generic plan for every parameter value. `per_run`:
// planned for the values of each run — for the ticket list and search, whose best plan
// depends on them (a rare search word wants the GIN index, a common one the id order).
enum class Plan { cached, per_run };

// Another transaction got there first: a unique or exclusion violation, a deadlock or a
// serialization failure. Still a 409 conflict for callers; the writer runs such a job
// once more first, because with several writers (and nodes) the winner may just have
// committed what the job looked for (an idempotency key, say).
class Contention : public Error {
 public:
  using Error::Error;
  explicit Contention(Error e) : Error(std::move(e)) {}
};

class Stmt {
 public:
  Stmt(Connection& c, std::string name, std::string sql, int params, Plan plan)
      : c_(c), name_(std::move(name)), sql_(std::move(sql)), plan_(plan), values_(params) {}
  ~Stmt() { clear(); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // A vocabulary value is stored as its code.
  template <class E, const auto& kTerms>
  Stmt& bind(int i, Closed<E, kTerms> v) {
    return bind(i, v.code());
  }
  Stmt& bind(int i, int64_t v) { return set(i, std::to_string(v)); }
  Stmt& bind(int i, int v) { return bind(i, static_cast<int64_t>(v)); }
  Stmt& bind(int i, bool v) { return bind(i, static_cast<int64_t>(v ? 1 : 0)); }
  Stmt& bind(int i, double v) { return set(i, std::to_string(v)); }
  Stmt& bind(int i, std::string_view v) { return set(i, std::string(v)); }
  Stmt& bind(int i, const std::string& v) { return set(i, v); }
  Stmt& bind(int i, const char* v) { return set(i, std::string(v)); }
  Stmt& bind(int i, std::optional<int64_t> v) { return v ? bind(i, *v) : bind_null(i); }
  Stmt& bind_null(int i);

  template <typename... Args>
  Stmt& bind_all(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }

  // Executes on the first call, then moves to the next row: true when one is there.
  bool step();
  // Executes (INSERT/UPDATE/DELETE); changes() tells the rows affected.
  void run();
  void reset();
  int changes() const { return changes_; }

  int64_t i64(int col) const;  // also reads booleans ('t' = 1)
  double f64(int col) const;
  std::string text(int col) const;
  std::optional<int64_t> opt_i64(int col) const;
  bool is_null(int col) const { return PQgetisnull(res_, row_, col) != 0; }

 private:
  friend class Connection;
  Stmt& set(int i, std::string v);
  void execute();
  void clear();
  Connection& c_;
  std::string name_, sql_;  // sql_ numbered ($1…)
  Plan plan_;
  bool prepared_ = false;  // on the server, for this session
  std::vector<std::optional<std::string>> values_;
  PGresult* res_ = nullptr;
  int row_ = -1, rows_ = 0, changes_ = 0;
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
  // Connects with a libpq URL (postgresql://user@host:port/db?options=…).
  explicit Connection(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without parameters (simple query protocol).
  void exec(std::string_view sql);
  // A cached statement for this SQL text, reset and ready to bind.
  StmtScope prepare(const std::string& sql, Plan plan = Plan::cached);
  // The rows the last run() of any statement changed.
  int changes() const { return changes_; }

  // Read snapshots in one round trip instead of three: begin_lazily() remembers the
  // BEGIN, which then travels in one pipeline with the snapshot's first statement (or
  // is never sent when the snapshot reads nothing); commit_async() sends the COMMIT
  // without waiting, and its answer is collected before the connection's next command.
  void begin_lazily(std::string begin_sql);
  void commit_async();
  // Collects the answers of asynchronous commands; afterwards the connection is idle
  // or inside a transaction, never busy.
  void settle();
  PGconn* raw() { return conn_; }

  // After a failure: when the connection is broken, reconnect; the statements are
  // prepared again on their next use (the new session has none). The failed call
  // still throws.
  void recover();
  // Throws kefu::Error conflict for unique/foreign-key violations, std::runtime_error
  // otherwise; clears the result.
  [[noreturn]] void fail(PGresult* res, std::string_view what);

 private:
  friend class Stmt;
  PGconn* conn_ = nullptr;
  std::string url_;
  PGresult* execute_with_begin(Stmt& s, const std::vector<const char*>& values);
  std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
  int next_name_ = 0;
  int changes_ = 0;
  std::string begin_sql_;  // a BEGIN not sent yet
  int pending_ = 0;        // commands sent whose answers are not collected yet
};

// `?` → `$n` outside single-quoted literals and double-quoted identifiers; returns the
// number of parameters through `count`.
std::string number_placeholders(std::string_view sql, int& count);

}  // namespace kefu::storage::pg
