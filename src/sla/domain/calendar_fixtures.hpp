#pragma once
// The calendars the business-calendar tests talk about, and wall-clock instants written
// as text in a calendar's zone. Shared by calendar_test.cpp and calendar_property_test.cpp.
#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "sla/domain/calendar.hpp"

namespace kefu::sla::calendar_testing {

namespace ch = std::chrono;

// --- The calendars the tables talk about ---------------------------------------------

inline people::OpeningPeriod on(int weekday, const char* open, const char* close) { return {weekday, open, close}; }

inline std::vector<people::OpeningPeriod> every_day(std::vector<Hours> hours) {
  std::vector<people::OpeningPeriod> out;
  for (int wd = 0; wd < 7; ++wd)
    for (const auto& h : hours) out.push_back({wd, h.open, h.close});
  return out;
}

// 门店服务台, Shanghai: every day 10:00–14:00 and 14:30–22:00 (lunch gap 14:00–14:30);
// 除夕 short day, 春节 first two days closed, 国庆 first two days extended hours.
inline CalendarSpec desk_spec() {
  CalendarSpec s;
  s.weekly = every_day({{"10:00", "14:00"}, {"14:30", "22:00"}});
  s.special_days = {
      {"2024-02-09", {{"10:00", "17:00"}}, "除夕"},
      {"2024-02-10", {}, "春节"},
      {"2024-02-11", {}, "春节"},
      {"2024-10-01", {{"09:00", "23:00"}}, "国庆"},
      {"2024-10-02", {{"09:00", "23:00"}}, "国庆"},
  };
  return s;
}

// 客服中心 back office, Shanghai: Monday–Friday 09:00–12:00 and 13:00–18:00; the 2024
// 国庆 holiday (1–7 Oct closed) with its 调休 make-up working days Sun 29 Sep and Sat 12 Oct.
inline CalendarSpec office_spec() {
  CalendarSpec s;
  for (int wd = 1; wd <= 5; ++wd) {
    s.weekly.push_back(on(wd, "09:00", "12:00"));
    s.weekly.push_back(on(wd, "13:00", "18:00"));
  }
  s.special_days = {{"2024-09-29", {{"09:00", "12:00"}, {"13:00", "18:00"}}, "调休上班"},
                    {"2024-10-12", {{"09:00", "12:00"}, {"13:00", "18:00"}}, "调休上班"}};
  for (int d = 1; d <= 7; ++d) s.special_days.push_back({"2024-10-0" + std::to_string(d), {}, "国庆"});
  return s;
}

// A late-night store, Shanghai: Sun–Thu 10:00–22:00, Friday 10:00–24:00, Saturday round
// the clock 00:00–24:00.
inline CalendarSpec late_spec() {
  CalendarSpec s;
  for (int wd = 0; wd <= 4; ++wd) s.weekly.push_back(on(wd, "10:00", "22:00"));
  s.weekly.push_back(on(5, "10:00", "24:00"));
  s.weekly.push_back(on(6, "00:00", "24:00"));
  return s;
}

// A Berlin store: Monday–Saturday 09:00–20:00, closed on Sunday (DST changes happen on
// Sunday nights, so wall-clock counting must make them invisible).
inline CalendarSpec berlin_store_spec() {
  CalendarSpec s;
  s.time_zone = "Europe/Berlin";
  for (int wd = 1; wd <= 6; ++wd) s.weekly.push_back(on(wd, "09:00", "20:00"));
  return s;
}

// A Berlin night desk open every day 01:30–03:30, right across the DST changes (2024:
// 31 Mar 02:00 → 03:00, 27 Oct 03:00 → 02:00).
inline CalendarSpec berlin_night_spec() {
  CalendarSpec s;
  s.time_zone = "Europe/Berlin";
  s.weekly = every_day({{"01:30", "03:30"}});
  return s;
}

// --- Local time strings ---------------------------------------------------------------

// "YYYY-MM-DD HH:MM[:SS[.mmm]][ +HH:MM]" on the calendar's wall clock. Without an offset a
// wall time repeated by a fall-back change means its first occurrence.
inline Instant at(const BusinessCalendar& cal, const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, consumed = 0;
  EXPECT_EQ(std::sscanf(text.c_str(), "%d-%d-%d %d:%d%n", &y, &mo, &d, &h, &mi, &consumed), 5) << text;
  std::string rest = text.substr(consumed);
  double sec = 0;
  if (!rest.empty() && rest[0] == ':') {
    int used = 0;
    std::sscanf(rest.c_str(), ":%lf%n", &sec, &used);
    rest = rest.substr(used);
  }
  auto local = date::local_days{date::year{y} / mo / d} + ch::hours{h} + ch::minutes{mi} +
               ch::milliseconds{std::llround(sec * 1000)};
  char sign = 0;
  int oh = 0, om = 0;
  if (std::sscanf(rest.c_str(), " %c%d:%d", &sign, &oh, &om) == 3) {
    ch::milliseconds offset = ch::hours{oh} + ch::minutes{om};
    return Instant{local.time_since_epoch() - (sign == '-' ? -offset : offset)};
  }
  return date::locate_zone(cal.spec().time_zone)->to_sys(local, date::choose::earliest);
}

// The same format back; seconds only when not on a whole minute, the offset on request.
inline std::string show(const BusinessCalendar& cal, Instant t, bool with_offset) {
  date::zoned_time<ch::milliseconds> z{cal.spec().time_zone, t};
  auto local = z.get_local_time();
  auto minute = date::floor<ch::minutes>(local);
  auto second = date::floor<ch::seconds>(local);
  std::string out = local == minute   ? date::format("%F %R", minute)
                    : local == second ? date::format("%F %T", second)
                                      : date::format("%F %T", local);
  if (with_offset) {
    auto off = static_cast<int>(ch::duration_cast<ch::minutes>(z.get_info().offset).count());
    char buf[16];
    std::snprintf(buf, sizeof buf, " %c%02d:%02d", off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
    out += buf;
  }
  return out;
}

}  // namespace kefu::sla::calendar_testing
