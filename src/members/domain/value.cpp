#include "members/domain/value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace kefu::people {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kShanghaiOffsetMs = 8 * 3'600'000;

// The ceil(q·k)-th smallest of k sorted values (nearest rank).
double nearest_rank(const std::vector<double>& sorted, double q) {
  const auto k = static_cast<double>(sorted.size());
  auto rank = static_cast<std::size_t>(std::ceil(q * k));
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

double median(const std::vector<double>& sorted) {
  const auto k = sorted.size();
  return k % 2 ? sorted[k / 2] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
}

double retained_years(const ValueModel& m) {
  double sum = 0, weight = 1;
  for (int t = 0; t < m.horizon_years; ++t, weight *= m.yearly_retention) sum += weight;
  return sum;
}

int64_t fen(double amount) { return static_cast<int64_t>(std::llround(amount)); }

std::string days_text(double d) { return d == std::floor(d) ? fmt::format("{:.0f}", d) : fmt::format("{:.1f}", d); }

}  // namespace

ValuePrior default_prior() { return {12.0, 30'000}; }

int64_t local_day(int64_t ms) {
  const int64_t t = ms + kShanghaiOffsetMs;
  return t >= 0 ? t / kDayMs : -((-t + kDayMs - 1) / kDayMs);
}

Rhythm rhythm_of(const std::vector<PurchaseDay>& days) {
  Rhythm r;
  std::vector<double> gaps;
  for (const auto& d : days) {
    if (d.sales_fen <= 0) continue;
    if (r.last_day) gaps.push_back(static_cast<double>(d.day - *r.last_day));
    if (!r.first_day) r.first_day = d.day;
    r.last_day = d.day;
    ++r.visits;
  }
  if (gaps.empty()) return r;
  std::sort(gaps.begin(), gaps.end());
  r.median_gap_days = median(gaps);
  r.p25_gap_days = nearest_rank(gaps, 0.25);
  r.p75_gap_days = nearest_rank(gaps, 0.75);
  return r;
}

Value value_of(const std::vector<PurchaseDay>& days, const ValuePrior& prior, int64_t now_ms, const ValueModel& m) {
  Value v;
  v.rhythm = rhythm_of(days);
  for (const auto& d : days) v.paid_total_fen += d.paid_fen;
  const int n = v.rhythm.visits;
  const int64_t paid = std::max<int64_t>(v.paid_total_fen, 0);
  if (n > 0) v.own_spend_per_visit_fen = fen(static_cast<double>(paid) / n);
  v.spend_per_visit_fen =
      fen((static_cast<double>(paid) + m.prior_visits * static_cast<double>(prior.spend_per_visit_fen)) /
          (n + m.prior_visits));
  const int64_t today = local_day(now_ms);
  const double years =
      v.rhythm.first_day ? static_cast<double>(std::max<int64_t>(today - *v.rhythm.first_day, 0)) / 365.0 : 0.0;
  const double own_visits = n > 0 ? n - 1 : 0;
  v.visits_per_year = (own_visits + prior.visits_per_year * m.prior_years) / (years + m.prior_years);
  if (v.rhythm.last_day) v.silence_days = std::max<int64_t>(today - *v.rhythm.last_day, 0);
  if (v.visits_per_year > 0 && v.rhythm.last_day) {
    const double gap = 365.0 / v.visits_per_year;
    if (static_cast<double>(v.silence_days) > 2 * gap) v.p_alive = 2 * gap / static_cast<double>(v.silence_days);
  }
  const double kept = retained_years(m);
  v.expected_years = v.p_alive * kept;
  const double per_year = v.visits_per_year * static_cast<double>(v.spend_per_visit_fen);
  v.clv_if_retained_fen = fen(per_year * kept);
  v.clv_fen = fen(per_year * v.expected_years);
  v.word_of_mouth_fen = v.clv_if_retained_fen * m.people_told;
  return v;
}

Risk risk_of(const Value& v, const RiskSignals& s, int64_t now_ms, const ValueModel& m) {
  Risk r;
  if (s.open_complaints > 0)
    r.reasons.push_back({"open_complaint", fmt::format("有 {} 个未办结的投诉", s.open_complaints),
                         s.open_complaints == 1 ? std::string("an open complaint")
                                                : fmt::format("{} open complaints", s.open_complaints)});
  const int64_t since = now_ms - int64_t{m.risk_rating_days} * kDayMs;
  const Rating* worst = nullptr;
  for (const auto& rating : s.ratings) {
    if (rating.at_ms < since) continue;
    const bool bad = rating.kind == "csat" ? rating.score <= 2 : rating.kind == "nps" && rating.score <= 6;
    if (bad && (!worst || rating.at_ms > worst->at_ms)) worst = &rating;
  }
  if (worst) {
    if (worst->kind == "csat")
      r.reasons.push_back({"bad_rating", fmt::format("近 {} 天满意度评分 {} 分", m.risk_rating_days, worst->score),
                           fmt::format("a CSAT of {} in the last {} days", worst->score, m.risk_rating_days)});
    else
      r.reasons.push_back(
          {"bad_rating", fmt::format("近 {} 天净推荐值评分 {} 分（贬损者）", m.risk_rating_days, worst->score),
           fmt::format("an NPS answer of {} (a detractor) in the last {} days", worst->score, m.risk_rating_days)});
  }
  const auto& gap = v.rhythm.median_gap_days;
  const auto silence = static_cast<double>(v.silence_days);
  if (gap && silence > m.lapse_factor * *gap && v.silence_days > m.lapse_min_days)
    r.reasons.push_back({"lapsing", fmt::format("已 {} 天未到店，平时约每 {} 天一次", v.silence_days, days_text(*gap)),
                         fmt::format("no visit for {} days; usually every {} days", v.silence_days, days_text(*gap))});
  r.at_risk = !r.reasons.empty();
  if (r.at_risk) r.amount_fen = v.clv_if_retained_fen;
  return r;
}

int64_t simple_lifetime_value(double visits_per_year, int64_t spend_per_visit_fen, double years) {
  return fen(visits_per_year * static_cast<double>(spend_per_visit_fen) * years);
}

}  // namespace kefu::people
