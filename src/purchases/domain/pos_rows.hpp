#pragma once
// The rows of a POS export (收银流水: one row per receipt line) read into orders, without a
// file or a database: amounts in yuan as the POS prints them turned into fen exactly, the
// rows of one receipt grouped into one order, and the POS's own category names mapped to
// ours. Pure functions; docs/purchases.md describes the file.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "purchases/domain/purchase.hpp"

namespace kefu::purchase {

// Fen from a yuan amount as text: "128", "128.5", "128.50", "-3.00", "¥1,280.00", "￥12"
// (a thousands comma, a currency sign, spaces around). More than two decimals only when the
// extra ones are zeros ("12.500", what a spreadsheet may print). Parsed digit by digit,
// never through a double; nullopt for anything else or beyond ±¥10^12.
std::optional<int64_t> parse_yuan(std::string_view text);

// A whole number ("3", "-1", "2.000"); nullopt for a fraction or anything else.
std::optional<int64_t> parse_whole(std::string_view text);

// A gift flag: 1/是/Y/yes/true/赠/赠品 → true; ""/0/否/N/no/false → false; else nullopt.
std::optional<bool> parse_flag(std::string_view text);

// The fields of a POS row; the import's mapping names the file's column of each.
enum class PosField {
  receipt_no,
  store,  // a store's code, name or id
  sold_at,
  member,  // member number or phone
  line_no,
  counter,
  brand,
  sku,
  name,
  category,
  quantity,
  unit_price,
  line_discount,
  order_discount,  // per receipt (满减), on its first row or repeated on each
  coupon,          // per receipt, the part of the order discount paid with coupons
  points_earned,
  points_used,
  payment,
  promotion,
  gift,
  original_receipt_no,  // on a return row: the receipt it gives back
  original_line_no,
};
inline constexpr std::size_t kPosFieldCount = 22;
inline constexpr std::array<std::string_view, kPosFieldCount> kPosFieldNames{"receipt_no",
                                                                             "store",
                                                                             "sold_at",
                                                                             "member",
                                                                             "line_no",
                                                                             "counter",
                                                                             "brand",
                                                                             "sku",
                                                                             "name",
                                                                             "category",
                                                                             "quantity",
                                                                             "unit_price",
                                                                             "line_discount",
                                                                             "order_discount",
                                                                             "coupon",
                                                                             "points_earned",
                                                                             "points_used",
                                                                             "payment",
                                                                             "promotion",
                                                                             "gift",
                                                                             "original_receipt_no",
                                                                             "original_line_no"};
std::optional<PosField> pos_field(std::string_view name);

// One data row of the file, its cells by field ("" when the file has no such column).
struct PosRow {
  int line = 0;  // the file's line (or XLSX row) number
  std::array<std::string, kPosFieldCount> cells;
  const std::string& operator[](PosField f) const { return cells[static_cast<std::size_t>(f)]; }
  std::string& operator[](PosField f) { return cells[static_cast<std::size_t>(f)]; }
};

// The rows of one receipt, in file order (they need not be next to each other).
struct ReceiptRows {
  std::string store, receipt_no;  // the store cell as written (empty: the mapping's store)
  std::vector<const PosRow*> rows;
};
// Rows grouped by (store cell, receipt number), in the order receipts first appear.
std::vector<ReceiptRows> group_receipts(const std::vector<PosRow>& rows);

// A POS category name → one of ours (category.hpp). A name the source's table does not
// hold, but which is one of our codes or Chinese names, maps to itself; any other is
// `other` and is reported as unmapped.
struct CategoryMapping {
  std::map<std::string, std::string> names;  // the POS's name → our code
  std::string map(const std::string& pos_name, bool& unmapped) const;
};

// The return row's original line, by receipt and line number.
struct PosOriginal {
  std::string receipt_no;
  int line_no = 0;
};

// A receipt's order as the POS describes it; store and member are resolved by the caller.
struct PosOrder {
  Order order;  // source "import"; store_id and member_id not set
  std::string member;
  std::vector<std::optional<PosOriginal>> originals;  // per line
  std::vector<int> file_lines;                        // per line: the row it came from
  std::vector<std::string> unmapped_categories;
};

// Reads the receipt's rows into an order. Order-level cells (time, member, order discount,
// coupon, points, payment, promotion) come from the first row that has them. Line numbers
// come from the line_no column, else the rows' order (1, 2, …). Throws kefu::Error
// (invalid_field naming the field) for a cell that cannot be read: `bad_line` is then the
// row's file line. Does not validate the order (validate.hpp does).
PosOrder read_receipt(const ReceiptRows& receipt, const CategoryMapping& categories, int& bad_line);

}  // namespace kefu::purchase
