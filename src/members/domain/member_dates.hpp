#pragma once
// Calendar arithmetic for the members' rules, in Asia/Shanghai (UTC+8 all year, no
// daylight saving): "twelve months ago", "a year after", "the end of the year".
#include <cstdint>

namespace kefu::people {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1–12
  int day = 1;    // 1–31
};

// The Shanghai calendar date of an instant (Unix ms).
CivilDate shanghai_date(int64_t ms);
// Midnight at the start of a Shanghai date, as Unix ms.
int64_t shanghai_midnight(CivilDate d);
// The same wall-clock instant `months` calendar months later (earlier when negative); a day
// past the end of the target month is that month's last day (31 March − 1 month = 28/29 Feb).
int64_t add_months(int64_t ms, int months);
// The first instant of the next year in Shanghai: everything before it belongs to `year`.
int64_t shanghai_year_end(int year);

}  // namespace kefu::people
