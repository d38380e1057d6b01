#pragma once
// A social-media export read into a table of text cells: CSV (RFC 4180) in UTF-8 (with or
// without a BOM), UTF-16 with a BOM, or GBK/GB18030 (what Excel in China saves), the
// encoding guessed — a file that is valid UTF-8 is UTF-8, else GB18030, which GBK is a
// part of. XLSX is not read yet (the file is refused with a hint to save it as CSV).
#include <string>
#include <utility>
#include <vector>

namespace kefu::app {

struct ImportTable {
  std::string format;    // csv
  std::string encoding;  // utf-8 | utf-16 | gb18030
  std::vector<std::string> header;
  // The data records, each with the file line it starts on (the header is line 1).
  std::vector<std::pair<int, std::vector<std::string>>> rows;
};

// Throws invalid_input on an empty file, an XLSX or other binary file, a quote left open.
ImportTable read_import_table(const std::string& bytes);

// `bytes` in UTF-8 and the encoding it was in (see above); a UTF-8 BOM is removed.
std::string to_utf8(const std::string& bytes, std::string& encoding);

}  // namespace kefu::app
