#include "core/app/table_export.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/app/xlsx_writer.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::app {
namespace {

std::string money(int64_t fen) {
  const bool negative = fen < 0;
  const uint64_t v = negative ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  char out[40];
  std::snprintf(out, sizeof out, "%s%llu.%02llu", negative ? "-" : "", static_cast<unsigned long long>(v / 100),
                static_cast<unsigned long long>(v % 100));
  return out;
}

std::string percent(double ratio) {
  char out[40];
  std::snprintf(out, sizeof out, "%.1f%%", std::round(ratio * 1000.0) / 10.0);
  return out;
}

std::string wall_clock(int64_t ms, const std::string& zone_name) {
  const date::sys_time<std::chrono::milliseconds> t{std::chrono::milliseconds{ms}};
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(zone_name);
  } catch (const std::exception&) {
  }
  const auto minutes = date::floor<std::chrono::minutes>(t);
  if (!zone) return date::format("%Y-%m-%d %H:%M", minutes);
  return date::format("%Y-%m-%d %H:%M", zone->to_local(minutes));
}

}  // namespace

ExportFormat export_format(std::string_view code) {
  if (code == "csv") return ExportFormat::csv;
  if (code == "xlsx") return ExportFormat::xlsx;
  throw make_error(errors::kInvalidEnum, {{"field", "format"}, {"value", std::string(code)}, {"allowed", "xlsx, csv"}},
                   "format");
}

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string cell_text(const Table& t, std::size_t column, const Cell& cell) {
  const auto kind = column < t.columns.size() ? t.columns[column].kind : ColumnKind::text;
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* n = std::get_if<int64_t>(&cell)) {
    if (kind == ColumnKind::money_fen) return money(*n);
    if (kind == ColumnKind::date_time) return wall_clock(*n, t.time_zone);
    if (kind == ColumnKind::percent) return percent(static_cast<double>(*n));
    return std::to_string(*n);
  }
  if (const auto* d = std::get_if<double>(&cell)) {
    if (kind == ColumnKind::percent) return percent(*d);
    char out[40];
    std::snprintf(out, sizeof out, "%g", *d);
    return out;
  }
  return "";
}

std::string table_csv(const Table& t) {
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += ',';
    out += csv_field(t.columns[i].header);
  }
  out += "\r\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      out += csv_field(cell_text(t, i, row[i]));
    }
    out += "\r\n";
  }
  return out;
}

ExportFile export_table(const Table& t, ExportFormat f) {
  if (f == ExportFormat::csv) return {table_csv(t), "text/csv; charset=utf-8", "csv"};
  return {xlsx_workbook({t}), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"};
}

std::string content_disposition(std::string_view utf8_name) {
  std::string ascii, encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : utf8_name) {
    const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    const bool shown = c < 0x80 && c >= 0x20 && c != '"' && c != '\\';
    if (shown)
      ascii += static_cast<char>(c);
    else if (ascii.empty() || ascii.back() != '_')
      ascii += '_';  // one '_' for a run of Chinese characters
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace kefu::app
