#include "feedback/app/nps_report.hpp"

#include <algorithm>
#include <cstdio>

#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/storage/nps_store.hpp"

namespace kefu::app {
namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;
constexpr int64_t kShanghaiMs = 8LL * 3600 * 1000;  // UTC+8, no daylight saving
constexpr int64_t kMaxDays = 400;

// Days since 1970-01-01 → year, month, day (Howard Hinnant's civil_from_days).
void civil(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

// "2026-11" for a month, the Monday "2026-11-16" for a week, in Asia/Shanghai.
std::string period_key(int64_t ms, const std::string& period) {
  int64_t day = (ms + kShanghaiMs) / kDayMs;
  if (ms + kShanghaiMs < 0 && (ms + kShanghaiMs) % kDayMs) --day;
  if (period == "week") day -= ((day % 7) + 10) % 7;  // 1970-01-01 was a Thursday
  int y = 0, m = 0, d = 0;
  civil(day, y, m, d);
  char buf[48];
  if (period == "week")
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

struct Tally {
  feedback::NpsCounts counts;
  int64_t invited = 0, sent = 0;
  void add(const feedback::Invitation& v) {
    ++invited;
    if (v.expires_at != 0) ++sent;
    if (v.category == "promoter") ++counts.promoters;
    if (v.category == "passive") ++counts.passives;
    if (v.category == "detractor") ++counts.detractors;
  }
  NpsFigure figure() const {
    NpsFigure f;
    f.counts = counts;
    f.estimate = feedback::estimate_nps(counts);
    f.minimum_sample = feedback::minimum_sample(kNpsTrustMargin, feedback::observed_split(counts));
    f.trusted = counts.total() > 0 && feedback::trusted(f.estimate, kNpsTrustMargin);
    f.invited = invited;
    f.sent = sent;
    f.answered = counts.total();
    f.response_rate = sent ? static_cast<double>(f.answered) / static_cast<double>(sent) : 0;
    return f;
  }
};

}  // namespace

NpsReport nps_report(Context& c, const NpsReportQuery& q) {
  require_role(c.actor, "agent");
  require_scope(c.actor, "feedback:read");
  if (q.from <= 0 || q.to <= q.from || q.to - q.from > kMaxDays * kDayMs)
    throw make_error(errors::kInvalidRange, {{"days", kMaxDays}}, "from");
  if (q.period != "week" && q.period != "month")
    throw make_error(errors::kInvalidEnum, {{"field", "period"}, {"value", q.period}, {"allowed", "week, month"}},
                     "period");
  storage::NpsFilter f;
  if (q.store_id) {
    if (!c.actor.in_store(*q.store_id)) throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    f.store_ids = {*q.store_id};
  } else if (!c.actor.is_admin()) {
    f.store_ids = c.actor.store_ids;
    if (f.store_ids.empty()) return NpsReport{Tally{}.figure(), {}, {}, {}};
  }
  f.from = q.from;
  f.to = q.to;
  f.member_tier = q.member_tier;
  f.campaign_id = q.campaign_id;

  Tally all;
  std::map<int64_t, Tally> stores;
  std::map<std::string, Tally> periods;
  std::map<std::string, NpsTopicCount> topics;
  for (const auto& v : c.store<storage::NpsStore>().invitations(f)) {
    all.add(v);
    stores[v.store_id].add(v);
    periods[period_key(v.sent_at, q.period)].add(v);
    if (v.reason.empty() || (v.category != "promoter" && v.category != "detractor")) continue;
    auto& t = topics[v.topic];
    t.topic = v.topic;
    (v.category == "promoter" ? t.promoters : t.detractors) += 1;
  }
  NpsReport r;
  r.overall = all.figure();
  for (const auto& [id, t] : stores) r.by_store.emplace_back(id, t.figure());
  for (const auto& [key, t] : periods) r.by_period.emplace_back(key, t.figure());
  for (const auto& [_, t] : topics) r.reasons.push_back(t);
  std::stable_sort(r.reasons.begin(), r.reasons.end(), [](const NpsTopicCount& a, const NpsTopicCount& b) {
    return a.promoters + a.detractors > b.promoters + b.detractors;
  });
  return r;
}

}  // namespace kefu::app
