#pragma once
// Moving a whole installation between storage backends (`kefu export` / `kefu import`).
//
// The core here is backend-neutral: it orders the tables, writes and reads the export
// file, and checks counts and checksums. Each backend supplies a TableIO
// (core/storage/sqlite/table_io.hpp, core/storage/pg/table_io.hpp) that lists its logical tables
// and reads and writes their rows.
//
// File format (JSON Lines, one JSON value per line):
//   {"format":"kefu-export","version":1,"schema_version":3,"source":"sqlite","exported_at":<ms>}
//   {"table":"stores","columns":["id","code",…]}
//   [1,"SH01",…]                  one array per row, in primary-key order
//   {"end":"stores","rows":N,"sha256":"<hex>"}
//   … the next table …
//   {"end_of_export":true,"tables":K}
// The checksum is SHA-256 over each row's canonical JSON text (nlohmann's compact
// dump) followed by "\n", in primary-key order (text keys compared bytewise).
#include <sodium.h>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/storage/transfer_progress.hpp"

namespace kefu::storage::transfer {

struct Column {
  std::string name;
  bool integer = false;  // otherwise text; both nullable as the schema says
};

// A logical table: what both backends have in common. SQLite's FTS5 table ticket_fts
// and PostgreSQL's ticket_search are both the logical "ticket_search(ticket_id, tokens)".
struct Table {
  std::string name;
  std::vector<Column> columns;       // in schema order
  std::vector<std::string> key;      // primary-key columns, in key order
  std::vector<std::string> parents;  // tables this one references (foreign keys)
};

// One row: a JSON array with one value per column (integer, string or null).
using Row = nlohmann::json;

class TableIO {
 public:
  virtual ~TableIO() = default;
  virtual std::string backend() const = 0;  // "sqlite" | "postgresql"
  virtual int schema_version() = 0;
  virtual int latest_schema_version() = 0;
  virtual void migrate() = 0;
  // Every logical table (schema_version excluded), in any order.
  virtual std::vector<Table> tables() = 0;

  // Between begin_read and end_read every read sees one snapshot.
  virtual void begin_read() = 0;
  virtual void end_read() = 0;
  virtual int64_t count(const Table&) = 0;
  // Calls `row` for each row in primary-key order (text compared bytewise), values in
  // the order of `columns`.
  virtual void read(const Table&, const std::vector<Column>& columns, const std::function<void(const Row&)>& row) = 0;

  virtual void begin_write() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  // Inserts rows (values in the order of `columns`) inside the open write transaction.
  // With `replace`, a row whose key exists overwrites it.
  virtual void insert(const Table&, const std::vector<Column>& columns, const std::vector<Row>& rows, bool replace) = 0;
  // After the last table: identity counters continue after the imported ids, planner
  // statistics are refreshed.
  virtual void finish_import() = 0;
};

// Parents before children (foreign keys), ties by name, `settings` last: migration 2
// seeds settings and triggers rewrite sla_config_version while stores, special days
// and policies are inserted, so the imported values must be written after those.
std::vector<Table> ordered(std::vector<Table> tables);

// SHA-256 over rows' canonical JSON text, each followed by "\n".
class Checksum {
 public:
  Checksum();
  // Returns the canonical text it hashed (what the export file holds).
  std::string add(const Row& row);
  void add_text(const std::string& canonical);
  int64_t rows() const { return rows_; }
  std::string hex();  // finishes: call once

 private:
  crypto_hash_sha256_state state_;
  int64_t rows_ = 0;
};

struct TableSummary {
  std::string table;
  int64_t rows = 0;
  std::string sha256;
  bool operator==(const TableSummary&) const = default;
};
struct Summary {
  std::string source;  // the file's backend
  int schema_version = 0;
  std::vector<TableSummary> tables;
  int64_t rows() const;
};

// Tables whose rows are secrets (the keys that sign customers' links): written without
// rows unless asked for, so that an export file — often copied, mailed, kept as a backup —
// cannot forge links. An installation moved without them signs new links with new keys;
// links sent before the move stop working.
inline constexpr const char* kSecretTables[] = {"signing_keys"};

struct ExportOptions {
  bool with_keys = false;  // also the rows of kSecretTables
};

// Writes every table of `from` to `out` from one snapshot. Throws when the source's
// schema is not the newest this binary knows (run `kefu migrate` first).
Summary export_all(TableIO& from, std::ostream& out, Progress& progress, int64_t now_ms,
                   const ExportOptions& options = {});

// Reads a whole export file and checks its structure, counts and checksums without
// touching a database. Throws kefu::Error (invalid_input) naming the table and line.
Summary verify_file(std::istream& in);

// Counts and checksums of the database's tables, computed as export does.
std::vector<TableSummary> checksum_database(TableIO& db);

// Migrates `to`, verifies the whole file, refuses a target that holds data beyond what
// migrations create (kefu::Error conflict naming the table), then imports table by
// table (a transaction per kBatchCommit rows) and checks each table's count and
// checksum as read back from the target. `in` must be seekable (it is read twice).
Summary import_all(TableIO& to, std::istream& in, Progress& progress);

// Rows per commit during import.
inline constexpr int64_t kBatchCommit = 10'000;

}  // namespace kefu::storage::transfer
