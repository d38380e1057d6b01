#include "core/storage/sqlite/table_io.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "core/storage/sqlite/connection.hpp"
#include "core/storage/sqlite/schema.hpp"

namespace kefu::storage::sqlite {
namespace {

using transfer::Column;
using transfer::Row;
using transfer::Table;

const char* const kSearch = "ticket_search";  // logical name
const char* const kFts = "ticket_fts";        // FTS5 table (and its shadow tables ticket_fts_*)

std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char ch : name) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

// A statement of our own, for reading with SQLite's value types.
class Query {
 public:
  Query(sqlite3* db, const std::string& sql) : db_(db) {
    if (int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &s_, nullptr); rc != SQLITE_OK)
      fail(db, rc, "prepare " + sql.substr(0, 80));
  }
  ~Query() { sqlite3_finalize(s_); }
  bool step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail(db_, rc, "step");
    return false;
  }
  sqlite3_stmt* get() { return s_; }
  std::string text(int col) {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

class SqliteTableIO final : public transfer::TableIO {
 public:
  SqliteTableIO(const std::string& path, bool create) : db_(path, create) {}

  std::string backend() const override { return "sqlite"; }
  int schema_version() override { return sqlite::schema_version(db_); }
  int latest_schema_version() override { return sqlite::latest_schema_version(); }
  void migrate() override { sqlite::migrate(db_); }

  std::vector<Table> tables() override {
    std::vector<Table> out;
    Query q(db_.raw(),
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "AND name NOT IN ('schema_version', 'schema_migrations') ORDER BY name");
    while (q.step()) {
      const std::string name = q.text(0), sql = q.text(1);
      if (name == kFts) {
        out.push_back({kSearch, {{"ticket_id", true}, {"tokens", false}}, {"ticket_id"}, {"tickets"}});
        continue;
      }
      if (name.starts_with(std::string(kFts) + "_")) continue;  // FTS5's own storage
      if (sql.starts_with("CREATE VIRTUAL"))
        throw std::runtime_error("table " + name + " is a virtual table kefu export does not know");
      out.push_back(describe(name));
    }
    return out;
  }

  void begin_read() override {
    db_.exec("BEGIN");
    // The snapshot starts at the first read.
    Query(db_.raw(), "SELECT COUNT(*) FROM sqlite_master").step();
  }
  void end_read() override { db_.exec("COMMIT"); }

  int64_t count(const Table& t) override {
    Query q(db_.raw(), "SELECT COUNT(*) FROM " + physical(t));
    q.step();
    return sqlite3_column_int64(q.get(), 0);
  }

  void read(const Table& t, const std::vector<Column>& columns, const std::function<void(const Row&)>& row) override {
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + expression(t, columns[i].name);
    sql += " FROM " + physical(t) + " ORDER BY ";
    // BINARY collation: text keys in byte order, as PostgreSQL's COLLATE "C".
    for (std::size_t i = 0; i < t.key.size(); ++i) sql += (i ? ", " : "") + expression(t, t.key[i]);
    Query q(db_.raw(), sql);
    Row r = Row::array();
    while (q.step()) {
      r.clear();
      for (std::size_t i = 0; i < columns.size(); ++i) {
        switch (sqlite3_column_type(q.get(), static_cast<int>(i))) {
          case SQLITE_NULL:
            r.push_back(nullptr);
            break;
          case SQLITE_INTEGER:
            if (!columns[i].integer) wrong_type(t, columns[i], "an integer");
            r.push_back(static_cast<int64_t>(sqlite3_column_int64(q.get(), static_cast<int>(i))));
            break;
          case SQLITE_TEXT:
            if (columns[i].integer) wrong_type(t, columns[i], "text");
            r.push_back(q.text(static_cast<int>(i)));
            break;
          default:
            wrong_type(t, columns[i], "a real number or blob");
        }
      }
      row(r);
    }
  }

  void begin_write() override { db_.exec("BEGIN IMMEDIATE"); }
  void commit() override { db_.exec("COMMIT"); }
  void rollback() override { db_.exec("ROLLBACK"); }

  void insert(const Table& t, const std::vector<Column>& columns, const std::vector<Row>& rows, bool replace) override {
    std::string sql = std::string(replace ? "INSERT OR REPLACE" : "INSERT") + " INTO " + physical(t) + "(";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + expression(t, columns[i].name);
    sql += ") VALUES (";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
    auto s = db_.prepare(sql);
    for (const auto& r : rows) {
      for (std::size_t i = 0; i < columns.size(); ++i) {
        const int p = static_cast<int>(i) + 1;
        if (r[i].is_null())
          s->bind_null(p);
        else if (r[i].is_string())
          s->bind(p, r[i].get_ref<const std::string&>());
        else
          s->bind(p, r[i].get<int64_t>());
      }
      s->run();
      s->reset();  // bindings only take on a reset statement
    }
  }

  void finish_import() override { db_.exec("ANALYZE"); }

 private:
  Table describe(const std::string& name) {
    Table t{name, {}, {}, {}};
    std::vector<std::pair<int, std::string>> key;
    Query cols(db_.raw(), "SELECT name, upper(type), pk FROM pragma_table_info(?1) ORDER BY cid");
    sqlite3_bind_text(cols.get(), 1, name.c_str(), -1, SQLITE_TRANSIENT);
    while (cols.step()) {
      const std::string type = cols.text(1);
      // INTEGER and TEXT are all kefu's schema uses; anything else needs a decision here.
      if (type != "INTEGER" && type != "TEXT")
        throw std::runtime_error("column " + name + "." + cols.text(0) + " has type " + type);
      t.columns.push_back({cols.text(0), type == "INTEGER"});
      if (int pk = sqlite3_column_int(cols.get(), 2); pk > 0) key.emplace_back(pk, cols.text(0));
    }
    std::sort(key.begin(), key.end());
    for (auto& [pos, col] : key) t.key.push_back(col);
    if (t.key.empty()) throw std::runtime_error("table " + name + " has no primary key");
    Query fks(db_.raw(), "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1) ORDER BY 1");
    sqlite3_bind_text(fks.get(), 1, name.c_str(), -1, SQLITE_TRANSIENT);
    while (fks.step()) t.parents.push_back(fks.text(0));
    return t;
  }

  static std::string physical(const Table& t) { return t.name == kSearch ? kFts : quoted(t.name); }
  static std::string expression(const Table& t, const std::string& column) {
    return t.name == kSearch && column == "ticket_id" ? "rowid" : quoted(column);
  }
  [[noreturn]] static void wrong_type(const Table& t, const Column& c, const std::string& found) {
    throw std::runtime_error("table " + t.name + ": column " + c.name + " holds " + found + " where " +
                             (c.integer ? "integers" : "text") + " belong");
  }

  Connection db_;
};

}  // namespace

std::unique_ptr<transfer::TableIO> open_table_io(const std::string& path, bool create) {
  if (!create && !std::filesystem::exists(path)) throw std::runtime_error("no database file " + path);
  return std::make_unique<SqliteTableIO>(path, create);
}

}  // namespace kefu::storage::sqlite
