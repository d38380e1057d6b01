#pragma once
// One table of an export (a list, a report) and its two file forms: CSV for any tool and
// XLSX for Excel/WPS (core/app/xlsx_writer). The table says what each column holds, so
// the XLSX cells are typed (numbers stay numbers, money shows as ¥, times as the store's
// wall clock) and the CSV shows the same values as text.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kefu::app {

// What a column holds and how a cell of it is shown.
//   text       a string, as it is
//   integer    a whole number
//   money_fen  integer fen (分), shown as ¥0.00 (XLSX) or 0.00 (CSV)
//   percent    a ratio (0.935), shown as 93.5%
//   date_time  Unix milliseconds, shown on the table's wall clock as yyyy-mm-dd hh:mm
enum class ColumnKind { text, integer, money_fen, percent, date_time };

struct Column {
  std::string header;  // shown bold in the first row (frozen in XLSX)
  ColumnKind kind = ColumnKind::text;
  double width = 14;  // XLSX column width in characters (a Chinese character counts 2)
};

// A cell: empty, text, a whole number (integer, fen, ms) or a ratio. A cell whose value does
// not fit its column's kind (text in an integer column) is written as text.
using Cell = std::variant<std::monostate, std::string, int64_t, double>;

struct Table {
  std::string name;  // the sheet name (at most 31 characters, no []:*?/\)
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::string time_zone = "Asia/Shanghai";  // IANA zone of date_time cells
};

enum class ExportFormat { csv, xlsx };

struct ExportFile {
  std::string bytes;
  std::string content_type;  // "text/csv; charset=utf-8" or the XLSX media type
  std::string extension;     // "csv" or "xlsx"
};

// "csv" or "xlsx"; anything else throws kefu::Error invalid_enum (field "format").
ExportFormat export_format(std::string_view code);

// RFC 4180 CSV for Excel: a UTF-8 BOM first, CRLF line ends, fields holding a comma,
// quote, CR or LF quoted with quotes doubled; the header row, then the rows.
std::string table_csv(const Table& t);

// A cell as the CSV shows it (money "12.30", percent "93.5%", time "2026-11-22 08:05").
std::string cell_text(const Table& t, std::size_t column, const Cell& cell);

// One RFC 4180 field (quoted when it must be).
std::string csv_field(std::string_view value);

// The table in the format asked for (XLSX: one sheet).
ExportFile export_table(const Table& t, ExportFormat f);

// `attachment; filename="<ascii fallback>"; filename*=UTF-8''<percent-encoded name>`
// (RFC 6266 / 5987), for a download whose name may be Chinese: "工单-2026-11-22.xlsx".
std::string content_disposition(std::string_view utf8_name);

}  // namespace kefu::app
