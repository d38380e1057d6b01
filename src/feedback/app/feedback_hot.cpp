#include "feedback/app/feedback_hot.hpp"

#include <algorithm>
#include <map>

#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/domain/hot_days.hpp"
#include "feedback/domain/local_days.hpp"
#include "feedback/storage/feedback_stats_store.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

using StoreMap = std::map<int64_t, people::Store>;

StoreMap all_stores(Context& c) {
  StoreMap out;
  for (auto& s : c.store<storage::OrgStore>().stores()) out[s.id] = s;
  return out;
}

const std::string& zone_of(const StoreMap& stores, int64_t id) {
  static const std::string kDefault = "Asia/Shanghai";
  auto it = stores.find(id);
  return it == stores.end() ? kDefault : it->second.timezone;
}

struct DayScan {
  std::vector<feedback::DailySeries> series;
  feedback::SpikeScan scan;
};

// Every store's series up to `day` (each store's local day), tested together.
DayScan scan_day(Context& c, const StoreMap& stores, sys_days day, const feedback::SpikeRules& rules) {
  auto& stats = c.store<storage::FeedbackStatsStore>();
  const sys_days from = day - days{rules.window_days};
  // Wide enough for every zone (UTC−12 … UTC+14); the local days sort it out.
  const int64_t lo = feedback::day_start(from, "UTC") - feedback::kDayMs;
  const int64_t hi = feedback::day_start(day + days{1}, "UTC") + feedback::kDayMs;
  const auto quarters = stats.topic_quarters({{}, lo, hi});
  std::map<int64_t, sys_days> first;
  for (const auto& [id, ms] : stats.first_said({})) first[id] = feedback::local_day(ms, zone_of(stores, id));
  const feedback::DayOfStore day_of = [&stores](int64_t id, int64_t ms) {
    return feedback::local_day(ms, zone_of(stores, id));
  };
  DayScan out;
  out.series = feedback::daily_series(quarters, first, from, day, day_of);
  out.scan = feedback::find_spikes(out.series, day, rules);
  return out;
}

std::string topic_name(const std::vector<feedback::Topic>& topics, const std::string& code) {
  for (const auto& t : topics)
    if (t.code == code) return t.name;
  return code;
}

std::vector<int64_t> history_of(const DayScan& s, const feedback::Spike& spike, sys_days day, int window) {
  std::vector<int64_t> out(static_cast<size_t>(window + 1), 0);
  for (const auto& series : s.series) {
    if (series.store != spike.store || series.topic != spike.topic) continue;
    for (int i = 0; i <= window; ++i) {
      const auto at = (day - days{window - i} - series.first_day).count();
      if (at >= 0 && at < static_cast<int64_t>(series.counts.size())) out[static_cast<size_t>(i)] = series.counts[at];
    }
  }
  return out;
}

// The issue as the board and the notice show it: the day's bounds, history and items.
HotIssue issue_of(Context& c, const StoreMap& stores, const std::vector<feedback::Topic>& topics, const DayScan& s,
                  const feedback::Spike& spike, sys_days day, const feedback::SpikeRules& rules) {
  HotIssue h;
  h.spike = spike;
  h.store_id = std::stoll(spike.store);
  const auto& zone = zone_of(stores, h.store_id);
  auto st = stores.find(h.store_id);
  h.store_name = st == stores.end() ? spike.store : st->second.name;
  h.topic_name = topic_name(topics, spike.topic);
  h.from = feedback::day_start(day, zone);
  h.to = feedback::day_start(day + days{1}, zone);
  h.history_from = feedback::day_text(day - days{rules.window_days});
  h.history = history_of(s, spike, day, rules.window_days);
  storage::FeedbackFilter f;
  f.store_ids = {h.store_id};
  f.from = h.from;
  f.to = h.to;
  f.topic = spike.topic;
  f.limit = kHotItemIds;
  for (auto& item : c.store<storage::FeedbackStore>().list_items(f)) {
    h.item_ids.push_back(item.id);
    if (static_cast<int>(h.examples.size()) < kHotExamples) h.examples.push_back(std::move(item));
  }
  return h;
}

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

Notice hot_notice(const HotIssue& h, const std::string& day) {
  Notice n;
  n.kind = "feedback_hot";
  n.title = "热点问题：" + h.store_name + "「" + h.topic_name + "」" + day + " 已有 " +
            std::to_string(h.spike.observed) + " 条反馈";
  n.body = h.store_name + " 今天（" + day + "）关于「" + h.topic_name + "」的反馈已有 " +
           std::to_string(h.spike.observed) + " 条，按此前 28 天的规律通常约 " + fixed1(h.spike.expected) + " 条（" +
           fixed1(h.spike.ratio) + " 倍）。\n\n顾客原话：\n";
  for (const auto& e : h.examples) n.body += "· " + e.text + "\n";
  n.body += "\n请在「反馈 → 热点问题」查看，并考虑创建整改措施。";
  n.data = {
      {"store_id", h.store_id},       {"topic", h.spike.topic},     {"day", day},     {"observed", h.spike.observed},
      {"expected", h.spike.expected}, {"q_value", h.spike.q_value}, {"from", h.from}, {"to", h.to}};
  return n;
}

}  // namespace

std::vector<int64_t> feedback_stats_stores(Context& c, std::optional<int64_t> store_id) {
  require_role(c.actor, "supervisor");
  require_scope(c.actor, "feedback:read");
  if (store_id) {
    if (!c.actor.in_store(*store_id) || !c.store<storage::OrgStore>().store_exists(*store_id))
      throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    return {*store_id};
  }
  std::vector<int64_t> out;
  for (const auto& s : c.store<storage::OrgStore>().stores())
    if (c.actor.in_store(s.id)) out.push_back(s.id);
  return out;
}

HotBoard hot_issues(Context& c, const HotQuery& q) {
  const auto readable = feedback_stats_stores(c, q.store_id);
  const auto stores = all_stores(c);
  sys_days day{};
  if (!q.day.empty()) {
    const auto parsed = feedback::parse_day(q.day);
    if (!parsed)
      throw make_error(errors::kInvalidField,
                       {{"field", "day"}, {"problem", Text("应为 YYYY-MM-DD", "use YYYY-MM-DD")}}, "day");
    day = *parsed;
  } else {
    day = feedback::local_day(c.now_ms, zone_of(stores, readable.empty() ? 0 : readable.front()));
  }
  HotBoard board;
  board.day = feedback::day_text(day);
  const auto s = scan_day(c, stores, day, board.rules);
  board.tested = s.scan.tested;
  board.too_little_data = s.scan.too_little_data;
  board.overdispersion = s.scan.overdispersion;
  const auto notices = c.store<storage::FeedbackStatsStore>().notices("hot", readable, board.day, board.day);
  const auto topics = list_topics(c);
  for (const auto& spike : s.scan.spikes) {
    const int64_t id = std::stoll(spike.store);
    if (std::find(readable.begin(), readable.end(), id) == readable.end()) continue;
    auto h = issue_of(c, stores, topics, s, spike, day, board.rules);
    h.notified = std::any_of(notices.begin(), notices.end(),
                             [&](const auto& n) { return n.store_id == id && n.topic == spike.topic; });
    board.issues.push_back(std::move(h));
  }
  return board;
}

std::vector<HotNotice> untold_hot_issues(Context& c) {
  const auto stores = all_stores(c);
  std::map<sys_days, std::vector<int64_t>> by_day;  // each store's today
  for (const auto& [id, s] : stores) by_day[feedback::local_day(c.now_ms, s.timezone)].push_back(id);
  const feedback::SpikeRules rules;
  const auto topics = list_topics(c);
  std::vector<HotNotice> out;
  for (const auto& [day, ids] : by_day) {
    const auto text = feedback::day_text(day);
    const auto s = scan_day(c, stores, day, rules);
    const auto told = c.store<storage::FeedbackStatsStore>().notices("hot", ids, text, text);
    for (const auto& spike : s.scan.spikes) {
      const int64_t id = std::stoll(spike.store);
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) continue;
      if (std::any_of(told.begin(), told.end(),
                      [&](const auto& n) { return n.store_id == id && n.topic == spike.topic; }))
        continue;
      out.push_back({issue_of(c, stores, topics, s, spike, day, rules), text});
    }
  }
  return out;
}

int tell_hot_issues(Context& c, const std::vector<HotNotice>& notices) {
  auto& org = c.store<storage::OrgStore>();
  auto& stats = c.store<storage::FeedbackStatsStore>();
  int told = 0;
  for (const auto& n : notices) {
    std::vector<int64_t> to;
    for (const char* role : {"supervisor", "manager"})
      for (const auto& p : org.staff_in_store(n.issue.store_id, role)) to.push_back(p.id);
    if (!stats.record_notice(
            {"hot", n.issue.store_id, n.issue.spike.topic, n.day, c.now_ms, static_cast<int64_t>(to.size())}))
      continue;
    notify(c, to, hot_notice(n.issue, n.day));
    ++told;
  }
  return told;
}

int notify_hot_issues(Context& c) { return tell_hot_issues(c, untold_hot_issues(c)); }

}  // namespace kefu::app
