#pragma once
// Reading an export file (core/storage/transfer.hpp describes the format): one parser for
// both the verification pass and the import pass, so that both refuse the same files.
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "core/storage/transfer.hpp"

namespace kefu::storage::transfer {

struct FileTable {
  std::string name;
  std::vector<std::string> columns;
  int64_t line = 0;  // of the {"table":…} line
};

struct FileVisitor {
  std::function<void(const FileTable&)> table;
  // Each row once its shape (one integer, string or null per column) has been checked.
  std::function<void(const FileTable&, const Row&, int64_t line)> row;
  // After the table's count and checksum matched its end line.
  std::function<void(const FileTable&, const TableSummary&)> end;
};

// Reads `in` from its current position to the end_of_export line, calling the visitor.
// Throws kefu::Error (invalid_input, code export_damaged) naming the table and line on
// anything malformed, a count or checksum that differs, or a file cut short.
Summary read_file(std::istream& in, const FileVisitor& visit);

// kefu::Error invalid_input, code export_damaged.
[[noreturn]] void damaged(const std::string& table, int64_t line, const std::string& what);

}  // namespace kefu::storage::transfer
