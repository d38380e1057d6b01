#pragma once
// A purchase line kefu holds (purchases), as the returns decision sees it.
#include "purchases/domain/purchase.hpp"
#include "returns/domain/decision.hpp"

namespace kefu::app {

// `returned` is how many units of each of the order's lines were given back before, by line
// id (app::returned_units). The line's promotion: gift for a gift line, clearance when the
// line's or the order's promotion names 清仓, discount when it has a discount or a
// promotion, else none. Points earned and used on the order are shared over its sold lines
// by paid amount (the POS gives them per order; gift lines take none). Coupons: the order's coupon_fen as one coupon.
// Gifts: the order's gift lines not returned yet, valued at their price, with the threshold
// of the order's promotion ("满300…" → 300.00 元), else the order's whole paid amount.
struct PurchaseCase {
  returns::Line line;
  returns::OrderTerms order;
};
PurchaseCase purchase_case(const purchase::Order&, const purchase::Line&,
                           const std::vector<std::pair<int64_t, int>>& returned);

}  // namespace kefu::app
