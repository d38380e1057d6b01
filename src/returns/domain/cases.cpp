// Policy case tables (cases.hpp).
#include "returns/domain/cases.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "core/domain/errors.hpp"
#include "members/domain/member_vocabulary.hpp"

namespace kefu::returns {
namespace {

constexpr int64_t kDayMs = 86'400'000;

[[noreturn]] void bad(const std::string& field, const std::string& zh, const std::string& en) {
  throw make_error(errors::kInvalidField, {{"field", field}, {"problem", Text(zh, en)}}, field);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    auto p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<int64_t> parse_int(std::string_view s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "299", "299.5", "299.50" → fen
std::optional<int64_t> parse_yuan(std::string_view s) {
  auto dot = s.find('.');
  auto whole = parse_int(s.substr(0, dot));
  if (!whole) return std::nullopt;
  if (dot == std::string_view::npos) return *whole * 100;
  auto frac = s.substr(dot + 1);
  if (frac.empty() || frac.size() > 2) return std::nullopt;
  auto f = parse_int(frac);
  if (!f) return std::nullopt;
  return *whole * 100 + (frac.size() == 1 ? *f * 10 : *f);
}

std::optional<bool> yes_no(std::string_view s) {
  if (s == "yes") return true;
  if (s == "no") return false;
  return std::nullopt;
}

const char* const kColumns[] = {"category",  "condition", "days",     "receipt", "quality", "tier",
                                "promotion", "paid",      "decision", "rule",    "refund"};

Case read_row(const std::map<std::string, std::size_t>& at, const std::vector<std::string_view>& cells, int line_no,
              std::size_t index) {
  auto cell = [&](const char* name) -> std::string_view {
    auto it = at.find(name);
    if (it == at.end() || it->second >= cells.size()) return {};
    return trim(cells[it->second]);
  };
  std::string where = "cases[" + std::to_string(index) + "].";
  Case c;
  c.line_no = line_no;
  c.category = cell("category");
  c.condition = cell("condition");
  auto days = parse_int(cell("days"));
  if (!days || *days > kMaxDays) bad(where + "days", "天数应为 0 到 3650 的整数", "days is a whole number 0..3650");
  c.days = static_cast<int>(*days);
  c.receipt = cell("receipt");
  auto quality = yes_no(cell("quality"));
  if (!quality) bad(where + "quality", "质量问题应为 yes 或 no", "quality is yes or no");
  c.quality_issue = *quality;
  c.tier = cell("tier") == "-" ? "normal" : std::string(cell("tier"));
  c.promotion = cell("promotion");
  auto paid = parse_yuan(cell("paid")), refund = parse_yuan(cell("refund"));
  if (!paid) bad(where + "paid", "金额应为元，最多两位小数", "amounts are yuan with at most 2 decimals");
  if (!refund) bad(where + "refund", "金额应为元，最多两位小数", "amounts are yuan with at most 2 decimals");
  c.paid_fen = *paid;
  c.refund_fen = *refund;
  c.decision = cell("decision");
  c.rule_id = cell("rule") == "-" ? "" : std::string(cell("rule"));
  c.note = cell("note");
  validate_case(c, index);
  return c;
}

std::string yuan(int64_t fen) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(fen / 100), static_cast<long long>(fen % 100));
  return buf;
}

template <class V>
std::string zh_of(const std::string& code) {
  auto v = V::parse(code);
  return v ? std::string(v->zh()) : code;
}

Words describe(const Case& c) {
  std::string receipt_zh = c.receipt == "yes" ? "有小票" : c.receipt == "record" ? "系统有购买记录" : "无小票";
  return {zh_of<Category>(c.category) + "，" + zh_of<Condition>(c.condition) + "，第 " + std::to_string(c.days) +
              " 天，" + receipt_zh + "，" + (c.quality_issue ? "质量问题" : "非质量问题") + "，" +
              zh_of<people::Tier>(c.tier) + "，" + zh_of<Promotion>(c.promotion) + "，实付 " + yuan(c.paid_fen) + " 元",
          c.category + ", " + c.condition + ", day " + std::to_string(c.days) + ", receipt " + c.receipt +
              ", quality " + (c.quality_issue ? "yes" : "no") + ", " + c.tier + ", " + c.promotion + ", paid " +
              yuan(c.paid_fen)};
}

std::string outcome_en(const std::string& decision, const std::string& rule, int64_t refund) {
  return decision + " by " + (rule.empty() ? "no rule" : rule) + ", refund " + yuan(refund);
}

}  // namespace

void validate_case(const Case& c, std::size_t index) {
  std::string where = "cases[" + std::to_string(index) + "].";
  auto enum_check = [&](bool ok, const char* col, const std::string& v) {
    if (!ok) throw make_error(errors::kInvalidEnum, {{"field", where + col}, {"value", v}}, where + col);
  };
  enum_check(Category::parse(c.category).has_value(), "category", c.category);
  enum_check(Condition::parse(c.condition).has_value(), "condition", c.condition);
  enum_check(c.receipt == "yes" || c.receipt == "no" || c.receipt == "record", "receipt", c.receipt);
  enum_check(people::Tier::parse(c.tier).has_value(), "tier", c.tier);
  enum_check(Promotion::parse(c.promotion).has_value(), "promotion", c.promotion);
  enum_check(Decision::parse(c.decision).has_value(), "decision", c.decision);
  if (c.days < 0 || c.days > kMaxDays) bad(where + "days", "天数应为 0 到 3650", "days is 0..3650");
  if (c.paid_fen < 0 || c.refund_fen < 0) bad(where + "paid", "金额不能为负", "amounts cannot be negative");
}

std::vector<Case> parse_cases(std::string_view tsv) {
  std::vector<Case> out;
  std::map<std::string, std::size_t> at;
  int line_no = 0;
  for (auto line : split(tsv, '\n')) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    auto cells = split(line, '\t');
    if (at.empty()) {
      for (std::size_t i = 0; i < cells.size(); ++i) at[std::string(trim(cells[i]))] = i;
      for (const char* col : kColumns)
        if (!at.count(col)) bad("cases", std::string("缺少列 ") + col, std::string("missing column ") + col);
      continue;
    }
    out.push_back(read_row(at, cells, line_no, out.size()));
  }
  return out;
}

CaseResult run_case(const Policy& policy, const Case& c, int64_t now_ms) {
  Line line;
  line.category = c.category;
  line.promotion = c.promotion;
  line.paid_fen = c.paid_fen;
  line.purchased_at = now_ms - static_cast<int64_t>(c.days) * kDayMs;
  line.on_record = c.receipt == "record";
  Request req;
  req.condition = c.condition;
  req.quality_issue = c.quality_issue;
  req.receipt = c.receipt == "yes";
  CaseResult r;
  r.got = decide(policy, req, line, {}, c.tier, now_ms);
  r.pass = r.got.decision == c.decision && r.got.rule_id == c.rule_id && r.got.refund.amount_fen == c.refund_fen;
  r.story = describe(c);
  if (!r.pass) {
    auto want_zh = zh_of<Decision>(c.decision) + "（" + (c.rule_id.empty() ? "无规则" : c.rule_id) + "），退款 " +
                   yuan(c.refund_fen) + " 元";
    auto got_zh = zh_of<Decision>(r.got.decision) + "（" + (r.got.rule_id.empty() ? "无规则" : r.got.rule_id) +
                  "），退款 " + yuan(r.got.refund.amount_fen) + " 元";
    r.story.zh += "：应为" + want_zh + "，实际为" + got_zh;
    r.story.en += ": expected " + outcome_en(c.decision, c.rule_id, c.refund_fen) + ", got " +
                  outcome_en(r.got.decision, r.got.rule_id, r.got.refund.amount_fen);
  }
  return r;
}

}  // namespace kefu::returns
