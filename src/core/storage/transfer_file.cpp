#include "core/storage/transfer_file.hpp"

#include <limits>
#include <set>

#include "core/domain/error.hpp"
#include "core/storage/errors.hpp"

namespace kefu::storage::transfer {
namespace {

using nlohmann::json;

class Lines {
 public:
  explicit Lines(std::istream& in) : in_(in) {}

  // The next non-empty line parsed; false at the end of the file.
  bool next(json& value, const std::string& table) {
    while (std::getline(in_, text_)) {
      ++number_;
      if (!text_.empty() && text_.back() == '\r') text_.pop_back();
      if (text_.empty()) continue;
      try {
        value = json::parse(text_);
      } catch (const json::parse_error& e) {
        damaged(table, number_, std::string("not valid JSON (") + e.what() + ")");
      }
      return true;
    }
    if (in_.bad()) throw std::runtime_error("reading the export file failed");
    return false;
  }
  int64_t number() const { return number_; }

 private:
  std::istream& in_;
  std::string text_;
  int64_t number_ = 0;
};

bool is_object_with(const json& v, const char* key) { return v.is_object() && v.contains(key); }

void check_values(const FileTable& t, const json& row, int64_t line) {
  if (row.size() != t.columns.size())
    damaged(t.name, line,
            "a row has " + std::to_string(row.size()) + " values, the table has " + std::to_string(t.columns.size()) +
                " columns");
  for (std::size_t i = 0; i < row.size(); ++i) {
    const auto& v = row[i];
    if (v.is_null() || v.is_string() || v.is_number_integer()) {
      if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
        damaged(t.name, line, "column " + t.columns[i] + " holds an integer beyond 64 bits");
      continue;
    }
    damaged(t.name, line, "column " + t.columns[i] + " holds " + v.type_name() + " (integers, strings, null only)");
  }
}

FileTable table_start(const json& v, int64_t line, const std::set<std::string>& seen) {
  if (!is_object_with(v, "table") || !v["table"].is_string() || !v.contains("columns") || !v["columns"].is_array())
    damaged("", line, "expected a {\"table\":…,\"columns\":[…]} line");
  FileTable t{v["table"].get<std::string>(), {}, line};
  if (seen.contains(t.name)) damaged(t.name, line, "the table appears twice");
  std::set<std::string> names;
  for (const auto& c : v["columns"]) {
    if (!c.is_string() || !names.insert(c.get<std::string>()).second)
      damaged(t.name, line, "column names must be distinct strings");
    t.columns.push_back(c.get<std::string>());
  }
  if (t.columns.empty()) damaged(t.name, line, "a table without columns");
  return t;
}

}  // namespace

void damaged(const std::string& table, int64_t line, const std::string& what) {
  std::string where = "export file line " + std::to_string(line) + (table.empty() ? "" : ", table " + table);
  throw make_error(errors::kExportDamaged, {{"where", where}, {"what", what}});
}

namespace {

Summary read_lines(Lines& lines, const FileVisitor& visit, std::string& current) {
  json v;
  if (!lines.next(v, "") || !is_object_with(v, "format") || v["format"] != "kefu-export")
    damaged("", lines.number(), "not a kefu export (the first line must say \"format\":\"kefu-export\")");
  if (v.value("version", 0) != 1)
    damaged("", lines.number(), "export format version " + v.value("version", json()).dump() + " is not 1");
  Summary s;
  s.source = v.value("source", "");
  s.schema_version = v.value("schema_version", 0);
  std::set<std::string> seen;
  for (;;) {
    if (!lines.next(v, "")) damaged("", lines.number(), "the file ends without its end_of_export line (cut short?)");
    if (is_object_with(v, "end_of_export")) {
      if (v.value("tables", int64_t{-1}) != static_cast<int64_t>(s.tables.size()))
        damaged("", lines.number(),
                "end_of_export counts " + v.value("tables", json()).dump() + " tables, the file holds " +
                    std::to_string(s.tables.size()));
      if (lines.next(v, "")) damaged("", lines.number(), "data after the end_of_export line");
      return s;
    }
    const FileTable t = table_start(v, lines.number(), seen);
    current = t.name;
    seen.insert(t.name);
    if (visit.table) visit.table(t);
    Checksum sum;
    for (;;) {
      if (!lines.next(v, t.name)) damaged(t.name, lines.number(), "the file ends inside the table (cut short?)");
      if (v.is_array()) {
        check_values(t, v, lines.number());
        sum.add(v);
        if (visit.row) visit.row(t, v, lines.number());
        continue;
      }
      if (!is_object_with(v, "end") || v["end"] != t.name)
        damaged(t.name, lines.number(), "expected a row or {\"end\":\"" + t.name + "\",…}");
      TableSummary ts{t.name, sum.rows(), sum.hex()};
      const auto rows = v.value("rows", int64_t{-1});
      const auto sha = v.value("sha256", "");
      if (rows != ts.rows)
        damaged(t.name, lines.number(),
                "the end line says " + std::to_string(rows) + " rows, the file holds " + std::to_string(ts.rows));
      if (sha != ts.sha256)
        damaged(t.name, lines.number(), "checksum differs: the end line says " + sha + ", the rows give " + ts.sha256);
      if (visit.end) visit.end(t, ts);
      s.tables.push_back(std::move(ts));
      current.clear();
      break;
    }
  }
}

}  // namespace

Summary read_file(std::istream& in, const FileVisitor& visit) {
  Lines lines(in);
  std::string current;  // the table being read, for messages
  try {
    return read_lines(lines, visit, current);
  } catch (const json::exception& e) {
    damaged(current, lines.number(), std::string("unexpected JSON (") + e.what() + ")");
  }
}

}  // namespace kefu::storage::transfer
