#include "purchases/domain/validate.hpp"

#include <fmt/format.h>

#include <set>

#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"
#include "purchases/domain/category.hpp"

namespace kefu::purchase {
namespace {

void check(const std::string& field, const std::string& value, size_t max, bool required) {
  if (required && value.empty()) throw make_error(errors::kRequired, {{"what", Text(field)}}, field);
  if (!text::is_valid_utf8(value)) throw make_error(errors::kInvalidUtf8, {{"what", Text(field)}}, field);
  if (text::utf8_length(value) > max) throw make_error(errors::kTooLong, {{"what", Text(field)}, {"max", max}}, field);
}

[[noreturn]] void bad(const std::string& field, Text problem) {
  throw make_error(errors::kInvalidField, {{"field", Text(field)}, {"problem", std::move(problem)}}, field);
}

}  // namespace

void validate(const Order& o) {
  check("receipt_no", o.receipt_no, 40, true);
  check("payment", o.payment, 40, false);
  check("promotion", o.promotion, 40, false);
  if (o.lines.empty()) throw make_error(errors::kRequired, {{"what", Text("商品行", "lines")}}, "lines");
  if (o.lines.size() > kMaxLines)
    bad("lines", Text(fmt::format("最多 {} 行", kMaxLines), fmt::format("at most {} lines", kMaxLines)));
  std::set<int> numbers;
  int64_t base = 0;
  for (size_t i = 0; i < o.lines.size(); ++i) {
    const auto& l = o.lines[i];
    const auto f = [&](std::string_view name) { return fmt::format("lines[{}].{}", i, name); };
    if (l.line_no <= 0) bad(f("line_no"), Text("须为正整数", "must be a positive number"));
    if (!numbers.insert(l.line_no).second) bad(f("line_no"), Text("行号重复", "duplicate line number"));
    check(f("counter"), l.counter, 100, false);
    check(f("brand"), l.brand, 100, false);
    check(f("sku"), l.sku, 100, false);
    check(f("name"), l.name, 100, true);
    check(f("promotion"), l.promotion, 40, false);
    if (!Category::parse(l.category))
      throw make_error(errors::kInvalidEnum, {{"field", Text(f("category"))}, {"value", Text(l.category)}},
                       f("category"));
    if (l.quantity == 0 || l.quantity > kMaxQuantity || l.quantity < -kMaxQuantity)
      bad(f("quantity"), Text("须为 ±1 至 ±10000", "must be between ±1 and ±10000"));
    if (l.unit_price_fen < 0 || l.unit_price_fen > kMaxUnitPriceFen)
      bad(f("unit_price_fen"), Text("不能为负或过大", "must be 0 or more and not absurdly large"));
    if (l.line_discount_fen < 0 || (l.quantity > 0 && l.line_discount_fen > gross_of(l)))
      bad(f("line_discount_fen"), Text("不能为负，也不能超过该行金额", "must be between 0 and the line's amount"));
    if (l.quantity < 0 && !l.original_line_id)
      bad(f("original_line_id"), Text("退货行须指明原购买行", "a return line must name the line it returns"));
    if (l.quantity > 0 && l.original_line_id)
      bad(f("original_line_id"), Text("只有退货行（数量为负）才指明原购买行",
                                      "only a return line (negative quantity) names an original line"));
    if (l.quantity > 0 && !l.gift) base += gross_of(l) - l.line_discount_fen;
  }
  if (o.order_discount_fen < 0 || o.order_discount_fen > base)
    bad("order_discount_fen", Text("不能为负，也不能超过各行金额之和", "must be between 0 and the lines' amount"));
  if (o.coupon_fen < 0 || o.coupon_fen > o.order_discount_fen)
    bad("coupon_fen", Text("不能为负，也不能超过整单优惠", "must be between 0 and the order discount"));
  if (o.points_used < 0) bad("points_used", Text("不能为负", "must not be negative"));
  if (o.points_earned < 0) bad("points_earned", Text("不能为负", "must not be negative"));
}

}  // namespace kefu::purchase
