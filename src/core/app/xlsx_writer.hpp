#pragma once
// Writing XLSX workbooks through libxlsxwriter (Debian libxlsxwriter-dev), one sheet per
// table (core/app/table_export.hpp): the header row bold and frozen, column widths, cells
// typed by their column — text, integers, money in fen as ¥#,##0.00, ratios as 0.0%, and
// Unix milliseconds as the wall-clock date-time of the table's time zone
// ('yyyy-mm-dd hh:mm', an Excel serial date). The library writes to a file only (1.1),
// so the workbook goes through a private temporary file that is removed before returning;
// in its constant-memory mode (rows streamed to temporary files, strings inline), so a
// large export's memory does not grow with its rows.
// Throws std::runtime_error when the library fails (disk full), std::invalid_argument for
// no tables or a table whose rows are wider than its columns.
#include <string>
#include <vector>

#include "core/app/table_export.hpp"

namespace kefu::app {

std::string xlsx_workbook(const std::vector<Table>& tables);

// Excel's serial day number (days since 1899-12-30, fraction = time of day) of the wall
// clock at `ms` in `time_zone` (IANA name; an unknown zone is UTC).
double excel_serial(int64_t ms, const std::string& time_zone);

}  // namespace kefu::app
