#pragma once
// Shared by the SLA tests: one real store calendar and Shanghai wall-clock instants.
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "sla/domain/calendar.hpp"

namespace kefu::sla::test {

// 上海门店: every day 10:00–22:00; 春节 (Sat 10 Feb 2024) closed.
inline const BusinessCalendar& store() {
  static const BusinessCalendar cal = [] {
    CalendarSpec s;
    for (int wd = 0; wd < 7; ++wd) s.weekly.push_back({wd, "10:00", "22:00"});
    s.special_days = {{"2024-02-10", {}, "春节"}};
    return BusinessCalendar{s};
  }();
  return cal;
}

// "YYYY-MM-DD HH:MM[:SS[.mmm]]" on the Shanghai wall clock (UTC+8 all year since 1991).
inline Instant at(const std::string& local) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
  std::sscanf(local.c_str(), "%d-%d-%d %d:%d:%d.%3d", &y, &mo, &d, &h, &mi, &s, &ms);
  auto day = std::chrono::sys_days{std::chrono::year{y} / mo / d};
  return Instant{day} + std::chrono::hours{h - 8} + std::chrono::minutes{mi} + std::chrono::seconds{s} +
         std::chrono::milliseconds{ms};
}

// The same format back; seconds only when not on a whole minute, ms when not on one.
inline std::string show(Instant t) {
  auto local = t + std::chrono::hours{8};
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day ymd{day};
  long long ms = (local - day).count();
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02lld:%02lld", static_cast<int>(ymd.year()),
                        static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), ms / 3'600'000LL,
                        ms / 60'000 % 60);
  if (ms % 60'000 != 0) n += std::snprintf(buf + n, sizeof buf - n, ":%02lld", ms / 1000 % 60);
  if (ms % 1000 != 0) std::snprintf(buf + n, sizeof buf - n, ".%03lld", ms % 1000);
  return buf;
}

inline std::string show(const std::optional<Instant>& t) { return t ? show(*t) : "none"; }

}  // namespace kefu::sla::test
