#pragma once
// The decision on a return request (退换货判定) and the refund, pure: the policy, the
// request, the purchase line and its order, the member's tier and `now` are passed in.
//
// Refund arithmetic (all money in fen, points in points):
// - The line's `paid_fen` is what the customer paid for the whole line after every
//   promotion (the order's 满减 already shared across the order's lines to the fen by the
//   purchases' allocation). Returning q of the line's n units when r were returned before
//   refunds floor(paid·(r+q)/n) − floor(paid·r/n): each return gets its share to the fen,
//   and the return that brings the line to n takes the remainder, so repeated partial
//   returns sum exactly to `paid_fen`. Points earned and points used on the line are
//   shared the same way: the earned ones are clawed back, the used ones given back.
// - Coupons used on the order: given back only when this return empties the order (every
//   line of it returned); otherwise forfeited, their value having been shared into the
//   lines' paid amounts already.
// - Gifts (赠品) of the order given for reaching a spending threshold (满赠): to be
//   returned when the order's paid amount left after this return falls below the
//   threshold; if the customer keeps one, its value is deducted from the refund.
// A refusal refunds nothing; an exchange or a repair refunds nothing either (the figures
// are still computed and explained so the agent sees what a refund would have been).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "remedies/domain/authority.hpp"
#include "returns/domain/policy.hpp"

namespace kefu::returns {

// The purchase line being returned, as the purchases capability records it (or as the
// agent describes an item kefu has no record of).
struct Line {
  std::string category = "other";  // Category code
  std::string brand;
  int64_t store_id = 0;
  std::string promotion = "none";  // Promotion code
  int64_t quantity = 1;            // units bought, > 0
  int64_t returned_quantity = 0;   // units returned before, 0..quantity
  int64_t paid_fen = 0;            // paid for the whole line after promotions, >= 0
  int64_t points_earned = 0;       // points the line earned
  int64_t points_used = 0;         // points redeemed towards the line
  int64_t purchased_at = 0;        // ms since the epoch
  bool on_record = false;          // kefu holds the purchase: the record is the receipt
};

// A coupon (券) used on the line's order.
struct Coupon {
  std::string name;
  int64_t value_fen = 0;
};

// A gift line of the order, given when the order's paid amount reached threshold_fen.
struct Gift {
  std::string name;
  int64_t value_fen = 0;
  int64_t threshold_fen = 0;
};

// The rest of the order, for coupons and gifts. Defaults: an order of this line alone.
struct OrderTerms {
  // What the order's non-gift lines paid and was not yet refunded, before this return;
  // nullopt: the line's own paid amount not yet refunded (an order of one line).
  std::optional<int64_t> open_paid_fen;
  std::vector<Coupon> coupons;
  std::vector<Gift> gifts;  // gifts not returned yet
};

struct Request {
  std::string condition = "unopened";  // Condition code
  bool quality_issue = false;
  bool receipt = false;  // receipt or invoice shown
  int64_t quantity = 1;  // units to return, 1..(line.quantity - line.returned_quantity)
  std::string reason;    // the customer's words; not read by the rules
};

// Who asks, for the authority limit (授权额度): an approved refund above the requester's
// limit needs the approval of `approver_role` (remedies' flow).
struct Authority {
  std::string role;  // people::Role code
  remedy::Limits limits;
};

struct CouponOutcome {
  std::string name;
  int64_t value_fen = 0;
  bool given_back = false;
  friend bool operator==(const CouponOutcome&, const CouponOutcome&) = default;
};

struct GiftOutcome {
  std::string name;
  int64_t value_fen = 0;  // deducted from the refund if the customer keeps the gift
  friend bool operator==(const GiftOutcome&, const GiftOutcome&) = default;
};

struct Refund {
  int64_t quantity = 0;
  int64_t amount_fen = 0;        // paid back to the customer (0 unless the remedy is refund)
  int64_t share_fen = 0;         // the returned units' share of the line's paid amount
  int64_t points_clawback = 0;   // earned points taken back
  int64_t points_give_back = 0;  // used points given back
  std::vector<CouponOutcome> coupons;
  std::vector<GiftOutcome> gifts_to_return;
  std::vector<Words> explanation;  // every figure in words, in this order
};

struct Verdict {
  std::string decision;  // Decision code
  std::string remedy;    // Remedy code
  std::string rule_id;   // the rule that decided; empty when none matched
  std::string rule_name;
  Words customer;
  Words agent;
  int days = 0;               // days since purchase (Asia/Shanghai dates; 0 = the purchase day)
  std::string approver_role;  // needs_approval: who approves ("supervisor" when a rule or
                              // no rule asks for it; else the role the limit names)
  Refund refund;
};

// Days between the purchase's date and now's date in China (UTC+8, no daylight saving);
// negative when the purchase is in the future.
int days_since(int64_t purchased_at_ms, int64_t now_ms);

// Whether a rule's scope and match hold for this request (ignores `enabled`).
bool matches(const Rule&, const Request&, const Line&, const std::string& tier, int days);

// Throws kefu::Error (invalid_input) for a request or line that cannot be decided:
// unknown condition/category/promotion, quantity outside 1..left to return, negative
// amounts. `authority` may be omitted (no limit is checked).
Verdict decide(const Policy&, const Request&, const Line&, const OrderTerms&, const std::string& tier, int64_t now_ms,
               const std::optional<Authority>& authority = std::nullopt);

// The refund figures alone (decide() calls it; exposed for the arithmetic's tests).
Refund refund_for(const Line&, const OrderTerms&, int64_t quantity, bool pays_back);

}  // namespace kefu::returns
