#pragma once
// An imported file (feedback's social-media exports, the POS purchases) read into a table
// of text cells: XLSX (the first worksheet, xlsx_reader.hpp; told by the ZIP signature) or
// CSV (RFC 4180) in UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK/GB18030 (what
// Excel in China saves), the encoding guessed — a file that is valid UTF-8 is UTF-8, else
// GB18030, which GBK is a part of. (The CSV records are kb's reader, kb_formats.hpp.)
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kefu::app {

struct ImportTable {
  std::string format;    // csv | xlsx
  std::string encoding;  // utf-8 | utf-16 | gb18030 (an XLSX: utf-8)
  std::vector<std::string> header;
  // The data records, each with the file line it starts on (the header is line 1); of an
  // XLSX, its row number. Blank records are left out.
  std::vector<std::pair<int, std::vector<std::string>>> rows;
};

// What the preview of an import shows before anything is written: the file's format and
// encoding, its columns, its first rows and how many there are, and the column mapping on
// file for the source (`Mapping`: the importing capability's own).
template <class Mapping>
struct ImportPreviewOf {
  std::string format, encoding;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // the first few (the capability says how many)
  int64_t total_rows = 0;
  std::optional<Mapping> mapping;
};

// Throws invalid_input on an empty file, a damaged XLSX or another binary file, a quote left open.
ImportTable read_import_table(const std::string& bytes);

// Keeps the data rows [offset, offset + limit) (a part of a file sent whole each time, as the
// console sends an XLSX); a negative offset is 0, a limit below 1 none.
void keep_rows(ImportTable&, int64_t offset, std::optional<int64_t> limit);

// `bytes` in UTF-8 and the encoding it was in (see above); a UTF-8 BOM is removed.
std::string to_utf8(const std::string& bytes, std::string& encoding);

}  // namespace kefu::app
