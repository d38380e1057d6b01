// A purchase line as the returns decision sees it (purchase_line.hpp).
#include "returns/app/purchase_line.hpp"

#include <regex>

#include "purchases/domain/allocation.hpp"

namespace kefu::app {
namespace {

int returned_of(const std::vector<std::pair<int64_t, int>>& returned, int64_t line_id) {
  for (const auto& [id, n] : returned)
    if (id == line_id) return n;
  return 0;
}

std::string promotion_of(const purchase::Order& o, const purchase::Line& l) {
  if (l.gift) return "gift";
  if (l.promotion.find("清仓") != std::string::npos || o.promotion.find("清仓") != std::string::npos)
    return "clearance";
  if (l.line_discount_fen > 0 || l.discount_share_fen > 0 || !l.promotion.empty()) return "discount";
  return "none";
}

// "满300赠…" → 30000 fen; nullopt when the promotion names no threshold.
std::optional<int64_t> threshold_of(const std::string& promotion) {
  static const std::regex kFull("满\\s*([0-9]+)");
  std::smatch m;
  if (!std::regex_search(promotion, m, kFull)) return std::nullopt;
  return std::stoll(m[1].str()) * 100;
}

int64_t share(int64_t total, int64_t part, int64_t whole) {
  if (whole <= 0 || total <= 0) return 0;
  return static_cast<int64_t>(static_cast<__int128>(total) * part / whole);
}

}  // namespace

PurchaseCase purchase_case(const purchase::Order& o, const purchase::Line& l,
                           const std::vector<std::pair<int64_t, int>>& returned) {
  PurchaseCase out;
  auto& line = out.line;
  line.category = l.category.empty() ? "other" : l.category;
  line.brand = l.brand;
  line.store_id = o.store_id;
  line.promotion = promotion_of(o, l);
  line.quantity = l.quantity;
  line.returned_quantity = returned_of(returned, l.id);
  line.paid_fen = l.paid_fen;
  // Points and the default gift threshold go by what the sold lines paid (gifts earn none).
  int64_t order_paid = 0;
  for (const auto& x : o.lines)
    if (x.quantity > 0 && !x.gift) order_paid += x.paid_fen;
  line.points_earned = share(o.points_earned, l.paid_fen, order_paid);
  line.points_used = share(o.points_used, l.paid_fen, order_paid);
  line.purchased_at = o.sold_at;
  line.on_record = true;

  int64_t open = 0;
  for (const auto& x : o.lines) {
    if (x.quantity <= 0 || x.gift) continue;
    int back = returned_of(returned, x.id);
    open += x.paid_fen - purchase::paid_for_units(x, back, 0);
  }
  out.order.open_paid_fen = open;
  if (o.coupon_fen > 0) out.order.coupons.push_back({"优惠券", o.coupon_fen});
  auto threshold = threshold_of(o.promotion).value_or(order_paid);
  for (const auto& x : o.lines)
    if (x.gift && x.quantity > 0 && x.id != l.id && returned_of(returned, x.id) < x.quantity)
      out.order.gifts.push_back({x.name, purchase::gross_of(x), threshold});
  return out;
}

}  // namespace kefu::app
