// The storage contract of PurchaseStore: orders unique per store and receipt, lines unique
// per order and line number, return lines counted against the line they give back.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "purchases/storage/purchase_store.hpp"

namespace kefu::storage {
namespace {

class PurchaseStoreContract : public Contract {
 protected:
  purchase::Order receipt(int64_t store, std::string no, int64_t sold_at) {
    purchase::Order o;
    o.store_id = store;
    o.receipt_no = std::move(no);
    o.sold_at = sold_at;
    o.payment = "wechat";
    o.order_discount_fen = 5000;
    o.coupon_fen = 1000;
    o.points_used = 100;
    o.points_earned = 250;
    o.promotion = "满300减50";
    o.source = "api";
    o.created_at = sold_at + 1;
    return o;
  }
  purchase::Line line(int no, int qty, int64_t price) {
    purchase::Line l;
    l.line_no = no;
    l.counter = "二楼 女装";
    l.brand = "江南布衣";
    l.sku = "SKU-" + std::to_string(no);
    l.name = "针织开衫";
    l.category = "clothing";
    l.quantity = qty;
    l.unit_price_fen = price;
    l.line_discount_fen = 100;
    l.discount_share_fen = 200;
    l.paid_fen = qty * price - 300;
    l.promotion = "会员95折";
    return l;
  }
};

TEST_P(PurchaseStoreContract, AnOrderAndItsLinesRoundTripAndAReceiptIsStoredOnce) {
  int64_t id = 0, again = 0;
  bool first = false, second = true;
  int inserted = 0, reinserted = 0;
  db->write_sync([&](Stores& r) {
    auto& p = r.get<PurchaseStore>();
    auto o = receipt(store_a, "R-0001", 1'790'000'000'000);
    id = p.upsert_order(o, first);
    auto gift = line(2, 1, 0);
    gift.gift = true;
    inserted = p.insert_lines(id, {line(1, 2, 15000), gift});
    again = p.upsert_order(o, second);
    reinserted = p.insert_lines(again, {line(1, 2, 15000), line(3, 1, 9900)});
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  EXPECT_EQ(id, again);
  EXPECT_EQ(inserted, 2);
  EXPECT_EQ(reinserted, 1) << "line 1 was on file; only line 3 is new";
  auto& r = db->reader();
  auto o = r.get<PurchaseStore>().order(id);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->store_id, store_a);
  EXPECT_EQ(o->receipt_no, "R-0001");
  EXPECT_FALSE(o->member_id);
  EXPECT_EQ(o->sold_at, 1'790'000'000'000);
  EXPECT_EQ(o->payment, "wechat");
  EXPECT_EQ(o->order_discount_fen, 5000);
  EXPECT_EQ(o->coupon_fen, 1000);
  EXPECT_EQ(o->points_used, 100);
  EXPECT_EQ(o->points_earned, 250);
  EXPECT_EQ(o->promotion, "满300减50");
  EXPECT_EQ(o->source, "api");
  EXPECT_EQ(o->created_at, 1'790'000'000'001);
  ASSERT_EQ(o->lines.size(), 3u);
  const auto& l = o->lines[0];
  EXPECT_EQ(l.order_id, id);
  EXPECT_EQ(l.line_no, 1);
  EXPECT_EQ(l.counter, "二楼 女装");
  EXPECT_EQ(l.brand, "江南布衣");
  EXPECT_EQ(l.sku, "SKU-1");
  EXPECT_EQ(l.name, "针织开衫");
  EXPECT_EQ(l.category, "clothing");
  EXPECT_EQ(l.quantity, 2);
  EXPECT_EQ(l.unit_price_fen, 15000);
  EXPECT_EQ(l.line_discount_fen, 100);
  EXPECT_EQ(l.discount_share_fen, 200);
  EXPECT_EQ(l.paid_fen, 29700);
  EXPECT_EQ(l.promotion, "会员95折");
  EXPECT_FALSE(l.gift);
  EXPECT_FALSE(l.original_line_id);
  EXPECT_TRUE(o->lines[1].gift);
  EXPECT_EQ(o->lines[2].line_no, 3);
  // The same receipt number at another store is another order.
  auto by = r.get<PurchaseStore>().order_by_receipt(store_a, "R-0001");
  ASSERT_TRUE(by);
  EXPECT_EQ(by->id, id);
  EXPECT_FALSE(r.get<PurchaseStore>().order_by_receipt(store_b, "R-0001"));
}

TEST_P(PurchaseStoreContract, ReturnLinesCountAgainstTheLineTheyGiveBackAndSharesCanBeRewritten) {
  int64_t sale_line = 0;
  db->write_sync([&](Stores& r) {
    auto& p = r.get<PurchaseStore>();
    bool created = false;
    auto sale = p.upsert_order(receipt(store_a, "R-1", 1000), created);
    p.insert_lines(sale, {line(1, 3, 5000)});
    auto lines = p.order(sale)->lines;
    sale_line = lines[0].id;
    lines[0].discount_share_fen = 1234;
    lines[0].paid_fen = 13766;
    p.update_shares(lines);
    auto back = p.upsert_order(receipt(store_a, "R-1-RT", 2000), created);
    auto r1 = line(1, -1, 5000);
    r1.original_line_id = sale_line;
    auto r2 = line(2, -1, 5000);
    r2.original_line_id = sale_line;
    p.insert_lines(back, {r1, r2});
  });
  auto& r = db->reader();
  EXPECT_EQ(r.get<PurchaseStore>().returned_units(sale_line), 2);
  auto l = r.get<PurchaseStore>().line(sale_line);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->discount_share_fen, 1234);
  EXPECT_EQ(l->paid_fen, 13766);
  EXPECT_FALSE(r.get<PurchaseStore>().line(sale_line + 1000));
  EXPECT_EQ(r.get<PurchaseStore>().returned_units(sale_line + 1000), 0);
}

TEST_P(PurchaseStoreContract, OrdersFilterByStoreMemberReceiptAndTimeNewestFirstWithACursor) {
  int64_t member = 0;
  db->write_sync([&](Stores& r) {
    member = r.get<MemberStore>().insert_member({.member_no = "M1", .name = "王芳", .phone = "13800000001"});
    auto& p = r.get<PurchaseStore>();
    for (int i = 0; i < 5; ++i) {
      auto o = receipt(i % 2 ? store_b : store_a, "R-" + std::to_string(i), 1000 * (i + 1));
      if (i < 3) o.member_id = member;
      bool created = false;
      p.insert_lines(p.upsert_order(o, created), {line(1, 1, 100)});
    }
  });
  auto& p = db->reader().get<PurchaseStore>();
  auto receipts = [](const std::vector<purchase::Order>& v) {
    std::vector<std::string> out;
    for (const auto& o : v) out.push_back(o.receipt_no);
    return out;
  };
  EXPECT_EQ(receipts(p.orders({})), (std::vector<std::string>{"R-4", "R-3", "R-2", "R-1", "R-0"}));
  EXPECT_EQ(receipts(p.orders({.store_ids = {store_a}})), (std::vector<std::string>{"R-4", "R-2", "R-0"}));
  EXPECT_EQ(receipts(p.orders({.member_id = member})), (std::vector<std::string>{"R-2", "R-1", "R-0"}));
  EXPECT_EQ(receipts(p.orders({.receipt_no = "R-3"})), (std::vector<std::string>{"R-3"}));
  EXPECT_EQ(receipts(p.orders({.since = 2000, .until = 4000})), (std::vector<std::string>{"R-2", "R-1"}));
  auto first = p.orders({.limit = 2});
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].lines.size(), 1u);
  auto next = p.orders({.before = OrderFilter::Cursor{first[1].sold_at, first[1].id}, .limit = 2});
  EXPECT_EQ(receipts(next), (std::vector<std::string>{"R-2", "R-1"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, PurchaseStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
