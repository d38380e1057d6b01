// The storage contract of ReturnStore: a record round-trips and its state moves, found by
// its resolution, listed by store, state, ticket, member and line, pending units counted
// per line, and the report's sold and returned figures per group.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "purchases/storage/purchase_store.hpp"
#include "returns/storage/return_store.hpp"

namespace kefu::storage {
namespace {

class ReturnStoreContract : public Contract {
 protected:
  void SetUp() override {
    Contract::SetUp();
    if (!db) return;
    db->write_sync([&](Stores& r) {
      auto& p = r.get<PurchaseStore>();
      purchase::Order o;
      o.store_id = store_a;
      o.receipt_no = "R-1";
      o.sold_at = 1000;
      o.payment = "cash";
      o.source = "api";
      bool created = false;
      order = p.upsert_order(o, created);
      purchase::Line shirt{.line_no = 1,
                           .brand = "甲牌",
                           .name = "衬衫",
                           .category = "clothing",
                           .quantity = 3,
                           .unit_price_fen = 10000,
                           .paid_fen = 30000};
      purchase::Line cup{.line_no = 2,
                         .brand = "乙牌",
                         .name = "杯子",
                         .category = "home",
                         .quantity = 2,
                         .unit_price_fen = 5000,
                         .paid_fen = 10000};
      purchase::Line gift{.line_no = 3, .name = "赠品", .category = "other", .quantity = 1, .gift = true};
      p.insert_lines(order, {shirt, cup, gift});
      auto lines = p.order(order)->lines;
      line1 = lines[0].id;
      line2 = lines[1].id;
      auto t = make_ticket(store_a, 2000);
      ticket = r.get<TicketStore>().insert_ticket(t);
    });
  }

  returns::ReturnRecord record(int64_t line, std::string category, int64_t qty, std::string state, int64_t at) {
    returns::ReturnRecord r;
    r.ticket_id = ticket;
    r.store_id = store_a;
    r.order_id = order;
    r.line_id = line;
    r.category = std::move(category);
    r.brand = line == line1 ? "甲牌" : "乙牌";
    r.quantity = qty;
    r.reason = "size_fit";
    r.condition = "unopened";
    r.decision = "approve";
    r.rule_id = "seven_days";
    r.rule_words = "七天无理由";
    r.remedy = "refund";
    r.share_fen = r.refund_fen = qty * 10000;
    r.state = std::move(state);
    r.staff_id = staff;
    r.created_at = at;
    return r;
  }
  int64_t insert(const returns::ReturnRecord& r) {
    int64_t id = 0;
    db->write_sync([&](Stores& s) { id = s.get<ReturnStore>().insert_return(r); });
    return id;
  }
  ReturnStore& returns() { return db->reader().get<ReturnStore>(); }

  int64_t order = 0, line1 = 0, line2 = 0, ticket = 0;
};

TEST_P(ReturnStoreContract, ARecordRoundTripsAndItsStateFollowsItsResolution) {
  auto r = record(line1, "clothing", 2, "pending_approval", 3000);
  r.member_id = std::nullopt;
  r.note = "太小了";
  r.receipt = true;
  r.points_clawed_back = 20;
  r.points_restored = 5;
  r.coupon_returned_fen = 1000;
  r.gifts_to_return = "赠品";
  r.override_reason = "";
  r.id = insert(r);
  ASSERT_GT(r.id, 0);
  auto got = returns().get_return(r.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->quantity, 2);
  EXPECT_EQ(got->note, "太小了");
  EXPECT_TRUE(got->receipt);
  EXPECT_EQ(got->condition, "unopened");
  EXPECT_EQ(got->gifts_to_return, "赠品");
  EXPECT_EQ(got->coupon_returned_fen, 1000);
  EXPECT_FALSE(got->remedy_id);
  EXPECT_EQ(returns().pending_units(line1), 2);
  EXPECT_EQ(returns().pending_units(line2), 0);

  r.remedy_id = 77;
  r.state = "done";
  r.decided_at = 4000;
  r.return_order_id = order;
  r.points_clawed_back = 0;
  db->write_sync([&](Stores& s) { s.get<ReturnStore>().update_return(r); });
  auto by_remedy = returns().return_by_remedy(77);
  ASSERT_TRUE(by_remedy);
  EXPECT_EQ(by_remedy->id, r.id);
  EXPECT_EQ(by_remedy->state, "done");
  EXPECT_EQ(by_remedy->decided_at, 4000);
  EXPECT_EQ(by_remedy->return_order_id, order);
  EXPECT_EQ(by_remedy->points_clawed_back, 0);
  EXPECT_EQ(returns().pending_units(line1), 0);
  EXPECT_FALSE(returns().return_by_remedy(78));
  EXPECT_FALSE(returns().get_return(r.id + 100));
}

TEST_P(ReturnStoreContract, ListsNewestFirstByStoreStateTicketAndLine) {
  auto a = insert(record(line1, "clothing", 1, "done", 3000));
  auto b = insert(record(line2, "home", 1, "pending_approval", 3100));
  auto c = insert(record(line1, "clothing", 1, "refused", 3200));
  auto ids = [](const std::vector<returns::ReturnRecord>& v) {
    std::vector<int64_t> out;
    for (const auto& r : v) out.push_back(r.id);
    return out;
  };
  EXPECT_EQ(ids(returns().returns({})), (std::vector<int64_t>{c, b, a}));
  EXPECT_EQ(ids(returns().returns({.store_ids = {store_b}})), std::vector<int64_t>{});
  EXPECT_EQ(ids(returns().returns({.state = "done"})), std::vector<int64_t>{a});
  EXPECT_EQ(ids(returns().returns({.ticket_id = ticket, .line_id = line1})), (std::vector<int64_t>{c, a}));
  EXPECT_EQ(ids(returns().returns({.before_id = c, .limit = 1})), std::vector<int64_t>{b});
}

TEST_P(ReturnStoreContract, TheReportCountsSoldLinesAndDoneReturnsPerGroup) {
  insert(record(line1, "clothing", 1, "done", 3000));
  insert(record(line1, "clothing", 1, "refused", 3000));
  insert(record(line2, "home", 2, "done", 3000));
  insert(record(line2, "home", 1, "done", 9000));  // outside the period
  auto groups = returns().report_groups({.from = 0, .to = 5000, .by = "category"});
  ASSERT_EQ(groups.size(), 2u);  // clothing and home: the gift line is not a sale
  EXPECT_EQ(groups[0].key, "clothing");
  EXPECT_EQ(groups[0].sold_units, 3);
  EXPECT_EQ(groups[0].sold_fen, 30000);
  EXPECT_EQ(groups[0].returned_units, 1);
  EXPECT_EQ(groups[0].refunded_fen, 10000);
  EXPECT_EQ(groups[1].key, "home");
  EXPECT_EQ(groups[1].returned_units, 2);
  EXPECT_EQ(groups[1].returns, 1);
  auto by_store = returns().report_groups({.store_ids = {store_a}, .from = 0, .to = 5000, .by = "store"});
  ASSERT_EQ(by_store.size(), 1u);
  EXPECT_EQ(by_store[0].key, std::to_string(store_a));
  EXPECT_EQ(by_store[0].sold_units, 5);
  EXPECT_EQ(by_store[0].returned_units, 3);
  EXPECT_TRUE(returns().report_groups({.store_ids = {store_b}, .from = 0, .to = 5000}).empty());
  auto reasons = returns().report_reasons({.from = 0, .to = 5000, .by = "brand"});
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_EQ(reasons[0].key, "乙牌");
  EXPECT_EQ(reasons[0].reason, "size_fit");
  EXPECT_EQ(reasons[0].units, 2);
  EXPECT_EQ(reasons[1].key, "甲牌");
}

INSTANTIATE_TEST_SUITE_P(Backends, ReturnStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
