#include "core/app/xlsx_writer.hpp"

#include <date/date.h>
#include <date/tz.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace kefu::app {
namespace {

// The formats of one workbook.
struct Formats {
  lxw_format* header = nullptr;
  lxw_format* money = nullptr;
  lxw_format* percent = nullptr;
  lxw_format* date_time = nullptr;
  lxw_format* integer = nullptr;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xF2F2F2);
  f.money = workbook_add_format(wb);
  format_set_num_format(f.money, "\xC2\xA5#,##0.00");  // ¥#,##0.00
  f.percent = workbook_add_format(wb);
  format_set_num_format(f.percent, "0.0%");
  f.date_time = workbook_add_format(wb);
  format_set_num_format(f.date_time, "yyyy-mm-dd hh:mm");
  f.integer = workbook_add_format(wb);
  format_set_num_format(f.integer, "0");
  return f;
}

// A sheet name Excel accepts: at most 31 characters (counted as UTF-8 characters here),
// none of []:*?/\ and not empty.
std::string sheet_name(const std::string& wanted, std::size_t index) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < wanted.size() && chars < 31;) {
    unsigned char c = static_cast<unsigned char>(wanted[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::string ch = wanted.substr(i, len);
    if (len == 1 && std::string_view("[]:*?/\\").find(static_cast<char>(c)) != std::string_view::npos) ch = "_";
    out += ch;
    i += len;
    ++chars;
  }
  if (out.empty()) out = "Sheet" + std::to_string(index + 1);
  return out;
}

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(e));
}

void write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Table& t, const Cell& cell, const Formats& f) {
  const auto kind = t.columns[c].kind;
  if (std::holds_alternative<std::monostate>(cell)) return;
  if (const auto* s = std::get_if<std::string>(&cell)) {
    check(worksheet_write_string(ws, r, c, s->c_str(), nullptr), "string");
    return;
  }
  if (const auto* n = std::get_if<int64_t>(&cell)) {
    switch (kind) {
      case ColumnKind::money_fen:
        check(worksheet_write_number(ws, r, c, static_cast<double>(*n) / 100.0, f.money), "money");
        return;
      case ColumnKind::date_time:
        check(worksheet_write_number(ws, r, c, excel_serial(*n, t.time_zone), f.date_time), "date-time");
        return;
      case ColumnKind::percent:
        check(worksheet_write_number(ws, r, c, static_cast<double>(*n), f.percent), "percent");
        return;
      case ColumnKind::text:
        check(worksheet_write_string(ws, r, c, std::to_string(*n).c_str(), nullptr), "string");
        return;
      case ColumnKind::integer:
        check(worksheet_write_number(ws, r, c, static_cast<double>(*n), f.integer), "integer");
        return;
    }
  }
  const double d = std::get<double>(cell);
  check(worksheet_write_number(ws, r, c, d, kind == ColumnKind::percent ? f.percent : nullptr), "number");
}

void write_sheet(lxw_workbook* wb, const Table& t, std::size_t index, const Formats& f) {
  const auto name = sheet_name(t.name, index);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw std::invalid_argument("xlsx: sheet name refused or repeated: " + name);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(ws, col, col, t.columns[c].width, nullptr), "column");
    check(worksheet_write_string(ws, 0, col, t.columns[c].header.c_str(), f.header), "header");
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    if (row.size() > t.columns.size()) throw std::invalid_argument("xlsx: a row is wider than the columns");
    for (std::size_t c = 0; c < row.size(); ++c)
      write_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), t, row[c], f);
  }
}

// A private temporary file, removed when this goes out of scope.
struct TempFile {
  std::string path;
  TempFile() {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/kefu-xlsx-XXXXXX";
    int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
    close(fd);
    path = pattern;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

}  // namespace

double excel_serial(int64_t ms, const std::string& time_zone) {
  const date::sys_time<std::chrono::milliseconds> t{std::chrono::milliseconds{ms}};
  int64_t local_ms = ms;
  try {
    const auto* zone = date::locate_zone(time_zone);
    local_ms = zone->to_local(t).time_since_epoch().count();
  } catch (const std::exception&) {
  }
  // 1970-01-01 is serial 25569; whole minutes, as the cells show.
  const int64_t minutes = local_ms >= 0 ? local_ms / 60000 : -((-local_ms + 59999) / 60000);
  return 25569.0 + static_cast<double>(minutes) / 1440.0;
}

std::string xlsx_workbook(const std::vector<Table>& tables) {
  if (tables.empty()) throw std::invalid_argument("xlsx: no tables");
  TempFile file;
  // Constant memory: each row goes to a temporary file as it is written (strings inline),
  // so a 100,000-row export does not hold every cell in memory; rows are written in order.
  const char* dir = std::getenv("TMPDIR");
  std::string tmpdir = dir && *dir ? dir : "/tmp";
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(file.path.c_str(), &options);
  if (!wb) throw std::runtime_error("xlsx: cannot start a workbook");
  try {
    const auto formats = make_formats(wb);
    for (std::size_t i = 0; i < tables.size(); ++i) write_sheet(wb, tables[i], i, formats);
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  check(workbook_close(wb), "close");
  std::ifstream in(file.path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace kefu::app
