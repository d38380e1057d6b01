#pragma once
// What a POS order must satisfy before kefu stores it. Throws kefu::Error (invalid_input)
// naming the field ("lines[2].quantity"), with code:
//   required       receipt_no, a line's name, at least one line;
//   too_long       receipt_no (40), payment/promotion (40), counter/brand/sku/name (100);
//   invalid_enum   a line's category (category.hpp);
//   invalid_field  quantity 0 or beyond ±10,000; a negative price or discount; a line
//                  discount above the line's amount; an order discount above the lines'
//                  amount or a coupon part above it; negative points; duplicate line numbers;
//                  a return line without the line it returns, or a sale line that names one.
#include "purchases/domain/purchase.hpp"

namespace kefu::purchase {

inline constexpr int kMaxQuantity = 10'000;
inline constexpr int64_t kMaxUnitPriceFen = 100'000'000'00LL;  // ¥100,000,000
inline constexpr size_t kMaxLines = 500;

// `original_line_id` is checked for presence only: a return line must name its original
// (the caller resolves it from the original receipt and line number).
void validate(const Order& order);

}  // namespace kefu::purchase
