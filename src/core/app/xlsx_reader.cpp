#include "core/app/xlsx_reader.hpp"

#include <zlib.h>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string_view>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/text/utf8.hpp"

namespace kefu::app {
namespace {

constexpr std::size_t kMaxUnpacked = 64u << 20;

Error damaged() {
  return make_error(
      errors::kInvalidField,
      {{"field", "file"}, {"problem", Text("XLSX 文件已损坏或不受支持", "the XLSX file is damaged or not supported")}},
      "file");
}

// ---- The ZIP container -------------------------------------------------------------------

uint32_t le(const std::string& s, std::size_t at, int bytes) {
  if (at + static_cast<std::size_t>(bytes) > s.size()) throw damaged();
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
  return v;
}

struct Entry {
  uint32_t method = 0, packed = 0, size = 0, local = 0;
};

std::map<std::string, Entry> directory(const std::string& zip) {
  if (zip.size() < 22) throw damaged();
  std::size_t end = std::string::npos;
  const std::size_t lowest = zip.size() > 65557 ? zip.size() - 65557 : 0;
  for (std::size_t i = zip.size() - 22 + 1; i-- > lowest;)
    if (le(zip, i, 4) == 0x06054b50) {
      end = i;
      break;
    }
  if (end == std::string::npos) throw damaged();
  const uint32_t count = le(zip, end + 10, 2);
  std::size_t at = le(zip, end + 16, 4);
  std::map<std::string, Entry> out;
  for (uint32_t n = 0; n < count; ++n) {
    if (le(zip, at, 4) != 0x02014b50) throw damaged();
    Entry e{le(zip, at + 10, 2), le(zip, at + 20, 4), le(zip, at + 24, 4), le(zip, at + 42, 4)};
    if (le(zip, at + 8, 2) & 1) throw damaged();  // encrypted
    const uint32_t name = le(zip, at + 28, 2), extra = le(zip, at + 30, 2), comment = le(zip, at + 32, 2);
    if (at + 46 + name > zip.size()) throw damaged();
    out[zip.substr(at + 46, name)] = e;
    at += 46 + name + extra + comment;
  }
  return out;
}

class Zip {
 public:
  explicit Zip(const std::string& bytes) : zip_(bytes), entries_(directory(bytes)) {}

  bool has(const std::string& name) const { return entries_.count(name) > 0; }

  // The entry's content; "" when there is no such entry.
  std::string read(const std::string& name) {
    const auto it = entries_.find(name);
    if (it == entries_.end()) return "";
    const auto& e = it->second;
    if (le(zip_, e.local, 4) != 0x04034b50) throw damaged();
    const std::size_t data = std::size_t{e.local} + 30 + le(zip_, e.local + 26, 2) + le(zip_, e.local + 28, 2);
    if (data + e.packed > zip_.size() || e.size > kMaxUnpacked - unpacked_) throw damaged();
    unpacked_ += e.size;
    if (e.method == 0) return zip_.substr(data, e.packed);
    if (e.method != 8) throw damaged();
    std::string out(e.size, '\0');
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) throw damaged();
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip_.data() + data));
    z.avail_in = e.packed;
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = e.size;
    const int rc = inflate(&z, Z_FINISH);
    const auto produced = z.total_out;
    inflateEnd(&z);
    if (rc != Z_STREAM_END || produced != e.size) throw damaged();
    return out;
  }

 private:
  const std::string& zip_;
  std::map<std::string, Entry> entries_;
  std::size_t unpacked_ = 0;
};

// ---- A little XML ------------------------------------------------------------------------

// The text with XML's five entities and numeric character references replaced.
std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    const auto semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    const auto name = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    if (name == "lt")
      cp = '<';
    else if (name == "gt")
      cp = '>';
    else if (name == "amp")
      cp = '&';
    else if (name == "quot")
      cp = '"';
    else if (name == "apos")
      cp = '\'';
    else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      for (char ch : name.substr(hex ? 2 : 1)) {
        const int d = std::isdigit(static_cast<unsigned char>(ch))           ? ch - '0'
                      : hex && std::isxdigit(static_cast<unsigned char>(ch)) ? (std::tolower(ch) - 'a' + 10)
                                                                             : -1;
        if (d < 0 || cp > 0x10FFFF) {
          cp = 0xFFFD;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      }
    } else {
      out += s[i];
      continue;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    text::utf8::append(out, cp);
    i = semi;
  }
  return out;
}

// One element found by Elements: its start tag (without < and >) and its content ("" when
// self-closing). Namespace prefixes (x:row) are ignored.
struct Element {
  std::string_view tag, body;
};

// The elements named `name` in `xml` from `pos` on, not nested in each other.
class Elements {
 public:
  Elements(std::string_view xml, std::string_view name) : xml_(xml), name_(name) {}

  bool next(Element& e) {
    for (;;) {
      const auto lt = xml_.find('<', pos_);
      if (lt == std::string_view::npos) return false;
      const auto gt = xml_.find('>', lt);
      if (gt == std::string_view::npos) return false;
      const auto tag = xml_.substr(lt + 1, gt - lt - 1);
      pos_ = gt + 1;
      if (local_name(tag) != name_) continue;
      e.tag = tag;
      if (!tag.empty() && tag.back() == '/') {
        e.body = {};
        return true;
      }
      const auto close = find_close(pos_);
      e.body = xml_.substr(pos_, close - pos_);
      pos_ = close;
      return true;
    }
  }

 private:
  static std::string_view local_name(std::string_view tag) {
    auto end = tag.find_first_of(" \t\r\n/");
    auto n = tag.substr(0, end);
    const auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
  }
  // Where the element's end tag starts (the end of the text when it is missing).
  std::size_t find_close(std::size_t from) const {
    for (std::size_t at = from;;) {
      const auto lt = xml_.find("</", at);
      if (lt == std::string_view::npos) return xml_.size();
      const auto gt = xml_.find('>', lt);
      if (gt == std::string_view::npos) return xml_.size();
      if (local_name(xml_.substr(lt + 2, gt - lt - 2)) == name_) return lt;
      at = gt + 1;
    }
  }
  std::string_view xml_, name_;
  std::size_t pos_ = 0;
};

std::string attr(std::string_view tag, std::string_view name) {
  for (std::size_t at = 0;;) {
    const auto hit = tag.find(name, at);
    if (hit == std::string_view::npos) return "";
    at = hit + name.size();
    const bool starts = hit > 0 && std::isspace(static_cast<unsigned char>(tag[hit - 1]));
    if (!starts || at >= tag.size() || tag[at] != '=' || at + 1 >= tag.size()) continue;
    const char quote = tag[at + 1];
    const auto end = tag.find(quote, at + 2);
    if (end == std::string_view::npos) return "";
    return unescape(tag.substr(at + 2, end - at - 2));
  }
}

// The text of every <t> in `xml`, joined (phonetic runs <rPh> left out).
std::string texts(std::string_view xml) {
  std::string kept;
  for (std::size_t at = 0;;) {
    const auto ph = xml.find("<rPh", at);
    if (ph == std::string_view::npos) {
      kept += xml.substr(at);
      break;
    }
    kept += xml.substr(at, ph - at);
    const auto end = xml.find("</rPh>", ph);
    if (end == std::string_view::npos) break;
    at = end + 6;
  }
  std::string out;
  Elements ts(kept, "t");
  for (Element e; ts.next(e);) out += unescape(e.body);
  return out;
}

// ---- The workbook ------------------------------------------------------------------------

std::vector<std::string> shared_strings(Zip& zip) {
  const auto xml = zip.read("xl/sharedStrings.xml");
  std::vector<std::string> out;
  Elements si(xml, "si");
  for (Element e; si.next(e);) out.push_back(texts(e.body));
  return out;
}

bool date_format(int id, const std::map<int, std::string>& custom) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return true;
  const auto it = custom.find(id);
  if (it == custom.end()) return false;
  bool quoted = false, bracket = false;
  for (char ch : it->second) {
    if (ch == '"')
      quoted = !quoted;
    else if (!quoted && ch == '[')
      bracket = true;
    else if (!quoted && ch == ']')
      bracket = false;
    else if (!quoted && !bracket && std::strchr("yYdDhH", ch))
      return true;
  }
  return false;
}

// The cell styles (xf indexes) that show a number as a date or time.
std::set<int> date_styles(Zip& zip) {
  const auto xml = zip.read("xl/styles.xml");
  std::map<int, std::string> custom;
  Elements fmts(xml, "numFmt");
  for (Element e; fmts.next(e);) custom[std::atoi(attr(e.tag, "numFmtId").c_str())] = attr(e.tag, "formatCode");
  std::set<int> out;
  Elements xfs(xml, "cellXfs");
  Element block;
  if (!xfs.next(block)) return out;
  Elements xf(block.body, "xf");
  int i = 0;
  for (Element e; xf.next(e); ++i)
    if (date_format(std::atoi(attr(e.tag, "numFmtId").c_str()), custom)) out.insert(i);
  return out;
}

// The path of the workbook's first sheet.
std::string first_sheet(Zip& zip) {
  const auto book = zip.read("xl/workbook.xml");
  Elements sheets(book, "sheet");
  Element s;
  if (sheets.next(s)) {
    auto id = attr(s.tag, "r:id");
    const auto rels = zip.read("xl/_rels/workbook.xml.rels");
    Elements rel(rels, "Relationship");
    for (Element r; rel.next(r);) {
      if (attr(r.tag, "Id") != id) continue;
      auto target = attr(r.tag, "Target");
      if (!target.empty() && target[0] == '/') return target.substr(1);
      return "xl/" + target;
    }
  }
  return "xl/worksheets/sheet1.xml";
}

// "YYYY-MM-DD HH:MM:SS" of Excel's serial day number (the 1900 system).
std::string serial_time(double serial) {
  auto secs = static_cast<int64_t>(std::llround(serial * 86400.0));
  int64_t days = secs / 86400 - 25569;  // 1899-12-30 → 1970-01-01
  secs %= 86400;
  // civil_from_days (Howard Hinnant)
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02lld:%02lld:%02lld", static_cast<long long>(y), m, d,
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60));
  return buf;
}

// The column index of a cell reference ("C7" → 2); -1 when there is none.
int column_of(const std::string& ref) {
  int col = 0;
  std::size_t i = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])) && i < 3; ++i)
    col = col * 26 + (std::toupper(ref[i]) - 'A' + 1);
  return i == 0 ? -1 : col - 1;
}

std::string cell_text(const Element& c, const std::vector<std::string>& strings, const std::set<int>& dates) {
  const auto type = attr(c.tag, "t");
  if (type == "inlineStr") return texts(c.body);
  Elements v(c.body, "v");
  Element value;
  if (!v.next(value)) return "";
  const auto raw = unescape(value.body);
  if (type == "s") {
    const auto i = static_cast<std::size_t>(std::strtoul(raw.c_str(), nullptr, 10));
    return i < strings.size() ? strings[i] : "";
  }
  if (type == "b") return raw == "1" ? "TRUE" : "FALSE";
  if (type.empty() || type == "n") {
    const auto style = attr(c.tag, "s");
    if (!style.empty() && dates.count(std::atoi(style.c_str()))) {
      char* end = nullptr;
      const double serial = std::strtod(raw.c_str(), &end);
      if (end && *end == '\0' && serial > 0 && serial < 2958466) return serial_time(serial);
    }
  }
  return raw;  // a number as written, a formula's string (t="str"), an error (t="e")
}

}  // namespace

std::vector<std::pair<int, std::vector<std::string>>> read_xlsx_rows(const std::string& bytes) {
  Zip zip(bytes);
  if (!zip.has("xl/workbook.xml")) throw damaged();
  const auto strings = shared_strings(zip);
  const auto dates = date_styles(zip);
  const auto sheet = zip.read(first_sheet(zip));
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  Elements row(sheet, "row");
  int last = 0;
  for (Element r; row.next(r);) {
    const auto number = std::atoi(attr(r.tag, "r").c_str());
    last = number > last ? number : last + 1;
    std::vector<std::string> cells;
    Elements c(r.body, "c");
    for (Element cell; c.next(cell);) {
      auto col = column_of(attr(cell.tag, "r"));
      if (col < 0) col = static_cast<int>(cells.size());
      if (col >= 16384) throw damaged();
      if (static_cast<std::size_t>(col) >= cells.size()) cells.resize(static_cast<std::size_t>(col) + 1);
      cells[static_cast<std::size_t>(col)] = cell_text(cell, strings, dates);
    }
    rows.emplace_back(last, std::move(cells));
  }
  return rows;
}

}  // namespace kefu::app
