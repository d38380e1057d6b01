// Purchases as a POS integration and the desk see them: a receipt stored once, lines added
// later share the discount again, returns tied to their line, points on the ledger once,
// and every store kept to its own staff.
#include "purchases/app/purchases.hpp"

#include "core/app/use_case_test.hpp"
#include "members/app/points.hpp"
#include "members/storage/member_store.hpp"

namespace kefu::app {
namespace {

using testing::UseCaseTest;

class PurchasesTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      a = r.get<storage::OrgStore>().insert_store({.code = "SH", .name = "上海店"});
      b = r.get<storage::OrgStore>().insert_store({.code = "CD", .name = "成都店"});
      sup = make(r, "chen", "supervisor", {a}, {});
      agent_b = make(r, "liu", "agent", {b}, {});
      member = r.get<storage::MemberStore>().insert_member(
          {.member_no = "M00000001", .name = "王芳", .phone = "13800000001", .home_store_id = a});
    });
  }

  OrderInput receipt(std::string no, std::vector<purchase::Line> lines) {
    OrderInput in;
    in.order.store_id = a;
    in.order.receipt_no = std::move(no);
    in.order.sold_at = testing::kNow - 3'600'000;
    in.order.order_discount_fen = 5000;
    in.order.points_earned = 250;
    in.order.source = "api";
    in.member_no = "M00000001";
    in.order.lines = std::move(lines);
    return in;
  }
  static purchase::Line line(int no, int qty, int64_t price) {
    return {.line_no = no, .name = "商品", .category = "clothing", .quantity = qty, .unit_price_fen = price};
  }

  int64_t a = 0, b = 0, member = 0;
  people::Actor sup, agent_b;
};

TEST_F(PurchasesTest, AReceiptPushedTwiceIsStoredOnceAndEarnsItsPointsOnce) {
  auto first = as(sup, [&](Context& c) {
    return record_order(c, receipt("R-1", {line(1, 1, 20000), line(2, 1, 10000)}));
  });
  auto again = as(sup, [&](Context& c) {
    return record_order(c, receipt("R-1", {line(1, 1, 20000), line(2, 1, 10000)}));
  });
  EXPECT_TRUE(first.created);
  EXPECT_EQ(first.lines_added, 2);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.lines_added, 0);
  EXPECT_EQ(again.order.id, first.order.id);
  ASSERT_TRUE(first.order.member_id);
  EXPECT_EQ(*first.order.member_id, member);
  // 满减 ¥50 over ¥200 + ¥100: ¥33.33 and ¥16.67.
  EXPECT_EQ(first.order.lines[0].paid_fen, 16667);
  EXPECT_EQ(first.order.lines[1].paid_fen, 8333);
  EXPECT_EQ(first.order.paid_fen(), 25000);
  EXPECT_EQ(as(sup, [&](Context& c) { return points_balance(c, member); }), 250);
}

TEST_F(PurchasesTest, ALineArrivingLaterSharesTheOrderDiscountAgain) {
  as(sup, [&](Context& c) { return record_order(c, receipt("R-2", {line(1, 1, 20000)})); });
  auto later = as(sup, [&](Context& c) { return record_order(c, receipt("R-2", {line(2, 1, 20000)})); });
  EXPECT_EQ(later.lines_added, 1);
  ASSERT_EQ(later.order.lines.size(), 2u);
  EXPECT_EQ(later.order.lines[0].discount_share_fen, 2500);
  EXPECT_EQ(later.order.lines[1].discount_share_fen, 2500);
}

TEST_F(PurchasesTest, AReturnLineGivesBackUnitsOfItsOriginalAndNoMore) {
  auto sale = as(sup, [&](Context& c) { return record_order(c, receipt("R-3", {line(1, 2, 10000)})); });
  auto back = [&](std::string no, int qty) {
    auto in = receipt(std::move(no), {line(1, -qty, 10000)});
    in.order.order_discount_fen = 0;
    in.order.points_earned = 0;
    in.originals = {OriginalRef{"R-3", 1}};
    return in;
  };
  auto r = as(sup, [&](Context& c) { return record_order(c, back("R-3-RT1", 1)); });
  ASSERT_TRUE(r.order.lines[0].original_line_id);
  EXPECT_EQ(*r.order.lines[0].original_line_id, sale.order.lines[0].id);
  EXPECT_EQ(code_of([&] { as(sup, [&](Context& c) { return record_order(c, back("R-3-RT2", 2)); }); }),
            "invalid_field");
  auto unknown = back("R-3-RT3", 1);
  unknown.originals = {OriginalRef{"R-404", 1}};
  EXPECT_EQ(code_of([&] { as(sup, [&](Context& c) { return record_order(c, unknown); }); }), "unknown_reference");
  auto left = as(sup, [&](Context& c) { return returned_units(c, get_order(c, sale.order.id)); });
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].second, 1);
}

TEST_F(PurchasesTest, EachStoreSeesOnlyItsOwnPurchases) {
  auto sale = as(sup, [&](Context& c) { return record_order(c, receipt("R-4", {line(1, 1, 100)})); });
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return get_order(c, sale.order.id); }); }), "not_found");
  EXPECT_TRUE(as(agent_b, [&](Context& c) { return find_orders(c, {}); }).empty());
  EXPECT_EQ(as(sup, [&](Context& c) { return find_orders(c, {}); }).size(), 1u);
  // Another store's staff cannot push into this store, and an unknown member is refused.
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return record_order(c, receipt("R-5", {line(1, 1, 1)})); }); }),
            "not_found");
  auto stranger = receipt("R-6", {line(1, 1, 1)});
  stranger.member_no = "M99999999";
  EXPECT_EQ(code_of([&] { as(sup, [&](Context& c) { return record_order(c, stranger); }); }), "unknown_reference");
}

}  // namespace
}  // namespace kefu::app
