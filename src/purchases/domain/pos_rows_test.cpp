// Reading a POS export's rows: amounts to the fen from the text, receipts grouped, the POS's
// categories mapped, the cell at fault named.
#include "purchases/domain/pos_rows.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"

namespace kefu::purchase {
namespace {

TEST(PosRows, AmountsInYuanBecomeFenExactly) {
  struct Row {
    const char* text;
    std::optional<int64_t> fen;
  };
  const Row rows[] = {
      {"128", 12800},
      {"128.5", 12850},
      {"128.50", 12850},
      {"0.01", 1},
      {"0.29", 29},  // 0.29 * 100 is 28.999… as a double
      {"1,280.00", 128000},
      {"¥1,280.00", 128000},
      {"￥12", 1200},
      {" 99.90 ", 9990},
      {"-3.00", -300},
      {"¥-3.00", -300},
      {"12.500", 1250},
      {"19999999.99", 1999999999},
      {"12.345", std::nullopt},  // a third decimal that is not zero: no rounding guess
      {"", std::nullopt},
      {"abc", std::nullopt},
      {"12元", std::nullopt},
      {".5", std::nullopt},
      {"1.2.3", std::nullopt},
      {"99999999999999999999", std::nullopt},
  };
  for (const auto& r : rows) EXPECT_EQ(parse_yuan(r.text), r.fen) << r.text;
}

TEST(PosRows, WholeNumbersAndFlags) {
  EXPECT_EQ(parse_whole("3"), 3);
  EXPECT_EQ(parse_whole("-1"), -1);
  EXPECT_EQ(parse_whole("2.000"), 2);
  EXPECT_EQ(parse_whole("1.5"), std::nullopt);
  struct Row {
    const char* text;
    std::optional<bool> gift;
  };
  const Row flags[] = {{"是", true},  {"赠品", true}, {"1", true},   {"Y", true},           {"", false},
                       {"否", false}, {"0", false},   {"no", false}, {"也许", std::nullopt}};
  for (const auto& r : flags) EXPECT_EQ(parse_flag(r.text), r.gift) << r.text;
}

PosRow row(int line, std::string receipt, std::string price, std::string name = "羊毛大衣") {
  PosRow r;
  r.line = line;
  r[PosField::receipt_no] = std::move(receipt);
  r[PosField::store] = "SH01";
  r[PosField::sold_at] = "2026-11-11 10:30";
  r[PosField::name] = std::move(name);
  r[PosField::unit_price] = std::move(price);
  return r;
}

TEST(PosRows, RowsOfAReceiptAreOneOrderInTheOrderReceiptsFirstAppear) {
  std::vector<PosRow> rows{row(2, "R2", "10"), row(3, "R1", "20"), row(4, "R2", "30")};
  rows[2][PosField::store] = "SH01 ";  // spaces do not make another receipt
  auto receipts = group_receipts(rows);
  ASSERT_EQ(receipts.size(), 2u);
  EXPECT_EQ(receipts[0].receipt_no, "R2");
  ASSERT_EQ(receipts[0].rows.size(), 2u);
  EXPECT_EQ(receipts[0].rows[1]->line, 4);
  EXPECT_EQ(receipts[1].receipt_no, "R1");
}

TEST(PosRows, AReceiptReadsItsOrderCellsFromTheFirstRowThatHasThem) {
  std::vector<PosRow> rows{row(2, "R1", "299.00"), row(3, "R1", "101.00", "围巾")};
  rows[1][PosField::order_discount] = "50";  // 满300减50 printed on the last row
  rows[0][PosField::category] = "女装";
  rows[1][PosField::category] = "饰品配件";
  rows[0][PosField::member] = "M001";
  rows[1][PosField::gift] = "否";
  auto receipts = group_receipts(rows);
  int bad_line = 0;
  auto p = read_receipt(receipts[0], CategoryMapping{{{"女装", "clothing"}}}, bad_line);
  EXPECT_EQ(p.order.order_discount_fen, 5000);
  EXPECT_EQ(p.member, "M001");
  ASSERT_EQ(p.order.lines.size(), 2u);
  EXPECT_EQ(p.order.lines[0].line_no, 1);
  EXPECT_EQ(p.order.lines[1].line_no, 2);
  EXPECT_EQ(p.order.lines[0].category, "clothing");
  EXPECT_EQ(p.order.lines[1].category, "other");
  EXPECT_EQ(p.unmapped_categories, std::vector<std::string>{"饰品配件"});
  EXPECT_EQ(p.file_lines, (std::vector<int>{2, 3}));
}

TEST(PosRows, CategoriesMapThroughTheSourcesTableThenOurOwnNames) {
  const CategoryMapping m{{{"化妆品", "cosmetics"}, {"童装", "toys"}}};
  struct Row {
    const char* pos;
    const char* ours;
    bool unmapped;
  };
  const Row rows[] = {{"化妆品", "cosmetics", false}, {"童装", "toys", false}, {"鞋靴", "shoes", false},
                      {"jewelry", "jewelry", false},  {"", "other", false},    {"家纺床品", "other", true}};
  for (const auto& r : rows) {
    bool unmapped = false;
    EXPECT_EQ(m.map(r.pos, unmapped), r.ours) << r.pos;
    EXPECT_EQ(unmapped, r.unmapped) << r.pos;
  }
}

TEST(PosRows, ABadCellNamesItsFieldAndRow) {
  std::vector<PosRow> rows{row(2, "R1", "10.00"), row(3, "R1", "12,3a")};
  auto receipts = group_receipts(rows);
  int bad_line = 0;
  try {
    read_receipt(receipts[0], {}, bad_line);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "invalid_field");
    EXPECT_EQ(e.field(), "unit_price");
    EXPECT_EQ(bad_line, 3);
  }
  rows[0][PosField::sold_at] = "昨天";
  rows[1][PosField::sold_at] = "昨天";
  receipts = group_receipts(rows);
  EXPECT_THROW(read_receipt(receipts[0], {}, bad_line), Error);
}

TEST(PosRows, AReturnRowNamesItsOriginal) {
  std::vector<PosRow> rows{row(2, "R9", "299.00")};
  rows[0][PosField::quantity] = "-1";
  rows[0][PosField::original_receipt_no] = "R1";
  rows[0][PosField::original_line_no] = "1";
  int bad_line = 0;
  auto p = read_receipt(group_receipts(rows)[0], {}, bad_line);
  EXPECT_EQ(p.order.lines[0].quantity, -1);
  ASSERT_TRUE(p.originals[0]);
  EXPECT_EQ(p.originals[0]->receipt_no, "R1");
  EXPECT_EQ(p.originals[0]->line_no, 1);
}

}  // namespace
}  // namespace kefu::purchase
