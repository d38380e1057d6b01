// Compliance report and its CSV (rules in compliance.hpp).
#include "sla/domain/compliance.hpp"

#include <date/date.h>
#include <date/iso_week.h>
#include <date/tz.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <utility>

#include "core/domain/error.hpp"
#include "sla/domain/errors.hpp"
#include "tickets/domain/vocabulary.hpp"

namespace kefu::sla {
namespace {

constexpr std::array<std::string_view, 7> kDimensions{"store", "type", "priority", "channel", "day", "week", "month"};
constexpr std::array<std::string_view, 7> kDimensionsZh{"门店", "类型", "优先级", "渠道", "日", "周", "月"};

Error missing_calendar(int64_t ticket_id) {
  auto id = std::to_string(ticket_id);
  return make_error(errors::kMissingCalendar, {{"ticket", id}}, "calendar");
}

// The local date of `t` on the calendar's wall clock.
date::year_month_day local_date(const BusinessCalendar& calendar, Instant t) {
  const date::time_zone* zone = date::locate_zone(calendar.spec().time_zone);
  auto local = zone->to_local(t);
  return date::year_month_day{date::floor<date::days>(local)};
}

std::string period_key(const date::year_month_day& ymd, Dimension d) {
  char buf[32];
  int y = static_cast<int>(ymd.year());
  unsigned m = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  if (d == Dimension::day) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, day);
  } else if (d == Dimension::month) {
    std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
  } else {
    iso_week::year_weeknum_weekday iso{date::sys_days{ymd}};
    std::snprintf(buf, sizeof buf, "%04d-W%02u", static_cast<int>(iso.year()), static_cast<unsigned>(iso.weeknum()));
  }
  return buf;
}

struct Tally {
  int64_t met = 0, missed = 0, open = 0;
  int64_t finished = 0;  // fulfilled cycles, for the average
  std::chrono::milliseconds finished_elapsed{0};
};

// Adds the verdicts of one ticket's cycles of `metric` to `tally` (created on demand).
void count(const TicketClockHistory& t, std::span<const ClockEvent> events, Metric metric, Instant now,
           const std::string& key, std::map<std::pair<std::string, Metric>, Tally>& tallies) {
  std::vector<ClockState> all;
  try {
    all = cycles(events, metric);
  } catch (const Error& e) {
    auto id = std::to_string(t.ticket_id);
    throw Error(e.kind(), e.code(), "工单 " + id + "：" + e.message_zh(), "ticket " + id + ": " + e.message_en(),
                e.field());
  }
  for (const auto& c : all) {
    if (!c.target || c.phase == Phase::cancelled || c.phase == Phase::idle) continue;
    Tally& tally = tallies[{key, metric}];
    if (c.phase == Phase::fulfilled) {
      auto took = elapsed(c, *c.target, *t.calendar, *c.finished_at);
      (took >= c.target->duration() ? tally.missed : tally.met) += 1;
      tally.finished += 1;
      tally.finished_elapsed += took;
    } else if (is_breached(c, *c.target, *t.calendar, now)) {
      tally.missed += 1;
    } else {
      tally.open += 1;
    }
  }
}

// met / (met + missed) in tenths of a percent, rounded down (exact integer arithmetic), so
// one missed cycle in 2000 shows as 99.9%, never as 100.0%.
int64_t permille(int64_t met, int64_t decided) { return met * 1000 / decided; }

// Tenths of a minute, rounded down like business_minutes_between.
int64_t tenth_minutes(int64_t ms) { return ms / 6000; }

std::string with_one_decimal(int64_t tenths) { return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10); }

std::string csv_field(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string shown_key(const std::string& key, Dimension d, bool zh) {
  if (!zh) return key;
  auto zh_of = [&](auto parsed) { return parsed ? std::string(parsed->zh()) : key; };
  if (d == Dimension::type) return zh_of(ticket::Type::parse(key));
  if (d == Dimension::channel) return zh_of(ticket::Channel::parse(key));
  if (d == Dimension::priority) return zh_of(ticket::Priority::parse(key));
  return key;
}

}  // namespace

std::string_view name(Dimension d) { return kDimensions[static_cast<int>(d)]; }
std::string_view name_zh(Dimension d) { return kDimensionsZh[static_cast<int>(d)]; }

std::optional<Dimension> dimension_from(std::string_view code) {
  for (std::size_t i = 0; i < kDimensions.size(); ++i)
    if (kDimensions[i] == code) return static_cast<Dimension>(i);
  return std::nullopt;
}

std::string group_key(const TicketClockHistory& t, Dimension d) {
  switch (d) {
    case Dimension::store:
      return t.store;
    case Dimension::type:
      return t.type;
    case Dimension::priority:
      return t.priority;
    case Dimension::channel:
      return t.channel;
    case Dimension::day:
    case Dimension::week:
    case Dimension::month:
      break;
  }
  if (!t.calendar) throw missing_calendar(t.ticket_id);
  return period_key(local_date(*t.calendar, t.created_at), d);
}

std::vector<ComplianceRow> compliance(std::span<const TicketClockHistory> tickets, Dimension d, Instant now) {
  std::map<std::pair<std::string, Metric>, Tally> tallies;
  for (const auto& t : tickets) {
    // As of now: the events recorded up to now (a prefix of a valid history is valid).
    auto end = std::find_if(t.events.begin(), t.events.end(), [&](const ClockEvent& e) { return e.at > now; });
    std::span<const ClockEvent> events(t.events.begin(), end);
    if (events.empty()) continue;
    if (!t.calendar) throw missing_calendar(t.ticket_id);
    std::string key = group_key(t, d);
    for (Metric m : kMetrics) count(t, events, m, now, key, tallies);
  }

  std::vector<ComplianceRow> rows;
  rows.reserve(tallies.size());
  for (const auto& [group, tally] : tallies) {
    ComplianceRow r;
    r.key = group.first;
    r.metric = group.second;
    r.met = tally.met;
    r.missed = tally.missed;
    r.open = tally.open;
    r.total = tally.met + tally.missed + tally.open;
    int64_t decided = tally.met + tally.missed;
    r.rate = decided == 0 ? -1.0 : static_cast<double>(tally.met) / static_cast<double>(decided);
    r.avg_elapsed_ms = tally.finished == 0 ? -1 : tally.finished_elapsed.count() / tally.finished;
    rows.push_back(std::move(r));
  }
  return rows;  // the map's order: key, then metric
}

std::string compliance_csv(std::span<const ComplianceRow> rows, Dimension d, bool zh) {
  std::string out = "\xEF\xBB\xBF";
  out += zh ? "分组,指标,总数,达标,超时,进行中,达标率,平均用时(分钟)\r\n"
            : "Group,Metric,Total,Met,Missed,Open,Compliance rate,Average time (minutes)\r\n";
  for (const auto& r : rows) {
    std::string rate, avg;
    if (r.met + r.missed > 0 && r.rate >= 0) rate = with_one_decimal(permille(r.met, r.met + r.missed)) + "%";
    if (r.avg_elapsed_ms >= 0) avg = with_one_decimal(tenth_minutes(r.avg_elapsed_ms));
    out += csv_field(shown_key(r.key, d, zh));
    out += ',';
    out += csv_field(zh ? name_zh(r.metric) : name(r.metric));
    for (int64_t n : {r.total, r.met, r.missed, r.open}) {
      out += ',';
      out += std::to_string(n);
    }
    out += ',' + rate + ',' + avg + "\r\n";
  }
  return out;
}

}  // namespace kefu::sla
