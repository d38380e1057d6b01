#include "reports/app/metrics.hpp"

#include <date/tz.h>

#include <algorithm>
#include <functional>

#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"
#include "reports/domain/period.hpp"
#include "reports/storage/report_store.hpp"
#include "tickets/domain/vocabulary.hpp"

namespace kefu::app {
namespace {

constexpr int kMaxDays = 366;
constexpr int kDefaultDays = 30;

struct Scope {
  std::vector<int64_t> stores;  // empty = every store (admins)
  std::string zone = "Asia/Shanghai";
  bool nothing = false;  // a caller without stores
};

Scope scope_of(Context& c, std::optional<int64_t> store_id) {
  require_scope(c.actor, "reports:read");
  require_role(c.actor, "supervisor");
  auto& org = c.store<storage::OrgStore>();
  Scope s;
  if (store_id) {
    if (!c.actor.in_store(*store_id) || !org.store_exists(*store_id))
      throw make_error(errors::kNotFound, {{"what", Text("门店", "store")}});
    s.stores = {*store_id};
  } else if (!c.actor.is_admin()) {
    s.stores = c.actor.store_ids;
    s.nothing = s.stores.empty();
  }
  std::optional<people::Store> first;
  if (!s.stores.empty()) {
    first = org.store(s.stores.front());
  } else {
    auto all = org.stores();
    if (!all.empty()) first = all.front();
  }
  if (first && !first->timezone.empty()) s.zone = first->timezone;
  return s;
}

int today(const Context& c, const std::string& zone) {
  return reports::days_of(reports::local_day_hour(c.now_ms, zone).day);
}

struct Period {
  int from = 0, to = 0;  // days since the epoch, inclusive
  int length() const { return to - from + 1; }
  Period previous() const { return {from - length(), from - 1}; }
};

int parse_day(const std::string& text, const char* field) {
  auto d = reports::parse_date(text);
  if (!d) throw make_error(errors::kInvalidDate, {{"what", Text(field, field)}}, field);
  return *d;
}

Period period_of(const Context& c, const std::string& from, const std::string& to, const std::string& zone) {
  Period p;
  p.to = to.empty() ? today(c, zone) : parse_day(to, "to");
  p.from = from.empty() ? p.to - kDefaultDays + 1 : parse_day(from, "from");
  if (p.from > p.to || p.length() > kMaxDays) throw make_error(errors::kInvalidRange, {{"days", kMaxDays}}, "to");
  return p;
}

int64_t midnight_ms(int days, const std::string& zone) {
  using namespace std::chrono;
  const auto* tz = date::locate_zone(zone);
  auto local = date::local_days{date::days{days}};
  return duration_cast<milliseconds>(tz->to_sys(local, date::choose::earliest).time_since_epoch()).count();
}

storage::RollupQuery rollup_query(const std::string& dim, int from_day, int to_day, const Scope& s,
                                  storage::RollupQuery::Group g) {
  return {.dim = dim, .from_day = from_day, .to_day = to_day, .store_ids = s.stores, .group = g};
}

// The rollup rows of `dim` over the period, summed per group. Grouped by key or store, the
// whole months come from the monthly buckets (rollup.hpp); by day, from the daily ones.
std::vector<storage::RollupRow> read_rollups(storage::ReportStore& store, const std::string& dim, Period p,
                                             const Scope& s, storage::RollupQuery::Group g) {
  using G = storage::RollupQuery::Group;
  if (g == G::day || g == G::day_key)
    return store.rollup_rows(rollup_query(dim, reports::yyyymmdd(p.from), reports::yyyymmdd(p.to), s, g));
  const auto split = reports::month_split(p.from, p.to);
  std::map<std::pair<std::string, int64_t>, reports::Measures> sums;
  auto add = [&](const std::string& d, int from, int to) {
    if (from > to) return;
    for (const auto& r : store.rollup_rows(rollup_query(d, from, to, s, g))) sums[{r.key, r.store_id}].add(r.m);
  };
  add(dim, split.head_from, split.head_to);
  add(reports::monthly(dim), split.month_from, split.month_to);
  add(dim, split.tail_from, split.tail_to);
  std::vector<storage::RollupRow> out;
  for (const auto& [k, m] : sums) out.push_back({.key = k.first, .store_id = k.second, .m = m});
  return out;
}

reports::Measures sum(const std::vector<storage::RollupRow>& rows) {
  reports::Measures m;
  for (const auto& r : rows) m.add(r.m);
  return m;
}

Drill period_drill(int from, int to, const std::string& zone, std::optional<int64_t> store_id) {
  Drill d{{"created_from", std::to_string(midnight_ms(from, zone))},
          {"created_to", std::to_string(midnight_ms(to + 1, zone))}};
  if (store_id) d["store_id"] = std::to_string(*store_id);
  return d;
}

// The row's own ticket-list filter; false when the list cannot express it.
bool add_key_filter(Drill& d, const std::string& by, const std::string& key) {
  if (by == "type" || by == "channel" || by == "priority") d[by] = key;
  if (by == "category") d["category"] = key;
  if (by == "complaint_cause") d["type"] = "complaint", d["category"] = key;
  if (by == "store") d["store_id"] = key;
  if (by == "department" || by == "staff") {
    if (key.empty()) return false;
    d[by == "staff" ? "owner_id" : "department_id"] = key;
  }
  return true;
}

template <class T>
std::string vocab_label(const std::string& key) {
  auto v = T::parse(key);
  return v ? std::string(v->zh()) : key;
}

// Labels of a dimension's keys, read once per request (one query per dimension).
class Labels {
 public:
  Labels(Context& c, const std::string& by, const std::vector<storage::RollupRow>& rows, bool by_store) : by_(by) {
    if (by != "store" && by != "department" && by != "staff") return;
    std::vector<int64_t> ids;
    for (const auto& r : rows) {
      if (by_store)
        ids.push_back(r.store_id);
      else if (!r.key.empty())
        ids.push_back(std::stoll(r.key));
    }
    for (auto& [id, name] : c.store<storage::ReportStore>().names(by, ids)) names_[std::to_string(id)] = name;
  }

  std::string operator()(const std::string& key) const {
    if (by_ == "type") return vocab_label<ticket::Type>(key);
    if (by_ == "channel") return vocab_label<ticket::Channel>(key);
    if (by_ == "priority") return vocab_label<ticket::Priority>(key);
    if (by_ == "department" && key.empty()) return "未分配部门";
    if (by_ == "staff" && key.empty()) return "未认领";
    if ((by_ == "category" || by_ == "complaint_cause") && key.empty()) return "未分类";
    auto it = names_.find(key);
    return it == names_.end() ? key : it->second;
  }

 private:
  std::string by_;
  std::map<std::string, std::string> names_;
};

const std::vector<std::string>& by_codes() {
  static const std::vector<std::string> v{"total", "day",  "week",    "month",    "store",    "department",
                                          "staff", "type", "channel", "priority", "category", "complaint_cause"};
  return v;
}

// Rows of a period dimension: days grouped into the period's keys, chronological.
void period_rows(Metrics& out, const std::vector<storage::RollupRow>& days, Period p, const std::string& by,
                 const std::string& zone, std::optional<int64_t> store_id) {
  std::function<std::string(int)> key_of = by == "day"    ? std::function<std::string(int)>(reports::date_text)
                                           : by == "week" ? std::function<std::string(int)>(reports::iso_week)
                                                          : std::function<std::string(int)>(reports::month);
  std::map<std::string, reports::Measures> by_key;
  for (const auto& r : days) by_key[key_of(reports::days_of(r.day))].add(r.m);
  // Every period of the range, empty ones too, clipped to the range for the drill.
  std::string last;
  for (int d = p.from; d <= p.to; ++d) {
    auto key = key_of(d);
    if (key == last) {
      out.rows.back().drill->at("created_to") = std::to_string(midnight_ms(d + 1, zone));
      continue;
    }
    last = key;
    MetricsRow row{.key = key, .label = key, .m = by_key[key]};
    row.drill = period_drill(d, d, zone, store_id);
    out.rows.push_back(std::move(row));
  }
}

}  // namespace

Metrics report_metrics(Context& c, const MetricsQuery& q) {
  if (std::find(by_codes().begin(), by_codes().end(), q.by) == by_codes().end())
    throw make_error(errors::kInvalidField,
                     {{"field", "by"},
                      {"problem", Text("应为 total、day、week、month、store、department、staff、type、channel、"
                                       "priority、category 或 complaint_cause",
                                       "must be total, day, week, month, store, department, staff, type, channel, "
                                       "priority, category or complaint_cause")}},
                     "by");
  const Scope s = scope_of(c, q.store_id);
  const Period p = period_of(c, q.from, q.to, s.zone), prev = p.previous();
  Metrics out{.from = reports::date_text(p.from),
              .to = reports::date_text(p.to),
              .previous_from = reports::date_text(prev.from),
              .previous_to = reports::date_text(prev.to),
              .by = q.by};
  out.drill = period_drill(p.from, p.to, s.zone, q.store_id);
  if (s.nothing) return out;
  using G = storage::RollupQuery::Group;
  auto& store = c.store<storage::ReportStore>();
  const bool periods = q.by == "day" || q.by == "week" || q.by == "month";
  const std::string dim = periods || q.by == "total" || q.by == "store" ? "all" : q.by;
  const G group = periods ? G::day : q.by == "store" ? G::store : G::key;
  auto now_rows = read_rollups(store, dim, p, s, group);
  auto prev_rows = read_rollups(store, dim, prev, s, group);
  // Totals come from the "all" dimension (complaint_cause covers complaints only).
  if (dim == "all") {
    out.totals = sum(now_rows);
    out.previous_totals = sum(prev_rows);
  } else {
    out.totals = sum(read_rollups(store, "all", p, s, G::key));
    out.previous_totals = sum(read_rollups(store, "all", prev, s, G::key));
  }
  if (q.by == "total") {
    out.rows.push_back(
        {.key = "total", .label = "合计", .m = out.totals, .previous = out.previous_totals, .drill = out.drill});
    return out;
  }
  if (periods) {
    period_rows(out, now_rows, p, q.by, s.zone, q.store_id);
    return out;
  }
  auto key_of = [&](const storage::RollupRow& r) { return q.by == "store" ? std::to_string(r.store_id) : r.key; };
  std::map<std::string, reports::Measures> previous;
  for (const auto& r : prev_rows) previous[key_of(r)] = r.m;
  const Labels label_of(c, q.by, now_rows, q.by == "store");
  for (const auto& r : now_rows) {
    MetricsRow row{.key = key_of(r), .m = r.m};
    row.label = label_of(row.key);
    if (auto it = previous.find(row.key); it != previous.end())
      row.previous = it->second;
    else
      row.previous = reports::Measures{};
    Drill d = out.drill;
    if (add_key_filter(d, q.by, row.key)) row.drill = std::move(d);
    out.rows.push_back(std::move(row));
  }
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const MetricsRow& a, const MetricsRow& b) {
    return a.m.contacts != b.m.contacts ? a.m.contacts > b.m.contacts : a.key < b.key;
  });
  return out;
}

reports::Measures report_totals(Context& c, const std::string& from, const std::string& to,
                                std::optional<int64_t> store_id) {
  const Scope s = scope_of(c, store_id);
  if (s.nothing) return {};
  const Period p = period_of(c, from, to, s.zone);
  return sum(read_rollups(c.store<storage::ReportStore>(), "all", p, s, storage::RollupQuery::Group::key));
}

Heatmap report_heatmap(Context& c, const std::string& from, const std::string& to, std::optional<int64_t> store_id) {
  const Scope s = scope_of(c, store_id);
  const Period p = period_of(c, from, to, s.zone);
  Heatmap out{.from = reports::date_text(p.from), .to = reports::date_text(p.to)};
  std::vector<int64_t> counts(7 * 24, 0);
  if (!s.nothing)
    for (const auto& r :
         read_rollups(c.store<storage::ReportStore>(), "hour", p, s, storage::RollupQuery::Group::key)) {
      // "w-hh": ISO weekday and hour (rollup.hpp)
      const int weekday = r.key.size() == 4 ? r.key[0] - '0' : 0;
      const int hour = r.key.size() == 4 ? std::stoi(r.key.substr(2)) : -1;
      if (weekday >= 1 && weekday <= 7 && hour >= 0 && hour < 24) counts[(weekday - 1) * 24 + hour] += r.m.contacts;
    }
  for (int i = 0; i < 7 * 24; ++i) out.cells.push_back({.weekday = i / 24 + 1, .hour = i % 24, .contacts = counts[i]});
  return out;
}

}  // namespace kefu::app
