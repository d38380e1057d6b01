#include "members/domain/member_dates.hpp"

namespace kefu::people {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kShanghaiOffsetMs = 8 * 3'600'000;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

CivilDate shanghai_date(int64_t ms) { return civil_from_days(floor_div(ms + kShanghaiOffsetMs, kDayMs)); }

int64_t shanghai_midnight(CivilDate d) { return days_from_civil(d.year, d.month, d.day) * kDayMs - kShanghaiOffsetMs; }

int64_t add_months(int64_t ms, int months) {
  const CivilDate d = shanghai_date(ms);
  const int64_t time_of_day = ms - shanghai_midnight(d);
  int index = d.year * 12 + (d.month - 1) + months;
  const int year = static_cast<int>(floor_div(index, 12));
  const int month = index - year * 12 + 1;
  const int day = d.day > days_in_month(year, month) ? days_in_month(year, month) : d.day;
  return shanghai_midnight({year, month, day}) + time_of_day;
}

int64_t shanghai_year_end(int year) { return shanghai_midnight({year + 1, 1, 1}); }

}  // namespace kefu::people
