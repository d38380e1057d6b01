#include "returns/domain/decision.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/domain/error.hpp"

namespace kefu::returns {
namespace {

constexpr int64_t kDay = 86'400'000;
constexpr int64_t kNow = 1'780'000'000'000;

Line line(int64_t quantity, int64_t paid_fen, int64_t returned = 0) {
  Line l;
  l.category = "clothing";
  l.quantity = quantity;
  l.paid_fen = paid_fen;
  l.returned_quantity = returned;
  l.purchased_at = kNow - 2 * kDay;
  l.on_record = true;
  return l;
}

Request ask(int64_t quantity, bool quality = false, std::string condition = "unopened") {
  Request r;
  r.quantity = quantity;
  r.quality_issue = quality;
  r.condition = std::move(condition);
  r.receipt = true;
  return r;
}

TEST(ReturnsRefund, PartialReturnsShareToTheFenAndSumToThePaidAmount) {
  struct Row {
    int64_t quantity, paid_fen;
    std::vector<int64_t> returns;   // units per return, in order
    std::vector<int64_t> expected;  // fen refunded per return
  };
  const Row rows[] = {
      {3, 10'000, {1, 1, 1}, {3'333, 3'333, 3'334}},  // the last unit takes the remainder
      {3, 10'000, {2, 1}, {6'666, 3'334}},
      {3, 10'000, {1, 2}, {3'333, 6'667}},
      {3, 10'000, {3}, {10'000}},
      {7, 1'001, {1, 1, 1, 1, 1, 1, 1}, {143, 143, 143, 143, 143, 143, 143}},
      {4, 999, {1, 1, 1, 1}, {249, 250, 250, 250}},  // floor(999·k/4): 249, 499, 749, 999
      {2, 1, {1, 1}, {0, 1}},                        // one fen over two units
      {1, 0, {1}, {0}},                              // a free gift
  };
  for (const auto& r : rows) {
    int64_t returned = 0, total = 0;
    for (std::size_t i = 0; i < r.returns.size(); ++i) {
      auto got = refund_for(line(r.quantity, r.paid_fen, returned), {}, r.returns[i], true).amount_fen;
      EXPECT_EQ(got, r.expected[i]) << r.quantity << " units for " << r.paid_fen << " fen, return #" << i + 1;
      returned += r.returns[i];
      total += got;
    }
    EXPECT_EQ(total, r.paid_fen);
  }
}

TEST(ReturnsRefund, AnySequenceOfPartialReturnsSumsToThePaidAmount) {
  std::mt19937_64 rng(15);
  for (int trial = 0; trial < 2000; ++trial) {
    int64_t n = 1 + rng() % 50, paid = rng() % 10'000'000, earned = rng() % 10'000, used = rng() % 5'000;
    int64_t returned = 0, money = 0, clawed = 0, given = 0;
    while (returned < n) {
      int64_t q = 1 + rng() % (n - returned);
      Line l = line(n, paid, returned);
      l.points_earned = earned;
      l.points_used = used;
      auto r = refund_for(l, {}, q, true);
      EXPECT_GE(r.amount_fen, paid * q / n - 1);
      EXPECT_LE(r.amount_fen, paid * q / n + 1);
      money += r.amount_fen;
      clawed += r.points_clawback;
      given += r.points_give_back;
      returned += q;
    }
    ASSERT_EQ(money, paid) << n << " units, " << paid << " fen";
    ASSERT_EQ(clawed, earned);
    ASSERT_EQ(given, used);
  }
}

TEST(ReturnsRefund, PointsCouponsAndGifts) {
  Line l = line(2, 30'000);  // 2 units, 300.00 paid after the order's 满减 share
  l.points_earned = 300;
  l.points_used = 1'000;
  OrderTerms order;
  order.open_paid_fen = 50'000;  // the order's other lines paid 200.00
  order.coupons = {{"满500减50券", 5'000}};
  order.gifts = {{"帆布袋", 3'900, 50'000}, {"保温杯", 8'900, 30'000}};

  auto one = refund_for(l, order, 1, true);
  EXPECT_EQ(one.amount_fen, 15'000);
  EXPECT_EQ(one.points_clawback, 150);
  EXPECT_EQ(one.points_give_back, 500);
  ASSERT_EQ(one.coupons.size(), 1u);
  EXPECT_FALSE(one.coupons[0].given_back);
  // 500.00 − 150.00 = 350.00 is below the bag's 500.00 threshold, not the cup's 300.00.
  EXPECT_EQ(one.gifts_to_return, (std::vector<GiftOutcome>{{"帆布袋", 3'900}}));
  EXPECT_EQ(one.explanation.size(), 6u);  // share, refund, 2 × points, coupon, gift

  order.open_paid_fen = 30'000;  // the line is all that is left of the order
  order.gifts = {};
  auto all = refund_for(l, order, 2, true);
  EXPECT_EQ(all.amount_fen, 30'000);
  EXPECT_TRUE(all.coupons[0].given_back);

  auto none = refund_for(l, order, 2, false);  // an exchange or a refusal
  EXPECT_EQ(none.amount_fen, 0);
  EXPECT_EQ(none.share_fen, 30'000);
  EXPECT_EQ(none.points_clawback, 0);
  EXPECT_TRUE(none.coupons.empty());
}

TEST(ReturnsDecision, TheAgentsAuthorityLimit) {
  remedy::Limits limits = remedy::default_limits();  // agent 200 元, dept_head 500 元 …
  struct Row {
    const char* role;
    int64_t paid_fen;
    const char* decision;
    const char* approver;
  };
  const Row rows[] = {
      {"agent", 20'000, "approve", ""},
      {"agent", 20'001, "needs_approval", "dept_head"},
      {"agent", 60'000, "needs_approval", "supervisor"},
      {"supervisor", 60'000, "approve", ""},
      {"admin", 99'999'900, "approve", ""},
  };
  for (const auto& r : rows) {
    auto v = decide(default_policy(), ask(1), line(1, r.paid_fen), {}, "normal", kNow, Authority{r.role, limits});
    EXPECT_EQ(v.decision, r.decision) << r.role << " " << r.paid_fen;
    EXPECT_EQ(v.approver_role, r.approver) << r.role << " " << r.paid_fen;
    EXPECT_EQ(v.rule_id, "no_reason_7");
  }
  // An exchange has no amount: no limit applies.
  auto v = decide(
      default_policy(), ask(1, true),
      [] {
        Line l = line(1, 900'000);
        l.purchased_at = kNow - 10 * kDay;
        return l;
      }(),
      {}, "normal", kNow, Authority{"agent", limits});
  EXPECT_EQ(v.decision, "approve");
  EXPECT_EQ(v.remedy, "exchange");
}

TEST(ReturnsDecision, RuleOrderScopeAndFallback) {
  Policy p = default_policy();
  auto v = decide(Policy{}, ask(1), line(1, 100), {}, "normal", kNow);
  EXPECT_EQ(v.decision, "needs_approval");
  EXPECT_EQ(v.rule_id, "");
  EXPECT_EQ(v.approver_role, "supervisor");

  Rule brand = p.rules.back();
  brand.id = "brand_x_final";
  brand.scope.brands = {"X牌"};
  brand.match = {};
  p.rules.insert(p.rules.begin(), brand);
  Line l = line(1, 100);
  EXPECT_EQ(decide(p, ask(1), l, {}, "", kNow).rule_id, "no_reason_7");
  l.brand = "X牌";
  EXPECT_EQ(decide(p, ask(1), l, {}, "", kNow).rule_id, "brand_x_final");
  p.rules.front().enabled = false;
  EXPECT_EQ(decide(p, ask(1), l, {}, "", kNow).rule_id, "no_reason_7");
  p.rules.front().enabled = true;
  p.rules.front().scope.store_ids = {7};
  EXPECT_EQ(decide(p, ask(1), l, {}, "", kNow).rule_id, "no_reason_7");
  l.store_id = 7;
  EXPECT_EQ(decide(p, ask(1), l, {}, "", kNow).rule_id, "brand_x_final");
}

TEST(ReturnsDecision, DaysCountChinaDates) {
  constexpr int64_t kHour = 3'600'000;
  const int64_t midnight_shanghai = 1'779'984'000'000;  // 2026-05-29 00:00 +08:00
  struct Row {
    int64_t purchased, now;
    int days;
  };
  const Row rows[] = {
      {midnight_shanghai - 60'000, midnight_shanghai + 60'000, 1},  // 23:59 → 00:01 next day
      {midnight_shanghai, midnight_shanghai + 24 * kHour - 1, 0},
      {midnight_shanghai, midnight_shanghai + 7 * 24 * kHour, 7},
      {midnight_shanghai + kHour, midnight_shanghai - 1, -1},  // a purchase in the future
  };
  for (const auto& r : rows) EXPECT_EQ(days_since(r.purchased, r.now), r.days) << r.purchased << " " << r.now;
}

TEST(ReturnsDecision, RefusesRequestsItCannotDecide) {
  struct Row {
    Request req;
    Line line;
    const char* field;
  };
  Line future = line(1, 100);
  future.purchased_at = kNow + kDay;
  Line bad_category = line(1, 100);
  bad_category.category = "hats";
  const Row rows[] = {
      {ask(0), line(1, 100), "quantity"},
      {ask(2), line(3, 100, 2), "quantity"},
      {ask(1, false, "broken"), line(1, 100), "condition"},
      {ask(1), bad_category, "line.category"},
      {ask(1), line(1, -1), "line.paid_fen"},
      {ask(1), future, "line.purchased_at"},
  };
  for (const auto& r : rows) {
    try {
      decide(default_policy(), r.req, r.line, {}, "normal", kNow);
      ADD_FAILURE() << "decided, expected an error on " << r.field;
    } catch (const Error& e) {
      EXPECT_EQ(e.field(), r.field);
      EXPECT_EQ(e.kind(), Error::Kind::invalid_input);
    }
  }
}

}  // namespace
}  // namespace kefu::returns
