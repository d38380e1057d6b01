// Writing an export as XLSX and CSV: the workbook read back (core/app/xlsx_reader) shows
// the Chinese header, text, integers, money in yuan, ratios and the store's wall-clock
// time; the CSV has the BOM, CRLF and RFC 4180 quoting; the download name is RFC 5987.
#include "core/app/xlsx_writer.hpp"

#include <gtest/gtest.h>

#include "core/app/table_export.hpp"
#include "core/app/xlsx_reader.hpp"
#include "core/domain/error.hpp"

namespace kefu::app {
namespace {

// 2026-11-22 08:05 in Shanghai = 00:05 UTC.
constexpr int64_t kMorning = 1795305900000;

Table sample() {
  Table t;
  t.name = "工单";
  t.columns = {{"工单号", ColumnKind::integer, 10},
               {"主题", ColumnKind::text, 30},
               {"退款", ColumnKind::money_fen, 12},
               {"达标率", ColumnKind::percent, 10},
               {"创建时间", ColumnKind::date_time, 18}};
  t.rows.push_back({int64_t{1001}, std::string("鞋子开胶, \"急\""), int64_t{12345}, 0.935, kMorning});
  t.rows.push_back({int64_t{1002}, std::string("第二行\n换行"), int64_t{-50}, Cell{}, Cell{}});
  return t;
}

TEST(XlsxWriter, ReadsBackTypedCellsUnderTheChineseHeader) {
  const auto bytes = xlsx_workbook({sample()});
  ASSERT_GT(bytes.size(), 100u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  const auto rows = read_xlsx_rows(bytes);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].first, 1);
  EXPECT_EQ(rows[0].second, (std::vector<std::string>{"工单号", "主题", "退款", "达标率", "创建时间"}));
  ASSERT_EQ(rows[1].second.size(), 5u);
  EXPECT_EQ(rows[1].second[0], "1001");
  EXPECT_EQ(rows[1].second[1], "鞋子开胶, \"急\"");
  EXPECT_EQ(rows[1].second[2], "123.45");
  EXPECT_NEAR(std::stod(rows[1].second[3]), 0.935, 1e-12);  // a ratio, shown as 93.5% by its format
  EXPECT_EQ(rows[1].second[4], "2026-11-22 08:05:00");
  EXPECT_EQ(rows[2].second[1], "第二行\n换行");
  EXPECT_EQ(rows[2].second[2], "-0.5");
}

TEST(XlsxWriter, WritesTheFormatsAFrozenHeaderAndWidths) {
  const auto bytes = xlsx_workbook({sample()});
  // The parts are deflated; the reader proves content, here we check the workbook opens
  // with several sheets and a sheet name that needed cleaning.
  Table other = sample();
  other.name = "a/b:c";
  const auto two = xlsx_workbook({sample(), other});
  EXPECT_EQ(read_xlsx_rows(two).size(), 3u);
  EXPECT_NO_THROW(read_xlsx_rows(bytes));
}

TEST(XlsxWriter, SerialDaysFollowTheTableZone) {
  struct Case {
    int64_t ms;
    const char* zone;
    double serial;
  };
  const Case cases[] = {
      {0, "UTC", 25569.0},
      {0, "Asia/Shanghai", 25569.0 + 8.0 / 24.0},
      {kMorning, "Asia/Shanghai", 46348.0 + (8 * 60 + 5) / 1440.0},
      {kMorning, "Nowhere/Unknown", 46348.0 + 5 / 1440.0},
  };
  for (const auto& c : cases) EXPECT_NEAR(excel_serial(c.ms, c.zone), c.serial, 1e-9) << c.zone;
}

TEST(XlsxWriter, RefusesEmptyWorkbooksAndRowsWiderThanColumns) {
  EXPECT_THROW(xlsx_workbook({}), std::invalid_argument);
  Table t = sample();
  t.rows.push_back({int64_t{1}, int64_t{2}, int64_t{3}, int64_t{4}, int64_t{5}, int64_t{6}});
  EXPECT_THROW(xlsx_workbook({t}), std::invalid_argument);
}

TEST(TableCsv, BomCrlfQuotingAndShownValues) {
  const auto csv = table_csv(sample());
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF工单号,主题,退款,达标率,创建时间\r\n"
            "1001,\"鞋子开胶, \"\"急\"\"\",123.45,93.5%,2026-11-22 08:05\r\n"
            "1002,\"第二行\n换行\",-0.50,,\r\n");
}

TEST(TableCsv, FieldsAreQuotedOnlyWhenTheyMustBe) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {{"plain", "plain"},
                        {"a,b", "\"a,b\""},
                        {"say \"hi\"", "\"say \"\"hi\"\"\""},
                        {"two\r\nlines", "\"two\r\nlines\""},
                        {"", ""}};
  for (const auto& c : cases) EXPECT_EQ(csv_field(c.in), c.out);
}

TEST(TableExport, FormatsAndDownloadNames) {
  EXPECT_EQ(export_table(sample(), ExportFormat::csv).extension, "csv");
  const auto x = export_table(sample(), ExportFormat::xlsx);
  EXPECT_EQ(x.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(export_format("xlsx"), ExportFormat::xlsx);
  EXPECT_THROW(export_format("pdf"), Error);
  EXPECT_EQ(content_disposition("工单-2026-11.xlsx"),
            "attachment; filename=\"_-2026-11.xlsx\"; "
            "filename*=UTF-8''%E5%B7%A5%E5%8D%95-2026-11.xlsx");
}

}  // namespace
}  // namespace kefu::app
