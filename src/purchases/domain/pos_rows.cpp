#include "purchases/domain/pos_rows.hpp"

#include <fmt/format.h>

#include "core/domain/errors.hpp"
#include "feedback/domain/social_import.hpp"
#include "purchases/domain/category.hpp"

namespace kefu::purchase {
namespace {

constexpr int64_t kMaxFen = 100'000'000'000'000LL;  // ¥10^12

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Digits with optional thousands commas, then an optional fraction: the value scaled by
// 10^decimals; more fraction digits than that must be zeros.
std::optional<int64_t> scaled(std::string_view s, int decimals) {
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s = trim(s.substr(1));
  }
  for (std::string_view sign : {"¥", "￥"})
    if (starts(s, sign)) s = trim(s.substr(sign.size()));
  if (!s.empty() && s.front() == '-' && !negative) {  // "¥-3.00"
    negative = true;
    s.remove_prefix(1);
  }
  int64_t whole = 0;
  std::size_t i = 0, digits = 0;
  for (; i < s.size() && s[i] != '.'; ++i) {
    if (s[i] == ',') continue;
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    whole = whole * 10 + (s[i] - '0');
    if (whole > kMaxFen) return std::nullopt;
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  int64_t value = whole;
  int taken = 0;
  if (i < s.size()) {
    for (++i; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      if (taken < decimals) {
        value = value * 10 + (s[i] - '0');
        ++taken;
      } else if (s[i] != '0') {
        return std::nullopt;
      }
    }
  }
  for (; taken < decimals; ++taken) value *= 10;
  if (value > kMaxFen) return std::nullopt;
  return negative ? -value : value;
}

[[noreturn]] void bad(PosField f, const std::string& value, const char* zh, const char* en) {
  const std::string field(kPosFieldNames[static_cast<std::size_t>(f)]);
  throw make_error(errors::kInvalidField,
                   {{"field", Text(field)},
                    {"problem", Text(fmt::format("「{}」{}", value, zh), fmt::format("\"{}\" {}", value, en))}},
                   field);
}

int64_t amount(const PosRow& r, PosField f) {
  const auto& v = r[f];
  if (trim(v).empty()) return 0;
  auto fen = parse_yuan(v);
  if (!fen) bad(f, v, "不是金额（元，最多两位小数）", "is not an amount (yuan, at most 2 decimals)");
  return *fen;
}

int64_t whole(const PosRow& r, PosField f, int64_t fallback) {
  const auto& v = r[f];
  if (trim(v).empty()) return fallback;
  auto n = parse_whole(v);
  if (!n || *n > INT32_MAX || *n < INT32_MIN) bad(f, v, "不是整数", "is not a whole number");
  return *n;
}

// The first of the rows with a non-empty cell of `f` (else the first row).
const PosRow& first_with(const ReceiptRows& r, PosField f) {
  for (const auto* row : r.rows)
    if (!trim((*row)[f]).empty()) return *row;
  return *r.rows.front();
}

}  // namespace

std::optional<int64_t> parse_yuan(std::string_view text) { return scaled(trim(text), 2); }

std::optional<int64_t> parse_whole(std::string_view text) { return scaled(trim(text), 0); }

std::optional<bool> parse_flag(std::string_view text) {
  text = trim(text);
  for (std::string_view yes : {"1", "是", "Y", "y", "yes", "YES", "Yes", "true", "TRUE", "True", "赠", "赠品"})
    if (text == yes) return true;
  for (std::string_view no : {"", "0", "否", "N", "n", "no", "NO", "No", "false", "FALSE", "False"})
    if (text == no) return false;
  return std::nullopt;
}

std::optional<PosField> pos_field(std::string_view name) {
  for (std::size_t i = 0; i < kPosFieldCount; ++i)
    if (kPosFieldNames[i] == name) return static_cast<PosField>(i);
  return std::nullopt;
}

std::vector<ReceiptRows> group_receipts(const std::vector<PosRow>& rows) {
  std::vector<ReceiptRows> out;
  std::map<std::pair<std::string, std::string>, std::size_t> at;
  for (const auto& row : rows) {
    std::pair key{std::string(trim(row[PosField::store])), std::string(trim(row[PosField::receipt_no]))};
    auto [it, fresh] = at.try_emplace(key, out.size());
    if (fresh) out.push_back({key.first, key.second, {}});
    out[it->second].rows.push_back(&row);
  }
  return out;
}

std::string CategoryMapping::map(const std::string& pos_name, bool& unmapped) const {
  unmapped = false;
  const std::string name(trim(pos_name));
  if (auto it = names.find(name); it != names.end()) return it->second;
  if (name.empty()) return "other";
  for (const auto& t : kCategories)
    if (name == t.code || name == t.zh) return std::string(t.code);
  unmapped = true;
  return "other";
}

PosOrder read_receipt(const ReceiptRows& receipt, const CategoryMapping& categories, int& bad_line) {
  PosOrder out;
  auto& o = out.order;
  o.receipt_no = receipt.receipt_no;
  o.source = "import";
  const auto order_cell = [&](PosField f) -> const PosRow& {
    const auto& row = first_with(receipt, f);
    bad_line = row.line;
    return row;
  };
  {
    const auto& row = order_cell(PosField::sold_at);
    const auto& v = row[PosField::sold_at];
    auto t = feedback::parse_post_time(trim(v));
    if (!t) bad(PosField::sold_at, v, "不是时间（如 2026-11-30 14:22）", "is not a time (e.g. 2026-11-30 14:22)");
    o.sold_at = *t;
  }
  out.member = std::string(trim(order_cell(PosField::member)[PosField::member]));
  o.order_discount_fen = amount(order_cell(PosField::order_discount), PosField::order_discount);
  o.coupon_fen = amount(order_cell(PosField::coupon), PosField::coupon);
  o.points_earned = whole(order_cell(PosField::points_earned), PosField::points_earned, 0);
  o.points_used = whole(order_cell(PosField::points_used), PosField::points_used, 0);
  o.payment = std::string(trim(order_cell(PosField::payment)[PosField::payment]));
  int next_no = 1;
  for (const auto* row : receipt.rows) {
    const auto& r = *row;
    bad_line = r.line;
    Line l;
    l.line_no = static_cast<int>(whole(r, PosField::line_no, next_no));
    next_no = l.line_no + 1;
    l.counter = std::string(trim(r[PosField::counter]));
    l.brand = std::string(trim(r[PosField::brand]));
    l.sku = std::string(trim(r[PosField::sku]));
    l.name = std::string(trim(r[PosField::name]));
    bool unmapped = false;
    l.category = categories.map(r[PosField::category], unmapped);
    if (unmapped) out.unmapped_categories.emplace_back(trim(r[PosField::category]));
    l.quantity = static_cast<int>(whole(r, PosField::quantity, 1));
    l.unit_price_fen = amount(r, PosField::unit_price);
    l.line_discount_fen = amount(r, PosField::line_discount);
    l.promotion = std::string(trim(r[PosField::promotion]));
    const auto gift = parse_flag(r[PosField::gift]);
    if (!gift) bad(PosField::gift, r[PosField::gift], "不是是/否", "is not yes/no");
    l.gift = *gift;
    std::optional<PosOriginal> original;
    if (auto no = trim(r[PosField::original_receipt_no]); !no.empty())
      original = PosOriginal{std::string(no), static_cast<int>(whole(r, PosField::original_line_no, 0))};
    out.originals.push_back(std::move(original));
    out.file_lines.push_back(r.line);
    o.lines.push_back(std::move(l));
  }
  // An order-level promotion is the first row's when every line has the same one.
  o.promotion = o.lines.front().promotion;
  for (const auto& l : o.lines)
    if (l.promotion != o.promotion) o.promotion.clear();
  bad_line = receipt.rows.front()->line;
  return out;
}

}  // namespace kefu::purchase
