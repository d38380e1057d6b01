// The POS import as a supervisor runs it: a file mapped once, imported twice with nothing
// stored twice, a bad receipt rejected alone with its rows and reasons, a return tied to
// its original, points on the ledger once, parts that never split a receipt.
#include "purchases/app/pos_import.hpp"

#include "core/app/use_case_test.hpp"
#include "members/app/points.hpp"
#include "members/storage/member_store.hpp"
#include "purchases/app/purchases.hpp"

namespace kefu::app {
namespace {

using testing::UseCaseTest;

const char* kCsv =
    "小票号,门店,时间,会员,专柜,品牌,品名,品类,数量,单价,满减,积分,赠品,原小票,原行号\n"
    "A001,SH,2026-11-11 10:00,M00000001,二楼女装,江南布衣,羊毛大衣,女装,1,1299.00,50,1249,否,,\n"
    "A001,SH,2026-11-11 10:00,M00000001,二楼女装,江南布衣,围巾,饰品,1,201.00,,,否,,\n"
    "A002,SH,2026-11-11 11:00,,一楼美妆,佰草集,面霜,化妆品,2,268.00,,,否,,\n"
    "A003,SH,2026-11-11 12:00,,一楼美妆,佰草集,面霜,化妆品,1,12.3a,,,否,,\n"
    "A003,SH,2026-11-11 12:00,,一楼美妆,佰草集,小样,化妆品,1,0,,,是,,\n"
    "A004,XX,2026-11-11 12:00,,一楼美妆,佰草集,面霜,化妆品,1,268.00,,,否,,\n"
    "B001,SH,2026-11-12 09:00,,二楼女装,江南布衣,围巾,饰品,-1,201.00,,,否,A001,2\n";

class PosImportTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      a = r.get<storage::OrgStore>().insert_store({.code = "SH", .name = "上海店"});
      sup = make(r, "chen", "supervisor", {a}, {});
      agent = make(r, "wang", "agent", {a}, {});
      member = r.get<storage::MemberStore>().insert_member(
          {.member_no = "M00000001", .name = "王芳", .phone = "13800000001", .home_store_id = a});
    });
    as(sup, [&](Context& c) {
      return put_pos_mapping(c, {.source_name = "收银一号",
                                 .columns = {{"receipt_no", "小票号"},
                                             {"store", "门店"},
                                             {"sold_at", "时间"},
                                             {"member", "会员"},
                                             {"counter", "专柜"},
                                             {"brand", "品牌"},
                                             {"name", "品名"},
                                             {"category", "品类"},
                                             {"quantity", "数量"},
                                             {"unit_price", "单价"},
                                             {"order_discount", "满减"},
                                             {"points_earned", "积分"},
                                             {"gift", "赠品"},
                                             {"original_receipt_no", "原小票"},
                                             {"original_line_no", "原行号"}},
                                 .categories = {{"女装", "clothing"}, {"化妆品", "cosmetics"}}});
    });
  }
  PosImportReport run(const std::string& csv, int64_t offset = 0, std::optional<int64_t> limit = std::nullopt) {
    const auto table = read_import_table(csv);
    return as(sup, [&](Context& c) { return import_purchases(c, "收银一号", table, offset, limit); });
  }

  int64_t a = 0, member = 0;
  people::Actor sup, agent;
};

TEST_F(PosImportTest, AFileImportedTwiceStoresEachReceiptOnceAndRejectsBadReceiptsAlone) {
  auto first = run(kCsv);
  EXPECT_EQ(first.rows, 7);
  EXPECT_EQ(first.receipts, 5);
  EXPECT_EQ(first.orders_added, 3) << "A001, A002 and the return B001";
  EXPECT_EQ(first.lines_added, 4);
  EXPECT_EQ(first.orders_on_file, 0);
  ASSERT_EQ(first.rejected.size(), 3u) << "both rows of A003 and the row of A004";
  EXPECT_EQ(first.rejected[0].line, 5);
  EXPECT_EQ(first.rejected[0].field, "unit_price");
  EXPECT_EQ(first.rejected[1].line, 6);
  EXPECT_NE(first.rejected[1].message_zh.find("第 5 行"), std::string::npos) << first.rejected[1].message_zh;
  EXPECT_EQ(first.rejected[2].line, 7);
  EXPECT_EQ(first.rejected[2].code, "unknown_reference");
  EXPECT_EQ(first.unmapped_categories, std::vector<std::string>{"饰品"});

  auto again = run(kCsv);
  EXPECT_EQ(again.orders_added, 0);
  EXPECT_EQ(again.lines_added, 0);
  EXPECT_EQ(again.orders_on_file, 3);
  EXPECT_EQ(again.lines_on_file, 4);
  EXPECT_EQ(again.rejected.size(), 3u);
  EXPECT_EQ(as(sup, [&](Context& c) { return points_balance(c, member); }), 1249) << "earned once";
}

TEST_F(PosImportTest, TheOrderDiscountIsSharedAndAReturnNamesItsOriginalLine) {
  run(kCsv);
  auto orders = as(sup, [&](Context& c) { return find_orders(c, {.receipt_no = "A001"}); });
  ASSERT_EQ(orders.size(), 1u);
  const auto& o = orders[0];
  EXPECT_EQ(o.member_id, member);
  EXPECT_EQ(o.source, "import");
  ASSERT_EQ(o.lines.size(), 2u);
  EXPECT_EQ(o.lines[0].category, "clothing");
  EXPECT_EQ(o.lines[1].category, "other");
  // ¥50 over ¥1299 + ¥201 (= ¥1500): 43.30 and 6.70.
  EXPECT_EQ(o.lines[0].discount_share_fen, 4330);
  EXPECT_EQ(o.lines[1].discount_share_fen, 670);
  auto ret = as(sup, [&](Context& c) { return find_orders(c, {.receipt_no = "B001"}); });
  ASSERT_EQ(ret.size(), 1u);
  EXPECT_EQ(ret[0].lines[0].original_line_id, o.lines[1].id);
}

TEST_F(PosImportTest, PartsNeverSplitAReceipt) {
  // Data rows 0..6: a part of one row from offset 0 takes both rows of A001; the part of
  // rows 1..3 starts after A001's second row and ends with A003's second row.
  auto p1 = run(kCsv, 0, 1);
  EXPECT_EQ(p1.rows, 2);
  EXPECT_EQ(p1.orders_added, 1);
  auto p2 = run(kCsv, 1, 3);
  EXPECT_EQ(p2.rows, 3) << "A002, then both rows of A003";
  EXPECT_EQ(p2.orders_added, 1);
}

TEST_F(PosImportTest, OnlySupervisorsImportAndAMappingNeedsItsColumns) {
  EXPECT_THROW(as(agent, [&](Context& c) { return list_pos_mappings(c); }), Error);
  EXPECT_THROW(
      as(sup,
         [&](Context& c) {
           return put_pos_mapping(c, {.source_name = "x", .columns = {{"receipt_no", "小票号"}}, .store_id = a});
         }),
      Error);
  EXPECT_THROW(as(sup,
                  [&](Context& c) {
                    return put_pos_mapping(
                        c, {.source_name = "x",
                            .columns = {{"receipt_no", "a"}, {"sold_at", "b"}, {"name", "c"}, {"unit_price", "d"}},
                            .store_id = a,
                            .categories = {{"女装", "nonsense"}}});
                  }),
               Error);
  auto mappings = as(sup, [&](Context& c) { return list_pos_mappings(c); });
  ASSERT_EQ(mappings.size(), 1u);
  EXPECT_EQ(mappings[0].categories.at("女装"), "clothing");
}

}  // namespace
}  // namespace kefu::app
