#include "core/app/import_file.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

#include "core/app/xlsx_reader.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "kb/app/kb_formats.hpp"

namespace kefu::app {
namespace {

Error bad_file(const char* zh, const char* en) {
  return make_error(errors::kInvalidField, {{"field", "file"}, {"problem", Text(zh, en)}}, "file");
}

bool valid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// `bytes` from the ICU converter `name` into UTF-8 (ill-formed bytes become U+FFFD).
std::string convert(const std::string& bytes, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> from(ucnv_open(name, &status), ucnv_close);
  std::unique_ptr<UConverter, decltype(&ucnv_close)> to(ucnv_open("UTF-8", &status), ucnv_close);
  if (U_FAILURE(status)) throw bad_file("无法识别文件编码", "the file's encoding is not supported");
  std::string out(bytes.size() * 2 + 16, '\0');
  for (;;) {
    status = U_ZERO_ERROR;
    const auto n = ucnv_convert("UTF-8", name, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                static_cast<int32_t>(bytes.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(static_cast<std::size_t>(n) + 16);
      continue;
    }
    if (U_FAILURE(status)) throw bad_file("无法识别文件编码", "the file's encoding is not supported");
    out.resize(static_cast<std::size_t>(n));
    return out;
  }
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

bool blank(const std::vector<std::string>& cells) {
  for (const auto& cell : cells)
    if (cell.find_first_not_of(" \t\r\n") != std::string::npos) return false;
  return true;
}

void trim_header(std::vector<std::string>& header) {
  for (auto& h : header) {
    while (!h.empty() && (h.back() == ' ' || h.back() == '\t')) h.pop_back();
    while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.erase(h.begin());
  }
}

// The first worksheet: its first non-blank row is the header; lines are row numbers.
ImportTable xlsx_table(const std::string& bytes) {
  auto rows = read_xlsx_rows(bytes);
  std::erase_if(rows, [](const auto& r) { return blank(r.second); });
  if (rows.empty()) throw bad_file("文件为空", "the file is empty");
  ImportTable t{"xlsx", "utf-8", std::move(rows.front().second), {}};
  trim_header(t.header);
  t.rows.assign(std::make_move_iterator(rows.begin() + 1), std::make_move_iterator(rows.end()));
  return t;
}

}  // namespace

std::string to_utf8(const std::string& bytes, std::string& encoding) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    encoding = "utf-8";
    return bytes.substr(3);
  }
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    encoding = "utf-16";
    auto out = convert(bytes, "UTF-16");  // the converter reads and drops the BOM
    return starts_with(out, "\xEF\xBB\xBF") ? out.substr(3) : out;
  }
  if (valid_utf8(bytes)) {
    encoding = "utf-8";
    return bytes;
  }
  encoding = "gb18030";
  return convert(bytes, "GB18030");
}

ImportTable read_import_table(const std::string& bytes) {
  if (bytes.empty()) throw bad_file("文件为空", "the file is empty");
  if (starts_with(bytes, "PK\x03\x04")) return xlsx_table(bytes);
  if (bytes.find('\0') != std::string::npos && !starts_with(bytes, "\xFF\xFE") && !starts_with(bytes, "\xFE\xFF"))
    throw bad_file("不是 CSV 文本文件", "not a CSV text file");
  ImportTable t;
  t.format = "csv";
  const auto text = to_utf8(bytes, t.encoding);
  bool bad = false;
  auto records = kb_formats::csv_records(text, bad);
  if (bad) throw bad_file("引号未闭合", "a quote is left open");
  if (records.empty()) throw bad_file("文件为空", "the file is empty");
  t.header = std::move(records.front().second);
  trim_header(t.header);
  records.erase(records.begin());
  for (auto& r : records)
    if (!blank(r.second)) t.rows.push_back(std::move(r));
  return t;
}

void keep_rows(ImportTable& t, int64_t offset, std::optional<int64_t> limit) {
  const auto skip = static_cast<std::size_t>(std::clamp<int64_t>(offset, 0, static_cast<int64_t>(t.rows.size())));
  t.rows.erase(t.rows.begin(), t.rows.begin() + static_cast<std::ptrdiff_t>(skip));
  if (limit && *limit > 0 && static_cast<std::size_t>(*limit) < t.rows.size())
    t.rows.resize(static_cast<std::size_t>(*limit));
}

}  // namespace kefu::app
