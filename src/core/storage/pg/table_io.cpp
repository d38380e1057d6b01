#include "core/storage/pg/table_io.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <stdexcept>

#include "core/storage/pg/connection.hpp"
#include "core/storage/pg/schema.hpp"
#include "core/storage/pg/search.hpp"

namespace kefu::storage::pg {
namespace {

using transfer::Column;
using transfer::Row;
using transfer::Table;

const char* const kSearch = "ticket_search";
constexpr int kFetch = 2000;                // rows per cursor FETCH
constexpr std::size_t kMaxParams = 30'000;  // per INSERT (the protocol allows 65535)

// The words the search document is made of, as the repository writes them.
std::string search_words(const std::string& tokens) { return fts_words(tokens); }

std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char ch : name) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

// Owns a PGresult from the simple query protocol.
struct Result {
  PGresult* res;
  ~Result() { PQclear(res); }
};

class PgTableIO final : public transfer::TableIO {
 public:
  explicit PgTableIO(const std::string& url) : db_(url) {}
  ~PgTableIO() override {
    if (PQtransactionStatus(db_.raw()) != PQTRANS_IDLE) PQclear(PQexec(db_.raw(), "ROLLBACK"));
  }

  std::string backend() const override { return "postgresql"; }
  int schema_version() override { return pg::schema_version(db_); }
  int latest_schema_version() override { return pg::latest_schema_version(); }
  void migrate() override { pg::migrate(db_); }

  std::vector<Table> tables() override {
    const std::string in_schema = "c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())";
    std::map<std::string, Table> by_name;
    auto cols = db_.prepare(
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_class c "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE c.relkind IN ('r', 'p') AND c.relname NOT IN ('schema_version', 'schema_migrations') AND " +
        in_schema + " ORDER BY c.relname, a.attnum");
    while (cols->step()) {
      const std::string table = cols->text(0), column = cols->text(1), type = cols->text(2);
      Table& t = by_name[table];
      t.name = table;
      if (table == kSearch && column == "doc") continue;  // computed from tokens on import
      if (type != "bigint" && type != "integer" && type != "smallint" && type != "text")
        throw std::runtime_error("column " + table + "." + column + " has type " + type);
      t.columns.push_back({column, type != "text"});
    }
    auto keys = db_.prepare(
        "SELECT c.relname, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey) WHERE i.indisprimary AND " +
        in_schema + " ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)");
    while (keys->step())
      if (auto it = by_name.find(keys->text(0)); it != by_name.end()) it->second.key.push_back(keys->text(1));
    auto fks = db_.prepare(
        "SELECT DISTINCT c.relname, p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
        "JOIN pg_class p ON p.oid = k.confrelid WHERE k.contype = 'f' AND " +
        in_schema + " ORDER BY 1, 2");
    while (fks->step())
      if (auto it = by_name.find(fks->text(0)); it != by_name.end()) it->second.parents.push_back(fks->text(1));
    std::vector<Table> out;
    for (auto& [name, t] : by_name) {
      if (t.key.empty()) throw std::runtime_error("table " + name + " has no primary key");
      out.push_back(std::move(t));
    }
    return out;
  }

  void begin_read() override { db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }
  void end_read() override { db_.exec("COMMIT"); }

  int64_t count(const Table& t) override {
    auto s = db_.prepare("SELECT COUNT(*) FROM " + quoted(t.name));
    s->step();
    return s->i64(0);
  }

  void read(const Table& t, const std::vector<Column>& columns, const std::function<void(const Row&)>& row) override {
    std::string sql = "DECLARE kefu_transfer NO SCROLL CURSOR FOR SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + quoted(columns[i].name);
    sql += " FROM " + quoted(t.name) + " ORDER BY ";
    for (std::size_t i = 0; i < t.key.size(); ++i) {
      const bool text = std::any_of(t.columns.begin(), t.columns.end(),
                                    [&](const Column& c) { return c.name == t.key[i] && !c.integer; });
      // Byte order for text keys, as SQLite's BINARY collation, whatever the database's locale.
      sql += (i ? ", " : "") + quoted(t.key[i]) + (text ? " COLLATE \"C\"" : "");
    }
    // A cursor lives in a transaction: outside a snapshot, the read makes its own.
    const bool own = PQtransactionStatus(db_.raw()) == PQTRANS_IDLE;
    if (own) db_.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      db_.exec(sql);
      Row r = Row::array();
      for (;;) {
        Result res{PQexec(db_.raw(), ("FETCH " + std::to_string(kFetch) + " FROM kefu_transfer").c_str())};
        if (PQresultStatus(res.res) != PGRES_TUPLES_OK) {
          PGresult* failed = res.res;
          res.res = nullptr;
          db_.fail(failed, "FETCH from " + t.name);
        }
        const int n = PQntuples(res.res);
        for (int k = 0; k < n; ++k) {
          r.clear();
          for (int i = 0; i < static_cast<int>(columns.size()); ++i) r.push_back(value(res.res, k, i, t, columns[i]));
          row(r);
        }
        if (n < kFetch) break;
      }
      db_.exec("CLOSE kefu_transfer");
      if (own) db_.exec("COMMIT");
    } catch (...) {
      if (own) PQclear(PQexec(db_.raw(), "ROLLBACK"));
      throw;
    }
  }

  void begin_write() override { db_.exec("BEGIN"); }
  void commit() override { db_.exec("COMMIT"); }
  void rollback() override { db_.exec("ROLLBACK"); }

  void insert(const Table& t, const std::vector<Column>& columns, const std::vector<Row>& rows, bool replace) override {
    const bool search = t.name == kSearch;
    const std::size_t per_row = columns.size() + (search ? 1 : 0);
    const std::size_t chunk = std::max<std::size_t>(1, kMaxParams / per_row);
    for (std::size_t from = 0; from < rows.size(); from += chunk) {
      const std::size_t n = std::min(chunk, rows.size() - from);
      auto s = db_.prepare(insert_sql(t, columns, n, replace));
      int p = 0;
      for (std::size_t k = from; k < from + n; ++k) {
        const Row& r = rows[k];
        for (std::size_t i = 0; i < columns.size(); ++i) {
          if (r[i].is_null())
            s->bind_null(++p);
          else if (r[i].is_string())
            s->bind(++p, r[i].get_ref<const std::string&>());
          else
            s->bind(++p, r[i].get<int64_t>());
        }
        if (search) s->bind(++p, search_words(r[index_of(columns, "tokens")].get<std::string>()));
      }
      s->run();
    }
  }

  void finish_import() override {
    // Identity columns continue after the imported ids (the next id is max + 1).
    auto ids = db_.prepare(
        "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "WHERE a.attidentity <> '' AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = "
        "current_schema()) ORDER BY 1");
    std::vector<std::pair<std::string, std::string>> identities;
    while (ids->step()) identities.emplace_back(ids->text(0), ids->text(1));
    for (const auto& [table, column] : identities) {
      auto s = db_.prepare("SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX(" + quoted(column) +
                           "), 0) + 1, false) FROM " + quoted(table));
      s->bind_all(quoted(table), column).step();
    }
    // Only this schema's tables: a bare ANALYZE would visit every schema of the database.
    std::string analyze;
    for (const auto& t : tables()) analyze += (analyze.empty() ? "ANALYZE " : ", ") + quoted(t.name);
    db_.exec(analyze);
  }

 private:
  static std::size_t index_of(const std::vector<Column>& columns, const std::string& name) {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i].name == name) return i;
    throw std::logic_error("no column " + name);
  }

  static std::string insert_sql(const Table& t, const std::vector<Column>& columns, std::size_t rows, bool replace) {
    const bool search = t.name == kSearch;
    std::string names, one = "(";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      names += (i ? ", " : "") + quoted(columns[i].name);
      one += i ? ", ?" : "?";
    }
    if (search) {
      names += ", doc";
      one += ", to_tsvector('simple', ?)";
    }
    one += ")";
    std::string sql = "INSERT INTO " + quoted(t.name) + "(" + names + ") VALUES ";
    for (std::size_t k = 0; k < rows; ++k) sql += (k ? ", " : "") + one;
    if (replace) {
      sql += " ON CONFLICT (";
      for (std::size_t i = 0; i < t.key.size(); ++i) sql += (i ? ", " : "") + quoted(t.key[i]);
      sql += ") DO UPDATE SET ";
      bool first = true;
      for (const auto& c : columns) {
        if (std::find(t.key.begin(), t.key.end(), c.name) != t.key.end()) continue;
        sql += (first ? "" : ", ") + quoted(c.name) + " = EXCLUDED." + quoted(c.name);
        first = false;
      }
      if (search) sql += ", doc = EXCLUDED.doc";
    }
    return sql;
  }

  static Row value(PGresult* res, int row, int col, const Table& t, const Column& c) {
    if (PQgetisnull(res, row, col)) return nullptr;
    const char* v = PQgetvalue(res, row, col);
    const int len = PQgetlength(res, row, col);
    if (!c.integer) return std::string(v, static_cast<std::size_t>(len));
    int64_t n = 0;
    auto [end, ec] = std::from_chars(v, v + len, n);
    if (ec != std::errc() || end != v + len)
      throw std::runtime_error("table " + t.name + ": column " + c.name + " holds " + std::string(v, len));
    return n;
  }

  Connection db_;
};

}  // namespace

std::unique_ptr<transfer::TableIO> open_table_io(const std::string& url) { return std::make_unique<PgTableIO>(url); }

}  // namespace kefu::storage::pg
