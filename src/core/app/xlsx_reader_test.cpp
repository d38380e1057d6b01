// Reading an XLSX export: shared and inline strings (rich text joined, entities decoded),
// numbers as written, date styles as wall-clock times, gaps and row numbers kept; the first
// sheet of the workbook; damaged files refused.
#include "core/app/xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <functional>
#include <map>

#include "core/app/import_file.hpp"
#include "core/domain/error.hpp"

namespace kefu::app {
namespace {

void put16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

// A ZIP of deflated entries, in order.
std::string zip(const std::vector<std::pair<std::string, std::string>>& files) {
  std::string out, central;
  for (const auto& [name, data] : files) {
    std::string packed(compressBound(static_cast<uLong>(data.size())) + 16, '\0');
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(packed.data());
    z.avail_out = static_cast<uInt>(packed.size());
    deflate(&z, Z_FINISH);
    packed.resize(z.total_out);
    deflateEnd(&z);
    const auto crc =
        static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const auto offset = static_cast<uint32_t>(out.size());
    std::string common;
    put16(common, 20), put16(common, 0), put16(common, 8), put16(common, 0), put16(common, 0);
    put32(common, crc), put32(common, static_cast<uint32_t>(packed.size())),
        put32(common, static_cast<uint32_t>(data.size()));
    put16(common, static_cast<uint32_t>(name.size())), put16(common, 0);
    put32(out, 0x04034b50);
    out += common + name + packed;
    put32(central, 0x02014b50);
    put16(central, 20);
    central += common;
    put16(central, 0), put16(central, 0), put16(central, 0), put32(central, 0), put32(central, offset);
    central += name;
  }
  const auto at = static_cast<uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0), put16(out, 0), put16(out, static_cast<uint32_t>(files.size())),
      put16(out, static_cast<uint32_t>(files.size()));
  put32(out, static_cast<uint32_t>(central.size())), put32(out, at), put16(out, 0);
  return out;
}

std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return "none";
}

std::string workbook(const std::string& sheet, bool second_sheet_first = false) {
  const std::string ns = R"( xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
  std::vector<std::pair<std::string, std::string>> files = {
      {"[Content_Types].xml", R"(<?xml version="1.0" encoding="UTF-8"?><Types/>)"},
      {"xl/workbook.xml", "<workbook" + ns + R"( xmlns:r="r"><sheets><sheet name="评论" sheetId="1" r:id="rId)" +
                              (second_sheet_first ? "2" : "1") + R"("/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/other.xml"/></Relationships>)"},
      {"xl/sharedStrings.xml",
       "<sst" + ns +
           R"(><si><t>内容</t></si><si><t>时间</t></si><si><r><rPr><b/></rPr><t>停车</t></r><r><t xml:space="preserve">难 &amp; 贵</t></r><rPh><t>ていしゃ</t></rPh></si><si><t>门店</t></si></sst>)"},
      {"xl/styles.xml",
       "<styleSheet" + ns +
           R"(><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d\ h:mm"/><numFmt numFmtId="177" formatCode="&quot;¥&quot;#,##0"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="177"/></cellXfs></styleSheet>)"},
      {"xl/worksheets/sheet1.xml", sheet},
      {"xl/worksheets/other.xml",
       R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>另一张表</t></is></c></row></sheetData></worksheet>)"},
  };
  return zip(files);
}

const std::string kSheet = R"(<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>46081.5</v></c><c r="C2"><v>42</v></c><c r="D2" t="inlineStr"><is><t>SH01</t></is></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><t>&#x6709;&#26032;</t></is></c><c r="B4" s="2"><v>46082</v></c><c r="C4" s="3"><v>5</v></c><c r="D4" t="b"><v>1</v></c></row>
<row r="5"/>
</sheetData></worksheet>)";

TEST(XlsxReader, ReadsTheFirstSheetsCellsAsTheyAreShown) {
  const auto rows = read_xlsx_rows(workbook(kSheet));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].first, 1);
  EXPECT_EQ(rows[0].second, (std::vector<std::string>{"内容", "时间", "", "门店"})) << "a gap is an empty cell";
  EXPECT_EQ(rows[1].second, (std::vector<std::string>{"停车难 & 贵", "2026-02-28 12:00:00", "42", "SH01"}))
      << "rich text joined without its phonetic run; a date style as a time";
  EXPECT_EQ(rows[2].first, 4) << "row numbers are kept";
  EXPECT_EQ(rows[2].second, (std::vector<std::string>{"有新", "2026-03-01 00:00:00", "5", "TRUE"}))
      << "a currency style is no date";
  EXPECT_TRUE(rows[3].second.empty());
  EXPECT_EQ(read_xlsx_rows(workbook(kSheet, true))[0].second[0], "另一张表") << "the workbook's first sheet";
}

TEST(XlsxReader, AnImportTableTakesTheFirstRowAsTheHeader) {
  const auto t = read_import_table(workbook(kSheet));
  EXPECT_EQ(t.format, "xlsx");
  EXPECT_EQ(t.header, (std::vector<std::string>{"内容", "时间", "", "门店"}));
  ASSERT_EQ(t.rows.size(), 2u) << "the blank row is left out";
  EXPECT_EQ(t.rows[1].first, 4);
}

TEST(XlsxReader, ADamagedFileIsRefused) {
  auto good = workbook(kSheet);
  for (const auto& bad : {std::string("PK\x03\x04", 4), good.substr(0, good.size() / 2),
                          good.substr(0, good.size() - 30), zip({{"hello.txt", "not a workbook"}})}) {
    EXPECT_EQ(code_of([&] { read_import_table(bad); }), "invalid_field");
  }
  // Bytes flipped anywhere (a fixed sequence): each file is read or refused, nothing else.
  uint32_t seed = 12345;
  for (int round = 0; round < 400; ++round) {
    auto bent = good;
    for (int k = 0; k < 3; ++k) {
      seed = seed * 1664525u + 1013904223u;
      bent[seed % bent.size()] = static_cast<char>(seed >> 24);
    }
    const auto code = code_of([&] { read_xlsx_rows(bent); });
    EXPECT_TRUE(code == "none" || code == "invalid_field") << round << ": " << code;
  }
}

}  // namespace
}  // namespace kefu::app
