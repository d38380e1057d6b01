#include "members/app/member_value.hpp"

#include <algorithm>
#include <map>

#include "core/app/scope.hpp"
#include "core/domain/errors.hpp"
#include "members/app/members.hpp"
#include "members/storage/member_history_store.hpp"

namespace kefu::app {
namespace {

constexpr int64_t kYearMs = 365LL * 86'400'000;

people::RiskSignals signals_of(int open_complaints, const std::vector<storage::RatingRecord>& ratings) {
  people::RiskSignals s;
  s.open_complaints = open_complaints;
  for (const auto& r : ratings) s.ratings.push_back({r.kind, r.score, r.at});
  return s;
}

struct Prior {
  people::ValuePrior prior;
  bool from_store = false;
};

Prior prior_of(Context& c, int64_t store_id) {
  Prior p;
  p.prior = store_prior(c, store_id, &p.from_store);
  return p;
}

MemberValue assess(Context& c, const Prior& prior, const std::vector<people::PurchaseDay>& days,
                   const people::RiskSignals& signals) {
  MemberValue v;
  v.prior = prior.prior;
  v.store_prior = prior.from_store;
  v.value = people::value_of(days, v.prior, c.now_ms);
  v.risk = people::risk_of(v.value, signals, c.now_ms);
  return v;
}

int64_t rating_window_start(const Context& c) {
  return c.now_ms - int64_t{people::ValueModel{}.risk_rating_days} * 86'400'000;
}

}  // namespace

people::ValuePrior store_prior(Context& c, int64_t store_id, bool* from_store) {
  if (from_store) *from_store = false;
  if (!store_id) return people::default_prior();
  const auto a = c.store<storage::MemberHistoryStore>().store_activity(store_id, c.now_ms - kYearMs);
  if (a.members < kMinPriorMembers || a.visits <= 0) return people::default_prior();
  if (from_store) *from_store = true;
  return {static_cast<double>(a.visits) / static_cast<double>(a.members), std::max<int64_t>(a.paid_fen, 0) / a.visits};
}

namespace {

MemberValue value_from(Context& c, const people::Member& m, const std::vector<people::PurchaseDay>& days,
                       bool exclude_open_complaint) {
  auto& h = c.store<storage::MemberHistoryStore>();
  const storage::MemberSet one{.member_id = m.id};
  int open = 0;
  for (const auto& [member, n] : h.open_complaints(one)) open = n;
  if (exclude_open_complaint && open > 0) --open;
  return assess(c, prior_of(c, m.home_store_id), days, signals_of(open, h.ratings(one, rating_window_start(c))));
}

}  // namespace

MemberValue value_of_member(Context& c, const people::Member& m, bool exclude_open_complaint) {
  auto days = c.store<storage::MemberHistoryStore>().purchase_days({.member_id = m.id});
  return value_from(c, m, days.empty() ? std::vector<people::PurchaseDay>{} : days.front().days,
                    exclude_open_complaint);
}

MemberValue value_of_member(Context& c, const people::Member& m, const std::vector<people::PurchaseDay>& days) {
  return value_from(c, m, days, false);
}

MemberValue member_value(Context& c, int64_t member_id) {
  const auto m = get_member(c, member_id);
  return value_of_member(c, m);
}

ValueAtRiskReport value_at_risk_report(Context& c, std::optional<int64_t> store_id, int limit) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "members:read");
  storage::MemberSet set;
  if (store_id) {
    if (!c.actor.in_store(*store_id)) throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    set.home_store_ids = {*store_id};
  } else if (!c.actor.is_admin()) {
    set.home_store_ids = c.actor.store_ids;
    if (set.home_store_ids.empty()) return {};
  }
  auto& h = c.store<storage::MemberHistoryStore>();
  std::map<int64_t, std::vector<people::PurchaseDay>> days;
  for (auto& d : h.purchase_days(set)) days[d.member_id] = std::move(d.days);
  std::map<int64_t, int> open;
  for (const auto& [member, n] : h.open_complaints(set)) open[member] = n;
  std::map<int64_t, std::vector<storage::RatingRecord>> ratings;
  for (auto& r : h.ratings(set, rating_window_start(c))) ratings[r.member_id].push_back(std::move(r));
  ValueAtRiskReport report;
  std::map<std::string, int> reasons;
  std::map<int64_t, Prior> priors;  // per home store: one query each
  for (auto& m : h.members(set)) {
    ++report.members_checked;
    auto prior = priors.find(m.home_store_id);
    if (prior == priors.end()) prior = priors.emplace(m.home_store_id, prior_of(c, m.home_store_id)).first;
    auto v = assess(c, prior->second, days[m.id], signals_of(open[m.id], ratings[m.id]));
    if (!v.risk.at_risk) continue;
    report.total_fen += v.risk.amount_fen;
    for (const auto& r : v.risk.reasons) ++reasons[r.code];
    report.members.push_back({std::move(m), std::move(v)});
  }
  std::stable_sort(report.members.begin(), report.members.end(),
                   [](const auto& a, const auto& b) { return a.value.risk.amount_fen > b.value.risk.amount_fen; });
  if (static_cast<int>(report.members.size()) > limit) report.members.resize(static_cast<std::size_t>(limit));
  report.reasons.assign(reasons.begin(), reasons.end());
  std::stable_sort(report.reasons.begin(), report.reasons.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return report;
}

}  // namespace kefu::app
