#pragma once
// The first worksheet of an XLSX workbook (Office Open XML, what Excel and the platforms'
// "export to Excel" save) as rows of text cells, for the imports (feedback, purchases). A
// small reader of our own over zlib: the ZIP container's central directory, stored or
// deflated entries, and the three XML parts that matter (shared strings, styles, the
// sheet), scanned without an XML library. What it gives:
// - a cell's text as shown: shared and inline strings (rich text runs joined), numbers as
//   written, TRUE/FALSE, and a number in a date or time style as "YYYY-MM-DD HH:MM:SS"
//   (Excel's serial days from 1899-12-30, the wall-clock time the sheet shows);
// - each row with its row number (the header is row 1 in an export), empty cells as "".
// Limits: no ZIP64, encrypted or multi-disk files; at most 64 MB uncompressed in all.
// Anything else, or a damaged file, throws invalid_input (invalid_field "file").
#include <string>
#include <utility>
#include <vector>

namespace kefu::app {

std::vector<std::pair<int, std::vector<std::string>>> read_xlsx_rows(const std::string& bytes);

}  // namespace kefu::app
