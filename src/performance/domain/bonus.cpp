#include "performance/domain/bonus.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::performance {
namespace {

constexpr int64_t kMaxFen = 100'000'000;  // 1,000,000 元

Error invalid(const std::string& field, Text problem) {
  return make_error(errors::kInvalidField, {{"field", field}, {"problem", std::move(problem)}}, field);
}

void check_fen(int64_t v, const char* name) {
  if (v < 0 || v > kMaxFen)
    throw invalid(std::string("bonus.") + name, Text("金额须为 0 到 100 万元（以分计）", "must be 0 .. 100000000 fen"));
}

std::string score_text(double s) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", s);
  return b;
}

std::string grouped(int64_t fen) {
  const bool neg = fen < 0;
  const int64_t a = neg ? -fen : fen;
  std::string whole = std::to_string(a / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
  char cents[8];
  std::snprintf(cents, sizeof cents, ".%02lld", static_cast<long long>(a % 100));
  return (neg ? "-" : "") + whole + cents;
}

const BonusBand* band_for(const BonusRules& r, std::optional<double> score) {
  if (!score) return nullptr;
  for (const auto& b : r.bands)
    if (*score >= b.min_score) return &b;
  return nullptr;
}

// The pool shared by percent, to the fen (largest remainders, ties in the given order).
std::vector<int64_t> pool_shares(int64_t pool, const std::vector<int>& percents) {
  std::vector<int64_t> out(percents.size(), 0);
  const int64_t total = std::accumulate(percents.begin(), percents.end(), int64_t{0});
  if (total <= 0 || pool <= 0) return out;
  std::vector<int64_t> rem(percents.size());
  int64_t given = 0;
  for (std::size_t i = 0; i < percents.size(); ++i) {
    const auto num = static_cast<__int128>(pool) * percents[i];
    out[i] = static_cast<int64_t>(num / total);
    rem[i] = static_cast<int64_t>(num % total);
    given += out[i];
  }
  std::vector<std::size_t> order(percents.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return rem[a] > rem[b]; });
  for (std::size_t k = 0; given < pool && k < order.size(); ++k, ++given) ++out[order[k]];
  return out;
}

}  // namespace

std::string yuan_zh(int64_t fen) { return grouped(fen) + " 元"; }
std::string yuan_en(int64_t fen) { return (fen < 0 ? "-¥" : "¥") + grouped(fen < 0 ? -fen : fen); }

BonusRules default_bonus_rules() {
  BonusRules r;
  r.bands = {{90, 120}, {80, 100}, {70, 80}, {60, 50}};
  return r;
}

BonusRules normalise_bonus_rules(BonusRules r) {
  check_fen(r.base_fen, "base_fen");
  check_fen(r.pool_fen, "pool_fen");
  check_fen(r.per_praise_fen, "per_praise_fen");
  check_fen(r.per_complaint_fen, "per_complaint_fen");
  check_fen(r.cap_fen, "cap_fen");
  if (r.bands.size() > 10) throw invalid("bonus.bands", Text("档位最多 10 个", "at most 10 bands"));
  for (std::size_t i = 0; i < r.bands.size(); ++i) {
    const auto& b = r.bands[i];
    const std::string at = "bonus.bands[" + std::to_string(i) + "]";
    if (!std::isfinite(b.min_score) || b.min_score < 0 || b.min_score > 100)
      throw invalid(at + ".min_score", Text("分数线须为 0 到 100", "must be 0 .. 100"));
    if (b.percent < 0 || b.percent > 500) throw invalid(at + ".percent", Text("比例须为 0 到 500", "must be 0 .. 500"));
    for (std::size_t j = 0; j < i; ++j)
      if (r.bands[j].min_score == b.min_score)
        throw invalid(at + ".min_score", Text("分数线重复", "the same threshold appears twice"));
  }
  std::stable_sort(r.bands.begin(), r.bands.end(),
                   [](const auto& a, const auto& b) { return a.min_score > b.min_score; });
  return r;
}

std::vector<Bonus> bonuses(const std::vector<BonusInput>& people, const BonusRules& r) {
  std::vector<int> percents;
  for (const auto& p : people) {
    const auto* b = band_for(r, p.score);
    percents.push_back(b ? b->percent : 0);
  }
  const auto shares = r.pool ? pool_shares(r.pool_fen, percents) : std::vector<int64_t>{};
  std::vector<Bonus> out;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const auto& p = people[i];
    Bonus b{.staff_id = p.staff_id, .percent = percents[i]};
    const auto* band = band_for(r, p.score);
    if (!p.score)
      b.why.push_back({"本月无可计分的指标，不计基本奖金", "nothing was measured this month: no base bonus"});
    else if (!band)
      b.why.push_back({"得分 " + score_text(*p.score) + "，未达最低档，基本奖金为 0",
                       "score " + score_text(*p.score) + " is below the lowest band: no base bonus"});
    if (r.pool) {
      b.base_fen = shares[i];
      if (band)
        b.why.push_back({"得分 " + score_text(*p.score) + "，落在 ≥" + score_text(band->min_score) + " 档（" +
                             std::to_string(band->percent) + "%），按比例分得奖金池 " + yuan_zh(r.pool_fen) + " 中的 " +
                             yuan_zh(b.base_fen),
                         "score " + score_text(*p.score) + " is in the ≥" + score_text(band->min_score) + " band (" +
                             std::to_string(band->percent) + "%): a share of " + yuan_en(b.base_fen) + " of the " +
                             yuan_en(r.pool_fen) + " pool"});
    } else {
      b.base_fen = r.base_fen * b.percent / 100;
      if (band)
        b.why.push_back({"得分 " + score_text(*p.score) + "，落在 ≥" + score_text(band->min_score) + " 档：基本奖金 " +
                             yuan_zh(r.base_fen) + " × " + std::to_string(band->percent) + "% = " + yuan_zh(b.base_fen),
                         "score " + score_text(*p.score) + " is in the ≥" + score_text(band->min_score) +
                             " band: base " + yuan_en(r.base_fen) + " × " + std::to_string(band->percent) +
                             "% = " + yuan_en(b.base_fen)});
    }
    b.praise_fen = p.praise * r.per_praise_fen;
    if (p.praise > 0)
      b.why.push_back(
          {"表扬 " + std::to_string(p.praise) + " 次，每次 " + yuan_zh(r.per_praise_fen) + "：+" +
               yuan_zh(b.praise_fen),
           std::to_string(p.praise) + " praise × " + yuan_en(r.per_praise_fen) + ": +" + yuan_en(b.praise_fen)});
    b.deduction_fen = p.upheld * r.per_complaint_fen + p.partly * (r.per_complaint_fen / 2);
    if (p.upheld > 0 || p.partly > 0)
      b.why.push_back(
          {"属实投诉 " + std::to_string(p.upheld) + " 次、部分属实 " + std::to_string(p.partly) + " 次（每次扣 " +
               yuan_zh(r.per_complaint_fen) + "，部分属实扣一半）：-" + yuan_zh(b.deduction_fen),
           std::to_string(p.upheld) + " upheld and " + std::to_string(p.partly) + " partly upheld complaints (" +
               yuan_en(r.per_complaint_fen) + " each, half if partly): -" + yuan_en(b.deduction_fen)});
    int64_t amount = std::max<int64_t>(0, b.base_fen + b.praise_fen - b.deduction_fen);
    if (b.base_fen + b.praise_fen - b.deduction_fen < 0) b.why.push_back({"扣减后不低于 0", "never below zero"});
    if (r.cap_fen > 0 && amount > r.cap_fen) {
      amount = r.cap_fen;
      b.capped = true;
      b.why.push_back({"封顶 " + yuan_zh(r.cap_fen), "capped at " + yuan_en(r.cap_fen)});
    }
    b.amount_fen = amount;
    b.why.push_back({"合计 " + yuan_zh(amount), "total " + yuan_en(amount)});
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace kefu::performance
