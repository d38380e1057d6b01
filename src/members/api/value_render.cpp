#include "members/api/value_render.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/api/json_io.hpp"
#include "members/api/render.hpp"
#include "purchases/api/render.hpp"
#include "tickets/api/render.hpp"

namespace kefu::api::member_page {
namespace {

using json = nlohmann::json;

// ¥83,200 (whole yuan, thousands separated; amounts are rounded to the yuan for reading).
std::string yuan(int64_t fen) {
  auto y = std::llabs((fen + (fen >= 0 ? 50 : -50)) / 100);
  std::string digits = std::to_string(y), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (fen < 0 ? "-¥" : "¥") + out;
}

double round2(double x) { return std::round(x * 100) / 100; }

json reasons(const people::Risk& r) {
  auto a = json::array();
  for (const auto& x : r.reasons) a.push_back({{"code", x.code}, {"zh", x.zh}, {"en", x.en}});
  return a;
}

json explanation(const app::MemberValue& m) {
  const auto& v = m.value;
  const auto zh = fmt::format("每年约 {:.1f} 次 × 每次 {} × 预期 {:.1f} 年 = {}", v.visits_per_year,
                              yuan(v.spend_per_visit_fen), v.expected_years, yuan(v.clv_fen));
  const auto en = fmt::format("about {:.1f} visits a year × {} a visit × {:.1f} expected years = {}", v.visits_per_year,
                              yuan(v.spend_per_visit_fen), v.expected_years, yuan(v.clv_fen));
  return {{"zh", zh}, {"en", en}};
}

json ticket_row(const ticket::Ticket& t) { return render(t); }

json contact(const storage::ContactRecord& r) {
  return {{"id", r.id},
          {"store_id", r.store_id},
          {"at", r.at},
          {"status", r.status},
          {"label", r.label},
          {"text", r.text},
          {"rating", or_null(r.rating)},
          {"ticket_id", or_null(r.ticket_id)}};
}

json rating(const storage::RatingRecord& r) {
  return {{"kind", r.kind},
          {"id", r.id},
          {"ticket_id", or_null(r.ticket_id)},
          {"store_id", r.store_id},
          {"score", r.score},
          {"comment", r.comment},
          {"at", r.at}};
}

json shares(const std::vector<storage::SpendShare>& v) {
  auto a = json::array();
  for (const auto& s : v) a.push_back({{"key", s.key}, {"paid_fen", s.paid_fen}, {"units", s.units}});
  return a;
}

json totals(const app::PurchaseTotals& t) { return {{"paid_fen", t.paid_fen}, {"visits", t.visits}}; }

template <class T, class F>
json list(const std::vector<T>& v, F f) {
  auto a = json::array();
  for (const auto& x : v) a.push_back(f(x));
  return a;
}

}  // namespace

json value(const app::MemberValue& m) {
  const auto& v = m.value;
  const people::ValueModel model;
  std::optional<std::string> first, last;
  if (v.rhythm.first_day) first = app::day_text(*v.rhythm.first_day);
  if (v.rhythm.last_day) last = app::day_text(*v.rhythm.last_day);
  return {{"clv_fen", v.clv_fen},
          {"clv_if_retained_fen", v.clv_if_retained_fen},
          {"word_of_mouth_fen", v.word_of_mouth_fen},
          {"people_told", model.people_told},
          {"visits", v.rhythm.visits},
          {"first_visit", or_null(first)},
          {"last_visit", or_null(last)},
          {"median_gap_days", or_null(v.rhythm.median_gap_days)},
          {"p25_gap_days", or_null(v.rhythm.p25_gap_days)},
          {"p75_gap_days", or_null(v.rhythm.p75_gap_days)},
          {"silence_days", v.silence_days},
          {"paid_total_fen", v.paid_total_fen},
          {"own_spend_per_visit_fen", v.own_spend_per_visit_fen},
          {"spend_per_visit_fen", v.spend_per_visit_fen},
          {"visits_per_year", round2(v.visits_per_year)},
          {"p_alive", round2(v.p_alive)},
          {"expected_years", round2(v.expected_years)},
          {"prior",
           {{"source", m.store_prior ? "store" : "default"},
            {"visits_per_year", round2(m.prior.visits_per_year)},
            {"spend_per_visit_fen", m.prior.spend_per_visit_fen}}},
          {"model",
           {{"horizon_years", model.horizon_years},
            {"yearly_retention", model.yearly_retention},
            {"prior_years", model.prior_years},
            {"prior_visits", model.prior_visits}}},
          {"explanation", explanation(m)},
          {"at_risk", m.risk.at_risk},
          {"at_risk_fen", m.risk.amount_fen},
          {"reasons", reasons(m.risk)}};
}

json value_summary(const app::MemberValue& m) {
  return {{"clv_fen", m.value.clv_fen},
          {"at_risk", m.risk.at_risk},
          {"at_risk_fen", m.risk.amount_fen},
          {"reasons", reasons(m.risk)}};
}

json overview(const app::MemberOverview& o, const people::Actor& viewer) {
  std::optional<int64_t> last_purchase_at;
  if (!o.recent_purchases.empty()) last_purchase_at = o.recent_purchases.front().sold_at;
  return {{"member", render(o.member, viewer)},
          {"points", o.points},
          {"value", value(o.value)},
          {"purchases",
           {{"last_12_months", totals(o.last_12_months)},
            {"all_time", totals(o.all_time)},
            {"last_visit", or_null(o.last_visit)},
            {"months", list(o.months,
                            [](const app::MonthSpend& m) {
                              return json{{"month", m.month}, {"paid_fen", m.paid_fen}, {"visits", m.visits}};
                            })},
            {"top_categories", shares(o.top_categories)},
            {"top_brands", shares(o.top_brands)},
            {"recent", list(o.recent_purchases, [](const purchase::Order& p) { return purchases_render::order(p); })}}},
          {"tickets", list(o.tickets, ticket_row)},
          {"conversations", list(o.conversations, contact)},
          {"feedback", list(o.feedback, contact)},
          {"ratings", list(o.ratings, rating)}};
}

}  // namespace kefu::api::member_page
