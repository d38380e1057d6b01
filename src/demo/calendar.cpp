#include "demo/calendar.hpp"

#include <array>
#include <cstdio>

namespace kefu::demo::detail {
namespace {

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// A festive period: `length` days from the start date, `percent` footfall.
struct Festive {
  CivilDate start;
  int length;
  int percent;
};

// Lunar holidays move every year; the table covers the years a demo may use.
// Fixed-date holidays are in fixed_festive().
constexpr std::array kLunarFestive = {
    Festive{{2024, 2, 9}, 8, 150},  Festive{{2025, 1, 28}, 8, 150}, Festive{{2026, 2, 15}, 9, 150},
    Festive{{2027, 2, 5}, 8, 150},  Festive{{2024, 6, 8}, 3, 135},  Festive{{2025, 5, 31}, 3, 135},
    Festive{{2026, 6, 19}, 3, 135}, Festive{{2027, 6, 9}, 3, 135},  Festive{{2024, 9, 15}, 3, 140},
    Festive{{2025, 10, 6}, 1, 140}, Festive{{2026, 9, 25}, 3, 140}, Festive{{2027, 9, 15}, 3, 140},
    Festive{{2024, 4, 4}, 3, 120},  Festive{{2025, 4, 4}, 3, 120},  Festive{{2026, 4, 4}, 3, 120},
    Festive{{2027, 4, 3}, 3, 120},  Festive{{2025, 8, 29}, 1, 125}, Festive{{2026, 8, 19}, 1, 125},
    Festive{{2024, 8, 10}, 1, 125}, Festive{{2027, 8, 8}, 1, 125},
};

int fixed_festive(CivilDate d) {
  const int m = d.month, day = d.day;
  if (m == 1 && day <= 3) return 140;                 // New Year
  if (m == 12 && day == 31) return 135;               // New Year's Eve
  if (m == 3 && day == 8) return 130;                 // Women's Day promotions
  if (m == 5 && day <= 5) return 150;                 // Labour Day week
  if (m == 4 && day == 30) return 120;                // eve of Labour Day
  if (m == 5 && day == 20) return 120;                // 520
  if (m == 6 && day >= 16 && day <= 18) return 130;   // 618
  if (m == 9 && day == 30) return 125;                // eve of National Day
  if (m == 10 && day <= 7) return 160;                // National Day golden week
  if (m == 11 && day >= 9 && day <= 11) return 130;   // Double Eleven
  if (m == 12 && day == 12) return 120;               // Double Twelve
  if (m == 12 && day >= 23 && day <= 25) return 135;  // Christmas
  return 100;
}

}  // namespace

int64_t days_from_civil(CivilDate date) {
  const int64_t y = date.year - (date.month <= 2);
  const int64_t era = floor_div(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

int64_t local_day(int64_t unix_time) { return floor_div(unix_time + kUtcOffset, kDay); }

int weekday(int64_t day) { return static_cast<int>(((day % 7) + 7 + 4) % 7); }

int64_t local_seconds(int64_t unix_time) { return unix_time + kUtcOffset - local_day(unix_time) * kDay; }

int64_t local_midnight(int64_t day) { return day * kDay - kUtcOffset; }

std::string format_date(CivilDate date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

std::string format_compact(CivilDate date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", date.year, date.month, date.day);
  return buf;
}

int64_t parse_clock(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
  for (size_t i : {0u, 1u, 3u, 4u}) {
    if (hhmm[i] < '0' || hhmm[i] > '9') return -1;
  }
  const int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
  const int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  if (h > 24 || m > 59) return -1;
  return h * 3600 + m * 60;
}

bool is_open(const Store& store, int64_t unix_time) {
  const int wd = weekday(local_day(unix_time));
  const int64_t sec = local_seconds(unix_time);
  for (const auto& p : store.hours) {
    if (p.weekday == wd && sec >= parse_clock(p.open) && sec < parse_clock(p.close)) return true;
  }
  return false;
}

int64_t next_open(const Store& store, int64_t unix_time) {
  const int64_t first_day = local_day(unix_time);
  for (int64_t day = first_day; day < first_day + 14; ++day) {
    const int wd = weekday(day);
    const int64_t from = day == first_day ? local_seconds(unix_time) : 0;
    int64_t best = -1;
    for (const auto& p : store.hours) {
      if (p.weekday != wd) continue;
      const int64_t open = parse_clock(p.open), close = parse_clock(p.close);
      if (from >= close) continue;
      const int64_t at = from > open ? from : open;
      if (best < 0 || at < best) best = at;
    }
    if (best >= 0) return local_midnight(day) + best;
  }
  return -1;
}

int holiday_percent(CivilDate date) {
  const int64_t day = days_from_civil(date);
  for (const auto& f : kLunarFestive) {
    const int64_t start = days_from_civil(f.start);
    if (day >= start && day < start + f.length) return f.percent;
    if (day == start - 1) return 125;  // the eve of a holiday
  }
  return fixed_festive(date);
}

}  // namespace kefu::demo::detail
