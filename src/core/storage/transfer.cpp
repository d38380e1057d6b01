#include "core/storage/transfer.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <stdexcept>

#include "core/domain/error.hpp"
#include "core/storage/errors.hpp"
#include "core/storage/transfer_file.hpp"

namespace kefu::storage::transfer {
namespace {

using nlohmann::json;
// Control lines keep their keys in the documented order ({"table":…,"columns":…}).
using ojson = nlohmann::ordered_json;

constexpr std::size_t kInsertBatch = 500;  // rows per insert() call
const char* const kLastTable = "settings";
// What migrations put into a fresh database: these settings rows and nothing else.
const std::set<std::string> kSeededSettings{"installation_id", "sla_config_version"};

Error mismatch(const std::string& table, const std::string& what) {
  return make_error(errors::kImportMismatch, {{"table", table}, {"what", what}});
}

Error incompatible(const std::string& table, const std::string& what) {
  return make_error(errors::kExportIncompatible, {{"table", table}, {"what", what}});
}

Error not_empty(const std::string& table, const std::string& what) {
  return make_error(errors::kTargetNotEmpty, {{"table", table}, {"what", what}});
}

// Ends a read snapshot however the export leaves.
struct ReadScope {
  TableIO& io;
  explicit ReadScope(TableIO& i) : io(i) { io.begin_read(); }
  ~ReadScope() {
    try {
      io.end_read();
    } catch (...) {
    }
  }
};

const Table& find_table(const std::vector<Table>& tables, const std::string& name) {
  for (const auto& t : tables)
    if (t.name == name) return t;
  throw std::logic_error("no table " + name);
}

// The target's columns in the file's order; throws unless the two sets are equal.
std::vector<Column> columns_as_in_file(const Table& target, const std::vector<std::string>& file_columns) {
  std::vector<Column> out;
  for (const auto& name : file_columns) {
    auto it =
        std::find_if(target.columns.begin(), target.columns.end(), [&](const Column& c) { return c.name == name; });
    if (it == target.columns.end()) throw incompatible(target.name, "column " + name + " does not exist here");
    out.push_back(*it);
  }
  for (const auto& c : target.columns)
    if (std::find(file_columns.begin(), file_columns.end(), c.name) == file_columns.end())
      throw incompatible(target.name, "the file lacks column " + c.name);
  return out;
}

void refuse_non_empty(TableIO& to, const std::vector<Table>& tables) {
  for (const auto& t : tables) {
    if (t.name != kLastTable) {
      if (const auto n = to.count(t); n > 0) throw not_empty(t.name, std::to_string(n) + " rows");
      continue;
    }
    const std::vector<Column> key{{t.key.at(0), false}};
    to.read(t, key, [&](const Row& r) {
      if (!kSeededSettings.contains(r[0].get<std::string>())) throw not_empty(t.name, "key " + r[0].dump());
    });
  }
}

// Rows of one table on their way into the target, in batches and commits.
class TableWriter {
 public:
  TableWriter(TableIO& to, const Table& table, std::vector<Column> columns)
      : to_(to), table_(table), columns_(std::move(columns)) {
    to_.begin_write();
    open_ = true;
  }
  ~TableWriter() {
    if (open_) try {
        to_.rollback();
      } catch (...) {
      }
  }
  const std::vector<Column>& columns() const { return columns_; }

  void add(const Row& row, int64_t line) {
    for (std::size_t i = 0; i < columns_.size(); ++i)
      if (!row[i].is_null() && columns_[i].integer != row[i].is_number_integer())
        damaged(table_.name, line,
                "column " + columns_[i].name + " is " + (columns_[i].integer ? "an integer" : "text") +
                    " column, the file holds " + row[i].dump());
    batch_.push_back(row);
    if (batch_.size() == kInsertBatch) flush(false);
  }

  void flush(bool last) {
    if (!batch_.empty()) to_.insert(table_, columns_, batch_, table_.name == kLastTable);
    uncommitted_ += static_cast<int64_t>(batch_.size());
    batch_.clear();
    if (last || uncommitted_ >= kBatchCommit) {
      to_.commit();
      open_ = false;
      uncommitted_ = 0;
      if (!last) {
        to_.begin_write();
        open_ = true;
      }
    }
  }

 private:
  TableIO& to_;
  const Table& table_;
  std::vector<Column> columns_;
  std::vector<Row> batch_;
  int64_t uncommitted_ = 0;
  bool open_ = false;
};

TableSummary checksum_table(TableIO& db, const Table& t, const std::vector<Column>& columns) {
  Checksum sum;
  db.read(t, columns, [&](const Row& r) { sum.add(r); });
  return {t.name, sum.rows(), sum.hex()};
}

}  // namespace

std::vector<Table> ordered(std::vector<Table> tables) {
  std::map<std::string, Table> left;
  for (auto& t : tables) left.emplace(t.name, std::move(t));
  std::vector<Table> out;
  std::set<std::string> placed;
  while (!left.empty()) {
    auto ready = std::find_if(left.begin(), left.end(), [&](const auto& entry) {
      const Table& t = entry.second;
      if (t.name == kLastTable && left.size() > 1) return false;
      return std::all_of(t.parents.begin(), t.parents.end(),
                         [&](const std::string& p) { return p == t.name || placed.contains(p) || !left.contains(p); });
    });
    if (ready == left.end()) throw std::logic_error("foreign keys form a cycle among " + left.begin()->first);
    placed.insert(ready->first);
    out.push_back(std::move(ready->second));
    left.erase(ready);
  }
  return out;
}

Checksum::Checksum() { crypto_hash_sha256_init(&state_); }

std::string Checksum::add(const Row& row) {
  std::string text = row.dump();
  add_text(text);
  return text;
}

void Checksum::add_text(const std::string& canonical) {
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>("\n"), 1);
  ++rows_;
}

std::string Checksum::hex() {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state_, digest);
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

int64_t Summary::rows() const {
  int64_t n = 0;
  for (const auto& t : tables) n += t.rows;
  return n;
}

Summary export_all(TableIO& from, std::ostream& out, Progress& progress, int64_t now_ms, const ExportOptions& options) {
  const int version = from.schema_version();
  if (version != from.latest_schema_version())
    throw make_error(errors::kSchemaOutdated, {{"version", version}, {"latest", from.latest_schema_version()}});
  const auto tables = ordered(from.tables());
  Summary s{from.backend(), version, {}};
  ReadScope snapshot(from);
  out << ojson{{"format", "kefu-export"},
               {"version", 1},
               {"schema_version", version},
               {"source", s.source},
               {"exported_at", now_ms}}
             .dump()
      << '\n';
  for (const auto& t : tables) {
    const bool rows = options.with_keys || std::none_of(std::begin(kSecretTables), std::end(kSecretTables),
                                                        [&](const char* s) { return t.name == s; });
    progress.start(t.name, rows ? from.count(t) : 0);
    ojson names = ojson::array();
    for (const auto& c : t.columns) names.push_back(c.name);
    out << ojson{{"table", t.name}, {"columns", names}}.dump() << '\n';
    Checksum sum;
    if (rows)
      from.read(t, t.columns, [&](const Row& r) {
        out << sum.add(r) << '\n';
        progress.advance();
      });
    TableSummary ts{t.name, sum.rows(), sum.hex()};
    out << ojson{{"end", t.name}, {"rows", ts.rows}, {"sha256", ts.sha256}}.dump() << '\n';
    progress.finish();
    s.tables.push_back(std::move(ts));
  }
  out << ojson{{"end_of_export", true}, {"tables", s.tables.size()}}.dump() << '\n';
  out.flush();
  if (!out) throw std::runtime_error("writing the export failed (disk full?)");
  return s;
}

Summary verify_file(std::istream& in) { return read_file(in, {}); }

std::vector<TableSummary> checksum_database(TableIO& db) {
  const auto tables = ordered(db.tables());
  ReadScope snapshot(db);
  std::vector<TableSummary> out;
  for (const auto& t : tables) out.push_back(checksum_table(db, t, t.columns));
  return out;
}

Summary import_all(TableIO& to, std::istream& in, Progress& progress) {
  to.migrate();
  const auto start = in.tellg();
  const Summary file = verify_file(in);
  if (file.schema_version != to.schema_version())
    throw make_error(errors::kSchemaMismatch, {{"file", file.schema_version}, {"here", to.schema_version()}});
  const auto tables = ordered(to.tables());
  for (const auto& t : tables)
    if (std::none_of(file.tables.begin(), file.tables.end(), [&](const auto& f) { return f.table == t.name; }))
      throw incompatible(t.name, "the file lacks this table");
  for (const auto& f : file.tables)
    if (std::none_of(tables.begin(), tables.end(), [&](const auto& t) { return t.name == f.table; }))
      throw incompatible(f.table, "no such table here");
  refuse_non_empty(to, tables);

  in.clear();
  in.seekg(start);
  std::unique_ptr<TableWriter> writer;
  std::map<std::string, int64_t> expected;
  for (const auto& f : file.tables) expected[f.table] = f.rows;
  read_file(in, {.table =
                     [&](const FileTable& f) {
                       const Table& t = find_table(tables, f.name);
                       writer = std::make_unique<TableWriter>(to, t, columns_as_in_file(t, f.columns));
                       progress.start(f.name, expected[f.name]);
                     },
                 .row =
                     [&](const FileTable&, const Row& r, int64_t line) {
                       writer->add(r, line);
                       progress.advance();
                     },
                 .end =
                     [&](const FileTable& f, const TableSummary& want) {
                       writer->flush(true);
                       progress.finish();
                       const auto got = checksum_table(to, find_table(tables, f.name), writer->columns());
                       writer.reset();
                       if (got.rows != want.rows)
                         throw mismatch(f.name, "the target holds " + std::to_string(got.rows) + " rows, the file " +
                                                    std::to_string(want.rows));
                       if (got.sha256 != want.sha256)
                         throw mismatch(f.name,
                                        "checksum " + got.sha256 + " in the target, " + want.sha256 + " in the file");
                     }});
  to.finish_import();
  return file;
}

}  // namespace kefu::storage::transfer
