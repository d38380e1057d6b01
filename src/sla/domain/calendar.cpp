// Building a BusinessCalendar: validation of what the admin entered and the compiled
// per-day spans the arithmetic in business_time.cpp runs on.
#include "sla/domain/calendar.hpp"

#include <date/tz.h>

#include <algorithm>
#include <set>
#include <string_view>

#include "core/domain/error.hpp"
#include "org/domain/calendar_values.hpp"
#include "sla/domain/errors.hpp"

namespace kefu::sla {
namespace {

constexpr int64_t kMinuteMs = 60'000;

Error bad(std::string field, std::string zh, std::string en) {
  return make_error(errors::kInvalidCalendar, {{"problem", Text(std::move(zh), std::move(en))}}, std::move(field));
}

// "HH:MM" (already checked by is_clock_time) as milliseconds after midnight.
int64_t clock_ms(std::string_view t) {
  return ((t[0] - '0') * 600 + (t[1] - '0') * 60 + (t[3] - '0') * 10 + (t[4] - '0')) * kMinuteMs;
}

// Local days since 1970-01-01 of a date already checked by is_iso_date.
int64_t day_number(std::string_view d) {
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (d[i] - '0');
    return v;
  };
  std::chrono::year_month_day ymd{std::chrono::year{num(0, 4)}, std::chrono::month{static_cast<unsigned>(num(5, 2))},
                                  std::chrono::day{static_cast<unsigned>(num(8, 2))}};
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

struct Entry {
  std::string field;  // where it came from, for the error
  Hours hours;
};

// Validates one day's periods and compiles them into sorted spans.
BusinessCalendar::Day compile_day(const std::vector<Entry>& entries) {
  struct Parsed {
    BusinessCalendar::Span span;
    const Entry* entry;
  };
  std::vector<Parsed> parsed;
  for (const auto& e : entries) {
    const auto& [open, close] = e.hours;
    if (!people::is_clock_time(open) || open == "24:00")
      throw bad(e.field + ".open", "开始时间应写作 HH:MM（00:00–23:59）：" + open,
                "an opening time is written HH:MM (00:00-23:59): " + open);
    if (!people::is_clock_time(close))
      throw bad(e.field + ".close", "结束时间应写作 HH:MM（00:00–24:00）：" + close,
                "a closing time is written HH:MM (00:00-24:00): " + close);
    auto o = clock_ms(open), c = clock_ms(close);
    if (c <= o)
      throw bad(
          e.field + ".close", "结束时间须晚于开始时间（" + open + "–" + close + "）；跨午夜的时段请在 24:00 处拆分",
          "close must be after open (" + open + "-" + close + "); split a period that runs past midnight at 24:00");
    parsed.push_back({{o, c}, &e});
  }
  std::sort(parsed.begin(), parsed.end(),
            [](const Parsed& a, const Parsed& b) { return a.span.open_ms < b.span.open_ms; });
  BusinessCalendar::Day day;
  for (size_t i = 0; i < parsed.size(); ++i) {
    if (i > 0 && parsed[i].span.open_ms < parsed[i - 1].span.close_ms) {
      const auto& a = parsed[i - 1].entry->hours;
      const auto& b = parsed[i].entry->hours;
      auto both = a.open + "–" + a.close + " / " + b.open + "–" + b.close;
      throw bad(parsed[i].entry->field, "同一天的营业时段不能重叠：" + both,
                "periods on the same day overlap: " + both);
    }
    day.spans.push_back(parsed[i].span);
    day.total_ms += parsed[i].span.close_ms - parsed[i].span.open_ms;
  }
  return day;
}

}  // namespace

BusinessCalendar::BusinessCalendar(CalendarSpec spec) : spec_(std::move(spec)) {
  if (!people::is_time_zone(spec_.time_zone))
    throw bad("time_zone", "时区无效：" + spec_.time_zone, "unknown time zone: " + spec_.time_zone);
  zone_ = date::locate_zone(spec_.time_zone);

  std::array<std::vector<Entry>, 7> by_weekday;
  for (size_t i = 0; i < spec_.weekly.size(); ++i) {
    const auto& p = spec_.weekly[i];
    auto field = "weekly[" + std::to_string(i) + "]";
    if (p.weekday < 0 || p.weekday > 6)
      throw bad(field + ".weekday", "星期应为 0（周日）到 6（周六）", "weekday must be 0 (Sunday) to 6 (Saturday)");
    by_weekday[p.weekday].push_back({field, {p.open, p.close}});
  }
  for (int wd = 0; wd < 7; ++wd) {
    weekly_[wd] = compile_day(by_weekday[wd]);
    week_total_ms_ += weekly_[wd].total_ms;
  }
  if (week_total_ms_ == 0)
    throw bad("weekly", "营业日历至少需要一个每周营业时段",
              "a business calendar needs at least one weekly opening period");

  std::set<std::string> seen;
  for (size_t i = 0; i < spec_.special_days.size(); ++i) {
    const auto& s = spec_.special_days[i];
    auto field = "special_days[" + std::to_string(i) + "]";
    if (!people::is_iso_date(s.date))
      throw bad(field + ".date", "日期应写作 YYYY-MM-DD：" + s.date, "a date is written YYYY-MM-DD: " + s.date);
    if (!seen.insert(s.date).second)
      throw bad(field + ".date", "特殊日期重复：" + s.date, "special day listed twice: " + s.date);
    std::vector<Entry> entries;
    for (size_t j = 0; j < s.hours.size(); ++j)
      entries.push_back({field + ".hours[" + std::to_string(j) + "]", s.hours[j]});
    special_.push_back({day_number(s.date), compile_day(entries)});
  }
  std::sort(special_.begin(), special_.end(), [](const Special& a, const Special& b) { return a.day < b.day; });
}

}  // namespace kefu::sla
