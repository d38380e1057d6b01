// The decision on a return request and its refund (decision.hpp).
#include "returns/domain/decision.hpp"

#include <algorithm>
#include <cstdio>

#include "core/domain/errors.hpp"
#include "org/domain/role.hpp"

namespace kefu::returns {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kChinaOffsetMs = 8 * 3'600'000;

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// 123456 → "¥1234.56"
std::string yuan(int64_t fen) {
  char buf[40];
  int64_t a = fen < 0 ? -fen : fen;
  std::snprintf(buf, sizeof buf, "%s¥%lld.%02lld", fen < 0 ? "-" : "", static_cast<long long>(a / 100),
                static_cast<long long>(a % 100));
  return buf;
}
std::string num(int64_t n) { return std::to_string(n); }

// floor(total · k / n), exact for any int64 total and counts.
int64_t part(int64_t total, int64_t k, int64_t n) { return static_cast<int64_t>(static_cast<__int128>(total) * k / n); }
// The share of units r+1..r+q of n: the cumulative shares' difference.
int64_t share(int64_t total, int64_t r, int64_t q, int64_t n) { return part(total, r + q, n) - part(total, r, n); }

[[noreturn]] void bad(const std::string& field, const std::string& zh, const std::string& en) {
  throw make_error(errors::kInvalidField, {{"field", field}, {"problem", Text(zh, en)}}, field);
}

template <class V>
void check_code(const std::string& field, const std::string& code) {
  if (!V::parse(code)) throw make_error(errors::kInvalidEnum, {{"field", field}, {"value", code}}, field);
}

void check(const Request& req, const Line& line) {
  check_code<Condition>("condition", req.condition);
  check_code<Category>("line.category", line.category);
  check_code<Promotion>("line.promotion", line.promotion);
  if (line.quantity <= 0) bad("line.quantity", "购买数量须大于 0", "the quantity bought must be above 0");
  if (line.returned_quantity < 0 || line.returned_quantity > line.quantity)
    bad("line.returned_quantity", "已退数量须在 0 到购买数量之间", "units returned before must be 0..quantity");
  if (line.paid_fen < 0 || line.points_earned < 0 || line.points_used < 0)
    bad("line.paid_fen", "金额和积分不能为负", "amounts and points cannot be negative");
  int64_t left = line.quantity - line.returned_quantity;
  if (req.quantity < 1 || req.quantity > left)
    bad("quantity", "退货数量须在 1 到 " + num(left) + " 之间", "return 1 to " + num(left) + " units");
}

bool listed(const std::vector<std::string>& list, const std::string& v) {
  return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

void explain_share(Refund& r, const Line& line, int64_t q) {
  std::string before_zh, before_en;
  if (line.returned_quantity > 0) {
    before_zh = "，此前已退 " + num(line.returned_quantity) + " 件";
    before_en = ", " + num(line.returned_quantity) + " returned before";
  }
  r.explanation.push_back({"购买 " + num(line.quantity) + " 件，实付 " + yuan(line.paid_fen) + "（已扣除满减等优惠）" +
                               before_zh + "；本次退 " + num(q) + " 件，按件分摊为 " + yuan(r.share_fen) +
                               "（分摊到分，退完最后一件时计入尾差）。",
                           num(line.quantity) + " bought for " + yuan(line.paid_fen) + " paid after promotions" +
                               before_en + "; the " + num(q) + " returned now account for " + yuan(r.share_fen) +
                               " (shared to the fen; the last unit takes the remainder)."});
}

void explain_points(Refund& r) {
  if (r.points_clawback > 0)
    r.explanation.push_back({"扣回这部分商品获得的积分 " + num(r.points_clawback) + " 分。",
                             num(r.points_clawback) + " points earned on them are taken back."});
  if (r.points_give_back > 0)
    r.explanation.push_back({"退回购买时抵扣使用的积分 " + num(r.points_give_back) + " 分。",
                             num(r.points_give_back) + " points used to pay for them are given back."});
}

void settle_order(Refund& r, const OrderTerms& order, int64_t open, int64_t left) {
  for (const auto& c : order.coupons) {
    bool back = left <= 0;
    r.coupons.push_back({c.name, c.value_fen, back});
    if (back)
      r.explanation.push_back({"整单已全部退回，优惠券「" + c.name + "」（" + yuan(c.value_fen) + "）退回顾客账户。",
                               "The whole order is returned: the coupon \"" + c.name + "\" (" + yuan(c.value_fen) +
                                   ") goes back to the customer."});
    else
      r.explanation.push_back(
          {"部分退货，优惠券「" + c.name + "」（" + yuan(c.value_fen) + "）不退回：其优惠已分摊进各商品的实付金额。",
           "A partial return: the coupon \"" + c.name + "\" (" + yuan(c.value_fen) +
               ") is not given back; its value is already shared into the lines' paid amounts."});
  }
  for (const auto& g : order.gifts) {
    if (open < g.threshold_fen || left >= g.threshold_fen) continue;
    r.gifts_to_return.push_back({g.name, g.value_fen});
    r.explanation.push_back({"退货后订单实付 " + yuan(left) + "，低于满赠门槛 " + yuan(g.threshold_fen) + "：赠品「" +
                                 g.name + "」需一并退回，否则从退款中扣除其价值 " + yuan(g.value_fen) + "。",
                             "After the return the order's paid amount is " + yuan(left) + ", below the gift's " +
                                 "threshold of " + yuan(g.threshold_fen) + ": the gift \"" + g.name +
                                 "\" comes back too, or its value of " + yuan(g.value_fen) +
                                 " is deducted from the refund."});
  }
}

Verdict from_rule(const Rule& r) {
  return {r.outcome.decision, r.outcome.remedy, r.id, r.name, r.outcome.customer, r.outcome.agent, 0, "", {}};
}

Verdict no_rule() {
  return {"needs_approval",
          "refund",
          "",
          "",
          {"您的情况需要主管确认，请稍候。", "A supervisor will look at your request; please wait a moment."},
          {"没有适用的政策规则：请主管决定。", "No rule of the policy applies: a supervisor decides."},
          0,
          "",
          {}};
}

void check_authority(Verdict& v, const Authority& a) {
  if (v.decision != "approve" || v.remedy != "refund" || v.refund.amount_fen <= 0) return;
  remedy::Proposal p{"refund", "", v.refund.amount_fen, "退货退款"};
  auto d = remedy::decide(p, a.role, a.limits);
  if (d.within_limit) return;
  auto limit = remedy::limit_of(a.role, a.limits).value_or(0);
  v.decision = "needs_approval";
  v.approver_role = d.approver_role;
  auto role = people::Role::parse(d.approver_role);
  std::string role_zh = role ? std::string(role->zh()) : d.approver_role;
  v.agent.zh += "退款 " + yuan(v.refund.amount_fen) + " 超过您的授权额度 " + yuan(limit) + "，需" + role_zh + "审批。";
  v.agent.en += " The refund of " + yuan(v.refund.amount_fen) + " is above your authority limit of " + yuan(limit) +
                ": it needs the approval of a " + d.approver_role + ".";
}

}  // namespace

int days_since(int64_t purchased_at_ms, int64_t now_ms) {
  return static_cast<int>(floor_div(now_ms + kChinaOffsetMs, kDayMs) -
                          floor_div(purchased_at_ms + kChinaOffsetMs, kDayMs));
}

bool matches(const Rule& r, const Request& req, const Line& line, const std::string& tier, int days) {
  const auto& s = r.scope;
  const auto& m = r.match;
  if (!listed(s.categories, line.category) || !listed(s.brands, line.brand) || !listed(s.tiers, tier)) return false;
  if (!s.store_ids.empty() && std::find(s.store_ids.begin(), s.store_ids.end(), line.store_id) == s.store_ids.end())
    return false;
  if (!listed(m.conditions, req.condition) || !listed(m.promotions, line.promotion)) return false;
  if (m.quality_issue && *m.quality_issue != req.quality_issue) return false;
  if (m.receipt && *m.receipt != (req.receipt || line.on_record)) return false;
  return !m.max_days || days <= *m.max_days;
}

Refund refund_for(const Line& line, const OrderTerms& order, int64_t q, bool pays_back) {
  Refund r;
  r.quantity = q;
  r.share_fen = share(line.paid_fen, line.returned_quantity, q, line.quantity);
  explain_share(r, line, q);
  if (!pays_back) {
    r.explanation.push_back(
        {"本次不退款，积分、优惠券和赠品不变。", "Nothing is refunded; points, coupons and gifts stay as they are."});
    return r;
  }
  r.amount_fen = r.share_fen;
  r.points_clawback = share(line.points_earned, line.returned_quantity, q, line.quantity);
  r.points_give_back = share(line.points_used, line.returned_quantity, q, line.quantity);
  r.explanation.push_back({"退款金额 " + yuan(r.amount_fen) + "。", "Refund: " + yuan(r.amount_fen) + "."});
  explain_points(r);
  int64_t open =
      order.open_paid_fen.value_or(line.paid_fen - part(line.paid_fen, line.returned_quantity, line.quantity));
  settle_order(r, order, open, open - r.share_fen);
  return r;
}

Verdict decide(const Policy& policy, const Request& req, const Line& line, const OrderTerms& order,
               const std::string& tier, int64_t now_ms, const std::optional<Authority>& authority) {
  check(req, line);
  int days = days_since(line.purchased_at, now_ms);
  if (days < 0) bad("line.purchased_at", "购买时间晚于当前时间", "the purchase is in the future");
  const std::string& who = tier.empty() ? std::string("normal") : tier;
  auto it = std::find_if(policy.rules.begin(), policy.rules.end(),
                         [&](const Rule& r) { return r.enabled && matches(r, req, line, who, days); });
  Verdict v = it == policy.rules.end() ? no_rule() : from_rule(*it);
  v.days = days;
  if (v.decision == "needs_approval") v.approver_role = "supervisor";
  bool pays_back = v.decision != "refuse" && v.remedy == "refund";
  v.refund = refund_for(line, order, req.quantity, pays_back);
  if (authority) check_authority(v, *authority);
  return v;
}

}  // namespace kefu::returns
