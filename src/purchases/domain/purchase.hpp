#pragma once
// A purchase from the POS (收银小票): an order and its lines, as plain values. Money is in
// fen (分) everywhere. A POS return is an order of its own whose lines have a negative
// quantity and name the line they return (original_line_id).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kefu::purchase {

struct Line {
  int64_t id = 0;
  int64_t order_id = 0;
  int line_no = 0;      // the line's number on the receipt, from 1
  std::string counter;  // 专柜 (the counter or concession it was sold at)
  std::string brand;
  std::string sku;
  std::string name;
  std::string category;  // a Category code (category.hpp)
  int quantity = 1;      // negative on a return
  int64_t unit_price_fen = 0;
  int64_t line_discount_fen = 0;            // the line's own discount (折扣, 单品促销)
  int64_t discount_share_fen = 0;           // its share of the order's discount (满减), allocation.hpp
  int64_t paid_fen = 0;                     // what was paid for the line: gross - both discounts
  std::string promotion;                    // the promotion's name as the POS printed it
  bool gift = false;                        // 赠品: given free with the order
  std::optional<int64_t> original_line_id;  // the line a return line gives back
};

struct Order {
  int64_t id = 0;
  int64_t store_id = 0;
  std::string receipt_no;
  std::optional<int64_t> member_id;
  int64_t sold_at = 0;             // ms since the epoch
  std::string payment;             // e.g. wechat, alipay, card, cash, mixed
  int64_t order_discount_fen = 0;  // order-level discounts (满减, coupons), shared across the lines
  int64_t coupon_fen = 0;          // the part of order_discount_fen paid with coupons
  int64_t points_used = 0;         // points redeemed at the till
  int64_t points_earned = 0;       // points the order earned the member
  std::string promotion;           // the order-level promotion (e.g. 满300减50)
  std::string source;              // api, import, demo
  int64_t created_at = 0;          // when kefu stored it
  std::vector<Line> lines;

  int64_t gross_fen() const;  // Σ quantity × unit price
  int64_t paid_fen() const;   // Σ line paid
};

// The amount before any discount of one line: quantity × unit price.
inline int64_t gross_of(const Line& l) { return static_cast<int64_t>(l.quantity) * l.unit_price_fen; }

}  // namespace kefu::purchase
