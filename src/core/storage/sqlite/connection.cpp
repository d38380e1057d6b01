#include "core/storage/sqlite/connection.hpp"

#include <stdexcept>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::storage::sqlite {

void fail(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    throw make_error(errors::kDuplicate, {{"what", Text("数据已存在或违反约束", msg)}});
  throw std::runtime_error(msg);
}

Stmt& Stmt::bind(int i, int64_t v) {
  sqlite3_bind_int64(s_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  sqlite3_bind_double(s_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind(int i, std::optional<int64_t> v) {
  if (v) return bind(i, *v);
  return bind_null(i);
}
Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(s_, i);
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(sqlite3_db_handle(s_), rc, "step");
}

void Stmt::run() {
  while (step()) {
  }
}

void Stmt::reset() {
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
}

std::string Stmt::text(int col) const {
  auto p = sqlite3_column_text(s_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(s_, col));
}

std::optional<int64_t> Stmt::opt_i64(int col) const {
  if (is_null(col)) return std::nullopt;
  return i64(col);
}

namespace {

// Process-wide SQLite settings, applied once before the first connection. Memory
// statistics take a global mutex on every allocation, which the io threads then
// fight over (seen as futex waits inside sqlite3_step under load); kefu does not
// read them, so they are off.
void configure_sqlite_once() {
  static const bool done = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_initialize();
    return true;
  }();
  (void)done;
}

}  // namespace

Connection::Connection(const std::string& path, bool writer, const std::string& vfs) {
  configure_sqlite_once();
  // Readers open read-write (WAL needs the -shm file) but never write.
  int flags = writer ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READWRITE;
  flags |= SQLITE_OPEN_NOMUTEX;
  // "file:name?mode=memory&cache=shared": a database in memory that the connections of one
  // process share (the use-case tests'); it lives while the writer's connection is open.
  if (path.starts_with("file:")) flags |= SQLITE_OPEN_URI;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, vfs.empty() ? nullptr : vfs.c_str());
  if (rc != SQLITE_OK) {
    std::string msg = "cannot open database " + path + ": " + sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error(msg);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 10000);
  if (writer) {
    exec("PRAGMA journal_mode=WAL");
    // FULL: each commit is fsync'd, so a 2xx survives a crash or power loss.
    exec("PRAGMA synchronous=FULL");
  }
  exec("PRAGMA foreign_keys=ON");
  exec("PRAGMA cache_size=-32000");
}

Connection::~Connection() {
  cache_.clear();
  // Keeps planner statistics fresh as data grows (cheap when nothing changed).
  if (db_ && !sqlite3_db_readonly(db_, "main")) sqlite3_exec(db_, "PRAGMA optimize", nullptr, nullptr, nullptr);
  if (db_) sqlite3_close(db_);
}

void Connection::exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    if ((rc & 0xff) == SQLITE_CONSTRAINT) fail(db_, rc, msg);
    throw std::runtime_error("sqlite: " + msg + " in: " + s.substr(0, 120));
  }
}

StmtScope Connection::prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* s = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s, nullptr);
    if (rc != SQLITE_OK) fail(db_, rc, "prepare " + sql.substr(0, 80));
    it = cache_.emplace(sql, std::make_unique<Stmt>(s)).first;
  }
  return StmtScope(*it->second);
}

}  // namespace kefu::storage::sqlite
