// Points at the desk (adjust, redeem, expiry) and tiers from purchases, over the real ledger
// and the real purchase store.
#include <gtest/gtest.h>

#include "core/app/use_case_test.hpp"
#include "members/app/member_points.hpp"
#include "members/app/member_tiers.hpp"
#include "members/app/members.hpp"
#include "members/app/points.hpp"
#include "members/domain/member_dates.hpp"
#include "members/storage/member_profile_store.hpp"
#include "purchases/app/purchases.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::app {
namespace {

using testing::kNow;

class MemberPointsTiers : public testing::UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store = r.get<storage::OrgStore>().insert_store({.code = "A", .name = "甲店"});
      agent = make(r, "agent1", "agent", {store}, {});
      supervisor = make(r, "sup", "supervisor", {store}, {});
      admin = make(r, "root", "admin", {}, {});
    });
    wang = as(supervisor, [&](Context& c) {
      return create_member(c, {.name = "王芳", .phone = "13812345678", .home_store_id = store}).id;
    });
  }

  // An order of one line paying `yuan`, sold at `at`.
  void bought(int64_t yuan, int64_t at, const std::string& receipt) {
    as(supervisor, [&](Context& c) {
      OrderInput in;
      in.order.store_id = store;
      in.order.receipt_no = receipt;
      in.order.member_id = wang;
      in.order.sold_at = at;
      in.order.lines.push_back({.line_no = 1, .name = "大衣", .category = "clothing", .unit_price_fen = yuan * 100});
      return record_order(c, in).created;
    });
  }

  int64_t balance() {
    return as(agent, [&](Context& c) { return points_balance(c, wang); });
  }

  int64_t store = 0, wang = 0;
  people::Actor agent, supervisor, admin;
};

TEST_F(MemberPointsTiers, AdjustRedeemAndAnInsufficientBalance) {
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return adjust_member_points(c, wang, 100, "补录"); }); }),
            "forbidden");
  as(supervisor, [&](Context& c) { return adjust_member_points(c, wang, 250, "补录小票积分"); });
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return adjust_member_points(c, wang, -300, "x"); }); }),
            "points_insufficient");
  auto r = as(agent, [&](Context& c) { return redeem_member_points(c, wang, "parking_1h", 2); });
  EXPECT_EQ(r.balance, 50);
  EXPECT_EQ(r.entry.points, -200);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return redeem_member_points(c, wang, "parking_1h", 1); }); }),
            "points_insufficient")
      << "50 left, 100 needed";
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return redeem_member_points(c, wang, "caviar", 1); }); }),
            "unknown_reference");
  EXPECT_EQ(balance(), 50);
  auto page = as(agent, [&](Context& c) { return member_points(c, wang, std::nullopt, 1); });
  EXPECT_EQ(page.entries.size(), 1u);
  EXPECT_EQ(page.entries[0].kind, "redeem");
  ASSERT_TRUE(page.next_before);
}

TEST_F(MemberPointsTiers, TheCatalogueIsTheDefaultsUntilAnAdminEditsIt) {
  EXPECT_EQ(as(agent, [&](Context& c) { return points_rewards(c); }), people::default_rewards());
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return put_points_rewards(c, {}); }); }), "forbidden");
  auto mine = as(admin, [&](Context& c) {
    return put_points_rewards(c, {{"wash", "洗车券", "Car wash", 80, true}, {"old", "旧券", "", 10, false}});
  });
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return redeem_member_points(c, wang, "old", 1); }); }),
            "unknown_reference")
      << "inactive";
}

TEST_F(MemberPointsTiers, LastYearsUnspentPointsExpireOnceInJanuary) {
  const int64_t last_year = people::shanghai_midnight({2025, 6, 1});
  as(
      supervisor, [&](Context& c) { return adjust_member_points(c, wang, 300, "去年"); }, last_year);
  as(
      agent, [&](Context& c) { return redeem_member_points(c, wang, "parking_1h", 1); }, last_year + 1000);
  as(
      supervisor, [&](Context& c) { return adjust_member_points(c, wang, 40, "今年"); }, kNow);
  const int64_t january = people::shanghai_midnight({2027, 1, 3});
  // At the end of 2026 what was earned before 2026 and not spent lapses: 300 - 100.
  EXPECT_EQ(as(
                admin, [&](Context& c) { return expire_member_points(c, wang, 2026, 24); }, january),
            0)
      << "24 months: 2025's points live on";
  EXPECT_EQ(as(
                admin, [&](Context& c) { return expire_member_points(c, wang, 2026, 12); }, january),
            200);
  EXPECT_EQ(as(
                admin, [&](Context& c) { return expire_member_points(c, wang, 2026, 12); }, january + 86'400'000),
            0)
      << "once";
  EXPECT_EQ(balance(), 40);
}

TEST_F(MemberPointsTiers, TheTierFollowsTheLast12MonthsOfPurchases) {
  bought(6'000, kNow - 30LL * 86'400'000, "R1");
  auto e = as(supervisor, [&](Context& c) { return evaluate_member_tier(c, wang); });
  EXPECT_EQ(e.spend_12m_fen, 600'000);
  EXPECT_EQ(e.member.tier, "silver");
  EXPECT_TRUE(e.changed);
  bought(15'000, kNow - 2LL * 86'400'000, "R2");
  EXPECT_EQ(as(supervisor, [&](Context& c) { return evaluate_member_tier(c, wang); }).member.tier, "gold");
  // A year on, nothing bought since: grace starts, then a year later gold is gone.
  const int64_t later = people::add_months(kNow, 13);
  auto grace = as(
      admin, [&](Context& c) { return evaluate_member_tier(c, wang); }, later);
  EXPECT_EQ(grace.decision.reason, "grace_started");
  EXPECT_EQ(grace.member.tier, "gold");
  auto down = as(
      admin, [&](Context& c) { return evaluate_member_tier(c, wang); }, people::add_months(later, 12));
  EXPECT_EQ(down.member.tier, "normal");
  auto history = as(agent, [&](Context& c) { return c.store<storage::MemberProfileStore>().events(wang, 0, 50); });
  int changes = 0;
  for (const auto& h : history) changes += h.kind == "tier_changed";
  EXPECT_EQ(changes, 3);
  // Admins edit the rules; rules that cannot work are refused.
  EXPECT_EQ(code_of([&] {
              as(admin, [&](Context& c) { return put_tier_rules(c, {{"gold", 100, 12}, {"silver", 200, 12}}); });
            }),
            "invalid_field");
  EXPECT_EQ(as(admin, [&](Context& c) { return put_tier_rules(c, {{"silver", 100, 0}}); }).size(), 1u);
}

}  // namespace
}  // namespace kefu::app
