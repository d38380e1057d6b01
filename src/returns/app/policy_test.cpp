// The returns policy's use cases: what is in force, who may save it, versions and history,
// the check before saving, and a decision with the caller's authority limit.
#include "returns/app/policy.hpp"

#include "core/app/use_case_test.hpp"
#include "members/storage/member_store.hpp"
#include "purchases/app/purchases.hpp"
#include "returns/app/decide.hpp"

namespace kefu::app::testing {
namespace {

constexpr int64_t kDay = 86'400'000;

class ReturnPolicyUseCases : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "CD01", .name = "乙店"});
      admin = make(r, "root", "admin", {}, {});
      manager = make(r, "boss", "manager", {store_a}, {});
      supervisor = make(r, "sup", "supervisor", {store_a}, {});
      agent = make(r, "agent1", "agent", {store_a}, {});
      gold = r.get<storage::MemberStore>().insert_member(
          {.member_no = "M1", .name = "王女士", .phone = "13900001111", .tier = "gold", .home_store_id = store_a});
    });
  }

  returns::Policy edited() {
    auto p = returns::default_policy();
    p.rules.erase(p.rules.begin() + 10);  // no gold_15
    return p;
  }

  ReturnQuestion question(int64_t paid_fen, int days) {
    ReturnQuestion q;
    q.store_id = store_a;
    q.request.receipt = true;
    q.line.category = "clothing";
    q.line.paid_fen = paid_fen;
    q.line.purchased_at = kNow - days * kDay;
    return q;
  }

  int64_t store_a = 0, store_b = 0, gold = 0;
  people::Actor admin, manager, supervisor, agent;
};

TEST_F(ReturnPolicyUseCases, TheDefaultsWhileNothingIsSaved) {
  auto p = as(agent, [&](Context& c) { return return_policy(c, store_a); });
  EXPECT_TRUE(p.uses_defaults);
  EXPECT_EQ(p.version, 0);
  EXPECT_EQ(p.policy, returns::default_policy());
  EXPECT_FALSE(p.saved);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return return_policy(c, store_b); }); }), "not_found");
  EXPECT_EQ(as(agent, [&](Context& c) { return return_policy(c, 0); }).policy, returns::default_policy());
}

TEST_F(ReturnPolicyUseCases, AManagerSavesTheirStoresPolicyAndTheChainsReachesTheOthers) {
  auto saved = as(manager, [&](Context& c) { return save_return_policy(c, {store_a, edited(), 0, "取消金卡延长"}); });
  EXPECT_EQ(saved.version, 1);
  EXPECT_FALSE(saved.uses_defaults);
  EXPECT_EQ(saved.policy, edited());
  EXPECT_EQ(saved.saved->created_by, manager.staff_id);

  // Who may save what.
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) {
                            return save_return_policy(c, {store_a, edited()});
                          }); }),
            "forbidden");
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) {
                            return save_return_policy(c, {store_b, edited()});
                          }); }),
            "not_found");
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) {
                            return save_return_policy(c, {0, edited()});
                          }); }),
            "forbidden");

  // The chain's policy is in force where a store saved none.
  auto chain = returns::Policy{{returns::default_policy().rules.back()}};
  as(admin, [&](Context& c) { return save_return_policy(c, {0, chain}); });
  auto b = as(admin, [&](Context& c) { return return_policy(c, store_b); });
  EXPECT_EQ(b.policy, chain);
  EXPECT_EQ(b.source_store_id, 0);
  EXPECT_EQ(b.version, 0);
  EXPECT_EQ(as(agent, [&](Context& c) { return return_policy(c, store_a); }).policy, edited());
}

TEST_F(ReturnPolicyUseCases, ARefusedPolicyOrAStaleVersionChangesNothing) {
  as(manager, [&](Context& c) { return save_return_policy(c, {store_a, edited()}); });
  auto bad = edited();
  bad.rules[2].match.max_days = -3;
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) {
                            return save_return_policy(c, {store_a, bad});
                          }); }),
            "invalid_field");
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) {
                            return save_return_policy(c, {store_a, edited(), 0});
                          }); }),
            "version_conflict");
  auto now = as(agent, [&](Context& c) { return return_policy(c, store_a); });
  EXPECT_EQ(now.version, 1);
  EXPECT_EQ(now.policy, edited());

  // Restoring the defaults is a version too; the history keeps both.
  auto restored = as(manager, [&](Context& c) { return save_return_policy(c, {store_a, std::nullopt, 1, "恢复"}); });
  EXPECT_EQ(restored.version, 2);
  EXPECT_TRUE(restored.uses_defaults);
  EXPECT_EQ(restored.policy, returns::default_policy());
  auto history = as(agent, [&](Context& c) { return return_policy_history(c, store_a); });
  ASSERT_EQ(history.size(), 2u);
  EXPECT_TRUE(history[0].uses_defaults);
  EXPECT_EQ(history[0].note, "恢复");
  EXPECT_EQ(history[1].policy, edited());
}

TEST_F(ReturnPolicyUseCases, CheckAnEditAgainstCasesBeforeSaving) {
  returns::Case gold_day_10{0,      "clothing", "opened", 10,        "yes",     false,
                            "gold", "none",     29'900,   "approve", "gold_15", 29'900};
  auto ok = as(manager, [&](Context& c) { return check_return_policy(c, returns::default_policy(), {gold_day_10}); });
  EXPECT_EQ(ok.passed, 1);
  auto off = as(manager, [&](Context& c) { return check_return_policy(c, edited(), {gold_day_10}); });
  EXPECT_EQ(off.failed, 1);
  EXPECT_EQ(off.results[0].got.rule_id, "after_window");
  gold_day_10.tier = "vip";
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) { return check_return_policy(c, edited(), {gold_day_10}); }); }),
            "invalid_enum");
}

TEST_F(ReturnPolicyUseCases, ADecisionCountsTheTierAndTheCallersLimit) {
  auto q = question(29'900, 10);  // 299.00, day 10
  EXPECT_EQ(as(agent, [&](Context& c) { return decide_return(c, q); }).verdict.rule_id, "after_window");
  q.member_id = gold;
  auto a = as(agent, [&](Context& c) { return decide_return(c, q); });
  EXPECT_EQ(a.tier, "gold");
  EXPECT_EQ(a.verdict.rule_id, "gold_15");
  EXPECT_EQ(a.verdict.decision, "needs_approval") << "299.00 is above an agent's 200.00";
  EXPECT_EQ(a.verdict.approver_role, "dept_head");
  EXPECT_EQ(as(supervisor, [&](Context& c) { return decide_return(c, q); }).verdict.decision, "approve");
  q.store_id = store_b;
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return decide_return(c, q); }); }), "not_found");
  q.store_id = store_a;
  q.member_id = 999;
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return decide_return(c, q); }); }), "not_found");
}

TEST_F(ReturnPolicyUseCases, ADecisionOnAPurchaseKefuHolds) {
  OrderInput in;
  in.order.store_id = store_a;
  in.order.receipt_no = "R-100";
  in.order.sold_at = kNow - 2 * kDay;
  in.order.order_discount_fen = 5'000;  // 满减 50.00 shared over the two sold lines
  in.order.points_earned = 250;
  in.order.promotion = "满300赠帆布袋";
  in.order.source = "api";
  in.order.member_id = gold;
  in.order.lines = {
      {.line_no = 1, .name = "衬衫", .category = "clothing", .quantity = 2, .unit_price_fen = 15'000},
      {.line_no = 2, .name = "袜子", .category = "clothing", .quantity = 1, .unit_price_fen = 10'000},
      {.line_no = 3, .name = "帆布袋", .category = "other", .quantity = 1, .unit_price_fen = 3'900, .gift = true}};
  auto order = as(supervisor, [&](Context& c) { return record_order(c, in); }).order;
  ReturnQuestion q;
  q.line_id = order.lines[0].id;  // 2 shirts paid 262.50 after their share of the 满减
  q.request.receipt = false;      // no paper receipt: kefu's record is the receipt
  auto a = as(supervisor, [&](Context& c) { return decide_return(c, q); });
  EXPECT_EQ(a.tier, "gold");
  EXPECT_EQ(a.verdict.rule_id, "gold_15");
  EXPECT_EQ(a.verdict.decision, "approve");
  EXPECT_EQ(a.verdict.refund.amount_fen, 13'125);
  EXPECT_EQ(a.verdict.refund.points_clawback, 93);  // half of the line's 187 of the order's 250 points
  // 350.00 − 131.25 is below the 满300 threshold: the bag comes back.
  ASSERT_EQ(a.verdict.refund.gifts_to_return.size(), 1u);
  EXPECT_EQ(a.verdict.refund.gifts_to_return[0].value_fen, 3'900);

  q.line_id = order.lines[1].id;
  auto socks = as(agent, [&](Context& c) { return decide_return(c, q); });
  EXPECT_EQ(socks.verdict.refund.amount_fen, 8'750);
  EXPECT_EQ(socks.verdict.decision, "approve") << "87.50 is within an agent's 200.00";
  EXPECT_EQ(socks.verdict.refund.gifts_to_return.size(), 1u) << "350.00 − 87.50 is below 300.00 too";
  q.line_id = 999'999;
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return decide_return(c, q); }); }), "not_found");
}

}  // namespace
}  // namespace kefu::app::testing
