#include "feedback/domain/local_days.hpp"

#include <date/tz.h>

#include <cstdio>

namespace kefu::feedback {
namespace {

using namespace std::chrono;

const date::time_zone* zone_of(const std::string& zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace

sys_days local_day(int64_t ms, const std::string& zone) {
  const sys_time<milliseconds> t{milliseconds{ms}};
  const auto* z = zone_of(zone);
  if (!z) return floor<days>(t);
  return sys_days{floor<days>(z->to_local(t)).time_since_epoch()};
}

int64_t day_start(sys_days day, const std::string& zone) {
  const auto* z = zone_of(zone);
  if (!z) return duration_cast<milliseconds>(day.time_since_epoch()).count();
  const date::local_days local{day.time_since_epoch()};
  const auto info = z->get_info(date::local_seconds{local.time_since_epoch()});
  sys_seconds start;
  if (info.result == date::local_info::nonexistent)
    start = info.second.begin;  // midnight skipped by DST: the day starts when the gap ends
  else
    start = sys_seconds{local.time_since_epoch()} - info.first.offset;  // ambiguous: the earlier one
  return duration_cast<milliseconds>(start.time_since_epoch()).count();
}

int local_hour(int64_t ms, const std::string& zone) {
  const sys_time<milliseconds> t{milliseconds{ms}};
  const auto* z = zone_of(zone);
  const auto since_midnight = z ? z->to_local(t) - floor<days>(z->to_local(t)) : t - floor<days>(t);
  return static_cast<int>(duration_cast<hours>(since_midnight).count());
}

std::string day_text(sys_days day) {
  const year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::optional<sys_days> parse_day(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  y = std::stoi(std::string(text.substr(0, 4)));
  m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  d = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  const year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

sys_days monday_of(sys_days day) { return day - (weekday{day} - Monday); }

std::string iso_week(sys_days day) {
  const sys_days thursday = monday_of(day) + days{3};  // the ISO year is the year of the week's Thursday
  const year y = year_month_day{thursday}.year();
  const sys_days week1 = monday_of(sys_days{y / January / 4});
  const auto week = (thursday - week1).count() / 7 + 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(y), static_cast<int>(week));
  return buf;
}

}  // namespace kefu::feedback
