// The order discount (满减) shared across lines, and partial returns of a line: tables of
// receipts a cashier could check by hand.
#include "purchases/domain/allocation.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "core/domain/error.hpp"
#include "purchases/domain/validate.hpp"

namespace kefu::purchase {
namespace {

Line line(int no, int qty, int64_t price, int64_t line_discount = 0, bool gift = false) {
  Line l;
  l.line_no = no;
  l.name = "商品" + std::to_string(no);
  l.category = "clothing";
  l.quantity = qty;
  l.unit_price_fen = price;
  l.line_discount_fen = line_discount;
  l.gift = gift;
  return l;
}

struct Case {
  const char* what;
  std::vector<Line> lines;
  int64_t order_discount;
  std::vector<int64_t> shares;  // expected, per line
};

TEST(Allocation, SharesTheOrderDiscountInProportionToWhatEachLinePays) {
  const std::vector<Case> cases = {
      {"满300减50 over ¥200 + ¥100", {line(1, 1, 20000), line(2, 1, 10000)}, 5000, {3333, 1667}},
      {"equal lines, odd fen: the leftover fen go to the lower line numbers",
       {line(1, 1, 10000), line(2, 1, 10000), line(3, 1, 10000)},
       100,
       {34, 33, 33}},
      {"the line's own discount counts first", {line(1, 2, 10000, 5000), line(2, 1, 15000)}, 3000, {1500, 1500}},
      {"a gift takes no share", {line(1, 1, 30000), line(2, 1, 5000, 0, true)}, 5000, {5000, 0}},
      {"no order discount", {line(1, 1, 999), line(2, 3, 1)}, 0, {0, 0}},
      {"the whole amount off", {line(1, 1, 1), line(2, 1, 2)}, 3, {1, 2}},
      {"largest remainder wins over line order", {line(1, 1, 100), line(2, 1, 200)}, 2, {1, 1}},
  };
  for (const auto& c : cases) {
    Order o;
    o.order_discount_fen = c.order_discount;
    o.lines = c.lines;
    allocate(o);
    int64_t sum = 0;
    for (size_t i = 0; i < o.lines.size(); ++i) {
      EXPECT_EQ(o.lines[i].discount_share_fen, c.shares[i]) << c.what << ", line " << i + 1;
      EXPECT_EQ(o.lines[i].paid_fen,
                gross_of(o.lines[i]) - o.lines[i].line_discount_fen - o.lines[i].discount_share_fen)
          << c.what;
      sum += o.lines[i].discount_share_fen;
    }
    EXPECT_EQ(sum, c.order_discount) << c.what << ": the shares sum to the order discount";
  }
}

TEST(Allocation, PartialReturnsOfALineSumToWhatWasPaidForIt) {
  Line l = line(1, 3, 3333);
  l.paid_fen = 10000;  // three units, ¥100.00 paid after discounts
  EXPECT_EQ(paid_for_units(l, 1, 0), 3333);
  EXPECT_EQ(paid_for_units(l, 1, 1), 3333);
  EXPECT_EQ(paid_for_units(l, 1, 2), 3334);  // the last unit takes the remainder
  EXPECT_EQ(paid_for_units(l, 3, 0), 10000);
  EXPECT_EQ(paid_for_units(l, 2, 1), 6667);
  EXPECT_EQ(paid_for_units(l, 0, 1), 0);
}

Order valid_order() {
  Order o;
  o.receipt_no = "R-001";
  o.order_discount_fen = 1000;
  o.lines = {line(1, 1, 5000), line(2, 2, 2000)};
  return o;
}

TEST(Validation, RefusesWhatAReceiptCannotSay) {
  struct Bad {
    const char* what;
    std::function<void(Order&)> edit;
    const char* field;
  };
  const std::vector<Bad> bad = {
      {"no receipt number", [](Order& o) { o.receipt_no.clear(); }, "receipt_no"},
      {"no lines", [](Order& o) { o.lines.clear(); }, "lines"},
      {"quantity 0", [](Order& o) { o.lines[1].quantity = 0; }, "lines[1].quantity"},
      {"negative price", [](Order& o) { o.lines[0].unit_price_fen = -1; }, "lines[0].unit_price_fen"},
      {"unknown category", [](Order& o) { o.lines[0].category = "jewellery"; }, "lines[0].category"},
      {"line discount above the line", [](Order& o) { o.lines[0].line_discount_fen = 5001; },
       "lines[0].line_discount_fen"},
      {"order discount above the lines", [](Order& o) { o.order_discount_fen = 9001; }, "order_discount_fen"},
      {"coupon above the discount", [](Order& o) { o.coupon_fen = 1001; }, "coupon_fen"},
      {"duplicate line number", [](Order& o) { o.lines[1].line_no = 1; }, "lines[1].line_no"},
      {"a return line without its original", [](Order& o) { o.lines[1].quantity = -1; }, "lines[1].original_line_id"},
      {"a sale naming an original", [](Order& o) { o.lines[0].original_line_id = 7; }, "lines[0].original_line_id"},
      {"negative points", [](Order& o) { o.points_earned = -5; }, "points_earned"},
  };
  EXPECT_NO_THROW(validate(valid_order()));
  for (const auto& b : bad) {
    auto o = valid_order();
    b.edit(o);
    try {
      validate(o);
      ADD_FAILURE() << b.what << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::invalid_input) << b.what;
      EXPECT_EQ(e.field(), b.field) << b.what;
    }
  }
}

}  // namespace
}  // namespace kefu::purchase
