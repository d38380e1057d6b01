// Civil dates, opening hours and the retail calendar (Asia/Shanghai, UTC+8, no DST).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "demo/catalog.hpp"

namespace kefu::demo::detail {

inline constexpr int64_t kDay = 86400;
inline constexpr int64_t kUtcOffset = 8 * 3600;

struct CivilDate {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

// Days since 1970-01-01 and back (proleptic Gregorian).
int64_t days_from_civil(CivilDate date);
CivilDate civil_from_days(int64_t days);

// The local (UTC+8) day number of a unix time, and its weekday (0 = Sunday).
int64_t local_day(int64_t unix_time);
int weekday(int64_t local_day);
// Seconds since local midnight.
int64_t local_seconds(int64_t unix_time);
// Unix time of local midnight of a local day.
int64_t local_midnight(int64_t local_day);

std::string format_date(CivilDate date);     // "2025-03-12"
std::string format_compact(CivilDate date);  // "20250312"

// "22:30" -> 81000; malformed text gives -1.
int64_t parse_clock(std::string_view hhmm);

// True when unix_time lies in [open, close) of one of the store's periods.
bool is_open(const Store& store, int64_t unix_time);
// The earliest time >= unix_time at which the store is open (within two weeks);
// -1 when the store has no opening hours.
int64_t next_open(const Store& store, int64_t unix_time);

// Relative footfall of a day in percent (100 = ordinary): public holidays,
// the days before them and shopping festivals are busier.
int holiday_percent(CivilDate date);

}  // namespace kefu::demo::detail
