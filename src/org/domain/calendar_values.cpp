#include "org/domain/calendar_values.hpp"

#include <date/tz.h>

#include <cctype>
#include <chrono>
#include <string>

namespace kefu::people {
namespace {

bool digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

}  // namespace

bool is_time_zone(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  try {
    return date::locate_zone(std::string(name)) != nullptr;
  } catch (const std::exception&) {
    return false;
  }
}

bool is_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  if (!digits(t.substr(0, 4)) || !digits(t.substr(5, 2)) || !digits(t.substr(8, 2))) return false;
  std::chrono::year_month_day ymd{std::chrono::year{std::stoi(std::string(t.substr(0, 4)))},
                                  std::chrono::month{static_cast<unsigned>(std::stoi(std::string(t.substr(5, 2))))},
                                  std::chrono::day{static_cast<unsigned>(std::stoi(std::string(t.substr(8, 2))))}};
  return ymd.ok();
}

bool is_clock_time(std::string_view t) {
  if (t.size() != 5 || t[2] != ':' || !digits(t.substr(0, 2)) || !digits(t.substr(3, 2))) return false;
  int h = std::stoi(std::string(t.substr(0, 2))), m = std::stoi(std::string(t.substr(3, 2)));
  return (h < 24 && m < 60) || (h == 24 && m == 0);
}

}  // namespace kefu::people
