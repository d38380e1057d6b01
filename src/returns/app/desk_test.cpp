// The desk's return as the agent and the supervisor live it: within the agent's limit the
// ticket is resolved on the spot; above it the return waits for the approval and follows
// it; a refusal records nothing unless a supervisor overrides it; partial returns sum to
// what was paid; no line gives back more than it sold.
#include "returns/app/desk.hpp"

#include "core/app/use_case_test.hpp"
#include "members/app/points.hpp"
#include "members/storage/member_store.hpp"
#include "purchases/app/purchases.hpp"
#include "purchases/storage/purchase_store.hpp"
#include "remedies/app/remedies.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app {
namespace {

using testing::kNow;
using testing::UseCaseTest;

constexpr int64_t kDay = 86'400'000;

class DeskReturnTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      a = r.get<storage::OrgStore>().insert_store({.code = "SH", .name = "上海店"});
      b = r.get<storage::OrgStore>().insert_store({.code = "CD", .name = "成都店"});
      agent = make(r, "li", "agent", {a}, {});
      sup = make(r, "chen", "supervisor", {a}, {});
      agent_b = make(r, "liu", "agent", {b}, {});
      member = r.get<storage::MemberStore>().insert_member(
          {.member_no = "M00000001", .name = "王芳", .phone = "13800000001", .home_store_id = a});
    });
  }

  // One order of the member, sold `days` ago: ¥150 shirt, ¥800 jacket, 3 socks for ¥100
  // less ¥1 of 满减 on the order (so the socks pay an odd amount), 300 points earned.
  purchase::Order sell(const std::string& receipt, int days = 2) {
    OrderInput in;
    in.order.store_id = a;
    in.order.receipt_no = receipt;
    in.order.sold_at = kNow - days * kDay;
    in.order.order_discount_fen = 1;
    in.order.points_earned = 1051;
    in.order.source = "api";
    in.member_no = "M00000001";
    in.order.lines = {
        {.line_no = 1, .brand = "甲牌", .name = "衬衫", .category = "clothing", .quantity = 1, .unit_price_fen = 15000},
        {.line_no = 2, .brand = "乙牌", .name = "夹克", .category = "clothing", .quantity = 1, .unit_price_fen = 80000},
        {.line_no = 3, .brand = "甲牌", .name = "袜子", .category = "clothing", .quantity = 3, .unit_price_fen = 3334},
    };
    return as(sup, [&](Context& c) { return record_order(c, in); }).order;
  }

  DeskReturn ask(int64_t line_id, int64_t qty = 1, std::string reason = "size_fit") {
    return {.line_id = line_id, .quantity = qty, .reason = std::move(reason), .condition = "unopened", .receipt = true};
  }

  int64_t balance() {
    return as(sup, [&](Context& c) { return points_balance(c, member); });
  }
  int returned(int64_t line_id) {
    return as(sup, [&](Context& c) { return c.store<storage::PurchaseStore>().returned_units(line_id); });
  }

  int64_t a = 0, b = 0, member = 0;
  people::Actor agent, sup, agent_b;
};

TEST_F(DeskReturnTest, WithinTheAgentsLimitTheTicketIsResolvedOnTheSpot) {
  auto o = sell("R-1");
  const auto before = balance();
  auto out = as(agent, [&](Context& c) { return record_return(c, ask(o.lines[0].id)); });
  ASSERT_TRUE(out.record && out.ticket);
  EXPECT_EQ(out.verdict.decision, "approve");
  EXPECT_EQ(out.verdict.rule_id, "no_reason_7");
  EXPECT_EQ(out.remedy_status, "applied");
  EXPECT_EQ(out.record->state, "done");
  EXPECT_EQ(out.record->refund_fen, o.lines[0].paid_fen);
  EXPECT_EQ(out.ticket->status.code(), "resolved");
  EXPECT_EQ(out.ticket->type.code(), "return");
  EXPECT_EQ(out.ticket->channel.code(), "service_desk");
  EXPECT_EQ(out.ticket->owner_id, agent.staff_id);  // 首问负责制
  EXPECT_EQ(out.ticket->purchase_line_id, o.lines[0].id);
  EXPECT_EQ(out.ticket->purchase_ref, "R-1");
  EXPECT_EQ(returned(o.lines[0].id), 1);
  // The kefu-side return order nets the refund on the member's history.
  auto back = as(sup, [&](Context& c) { return get_order(c, *out.record->return_order_id); });
  EXPECT_EQ(back.receipt_no, returns::return_receipt_no(out.record->id));
  EXPECT_EQ(back.paid_fen(), -out.record->refund_fen);
  EXPECT_GT(out.record->points_clawed_back, 0);
  EXPECT_EQ(balance(), before - out.record->points_clawed_back);
}

TEST_F(DeskReturnTest, AboveTheLimitItWaitsThenFollowsTheApproval) {
  auto o = sell("R-2");
  const auto before = balance();
  auto out = as(agent, [&](Context& c) { return record_return(c, ask(o.lines[1].id)); });
  ASSERT_TRUE(out.record && out.ticket);
  EXPECT_EQ(out.verdict.decision, "needs_approval");
  EXPECT_EQ(out.remedy_status, "pending");
  EXPECT_EQ(out.record->state, "pending_approval");
  EXPECT_EQ(out.ticket->status.code(), "new");
  EXPECT_EQ(balance(), before) << "points untouched until approved";
  EXPECT_EQ(returned(o.lines[1].id), 0);
  // The unit waits: no second return of it meanwhile.
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return record_return(c, ask(o.lines[1].id)); }); }),
            "invalid_field");

  auto approved = as(sup, [&](Context& c) { return decide_remedy(c, *out.record->remedy_id, true, ""); });
  EXPECT_EQ(approved.ticket.status.code(), "resolved");
  auto rec = as(sup, [&](Context& c) { return get_return(c, out.record->id); });
  EXPECT_EQ(rec.state, "done");
  EXPECT_TRUE(rec.return_order_id);
  EXPECT_EQ(returned(o.lines[1].id), 1);
  EXPECT_EQ(balance(), before - rec.points_clawed_back);
  EXPECT_GT(rec.points_clawed_back, 0);
}

TEST_F(DeskReturnTest, ARejectedApprovalRefusesTheReturnAndFreesTheUnit) {
  auto o = sell("R-3");
  const auto before = balance();
  auto out = as(agent, [&](Context& c) { return record_return(c, ask(o.lines[1].id)); });
  as(sup, [&](Context& c) { return decide_remedy(c, *out.record->remedy_id, false, "吊牌已剪"); });
  auto rec = as(sup, [&](Context& c) { return get_return(c, out.record->id); });
  EXPECT_EQ(rec.state, "refused");
  EXPECT_FALSE(rec.return_order_id);
  EXPECT_EQ(balance(), before);
  EXPECT_EQ(returned(o.lines[1].id), 0);
  auto again = as(sup, [&](Context& c) { return preview_return(c, ask(o.lines[1].id)); });
  EXPECT_EQ(again.verdict.decision, "approve");  // the supervisor's own limit covers ¥800
}

TEST_F(DeskReturnTest, ARefusalRecordsNothingUnlessASupervisorOverridesIt) {
  auto o = sell("R-4", 10);  // past 七天无理由
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return record_return(c, ask(o.lines[0].id)); }); }),
            "return_refused");
  EXPECT_TRUE(as(sup, [&](Context& c) { return find_returns(c, {}); }).empty());
  auto overridden = ask(o.lines[0].id);
  overridden.override_reason = "老顾客，店长同意破例";
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return record_return(c, overridden); }); }), "forbidden");
  auto out = as(sup, [&](Context& c) { return record_return(c, overridden); });
  ASSERT_TRUE(out.record);
  EXPECT_EQ(out.record->decision, "refuse");
  EXPECT_EQ(out.record->override_reason, "老顾客，店长同意破例");
  EXPECT_EQ(out.record->state, "done");
  EXPECT_EQ(out.record->refund_fen, o.lines[0].paid_fen);
}

TEST_F(DeskReturnTest, PartialReturnsSumToThePaidAmountAndNeverExceedTheUnitsSold) {
  auto o = sell("R-5");
  const auto& socks = o.lines[2];
  int64_t refunded = 0;
  for (int64_t q : {1, 2}) {
    auto out = as(agent, [&](Context& c) { return record_return(c, ask(socks.id, q)); });
    ASSERT_TRUE(out.record);
    EXPECT_EQ(out.record->state, "done");
    refunded += out.record->refund_fen;
  }
  EXPECT_EQ(refunded, socks.paid_fen);
  EXPECT_EQ(returned(socks.id), 3);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return record_return(c, ask(socks.id)); }); }), "invalid_field");
  auto found = as(agent, [&](Context& c) { return lookup_purchases(c, {.receipt_no = "R-5"}); });
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].lines[2].remaining, 0);
  EXPECT_EQ(found[0].lines[0].remaining, 1);
}

TEST_F(DeskReturnTest, AnExchangeRecordsNoRefundAndMovesNoPoints) {
  auto o = sell("R-6");
  const auto before = balance();
  auto in = ask(o.lines[1].id);
  in.remedy = "exchange";
  auto out = as(agent, [&](Context& c) { return record_return(c, in); });
  ASSERT_TRUE(out.record);
  EXPECT_EQ(out.record->state, "done");
  EXPECT_EQ(out.record->refund_fen, 0);
  EXPECT_FALSE(out.record->return_order_id);
  EXPECT_EQ(balance(), before);
}

TEST_F(DeskReturnTest, AnotherStoresPurchaseIsNotFound) {
  auto o = sell("R-7");
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return record_return(c, ask(o.lines[0].id)); }); }),
            "not_found");
  EXPECT_TRUE(as(agent_b, [&](Context& c) { return lookup_purchases(c, {.receipt_no = "R-7"}); }).empty());
  auto by_phone = as(agent, [&](Context& c) { return lookup_purchases(c, {.phone = "13800000001"}); });
  EXPECT_EQ(by_phone.size(), 1u);
}

TEST_F(DeskReturnTest, TheReportCountsReturnedUnitsAgainstSoldOnes) {
  auto o = sell("R-8");
  as(agent, [&](Context& c) { return record_return(c, ask(o.lines[2].id, 1)); });
  as(agent, [&](Context& c) { return record_return(c, ask(o.lines[0].id, 1, "quality_fault")); });
  EXPECT_EQ(code_of([&] {
              as(agent, [&](Context& c) { return returns_report(c, {.from = kNow - 30 * kDay, .to = kNow + 1}); });
            }),
            "forbidden");
  auto r =
      as(sup, [&](Context& c) { return returns_report(c, {.from = kNow - 30 * kDay, .to = kNow + 1, .by = "brand"}); });
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[1].key, "甲牌");
  EXPECT_EQ(r.groups[1].sold_units, 4);
  EXPECT_EQ(r.groups[1].returned_units, 2);
  EXPECT_EQ(r.groups[0].returned_units, 0);
  ASSERT_EQ(r.reasons.size(), 2u);
  EXPECT_EQ(r.reasons[0].reason, "quality_fault");
}

}  // namespace
}  // namespace kefu::app
