#include "reports/domain/period.hpp"

#include <date/date.h>
#include <date/iso_week.h>
#include <fmt/format.h>

namespace kefu::reports {
namespace {

date::sys_days sys(int days) { return date::sys_days{date::days{days}}; }

}  // namespace

std::optional<int> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  y = std::stoi(std::string(text.substr(0, 4)));
  m = std::stoi(std::string(text.substr(5, 2)));
  d = std::stoi(std::string(text.substr(8, 2)));
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<int>(date::sys_days{ymd}.time_since_epoch().count());
}

std::string date_text(int days) {
  date::year_month_day ymd{sys(days)};
  return fmt::format("{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

int yyyymmdd(int days) {
  date::year_month_day ymd{sys(days)};
  return int(ymd.year()) * 10000 + int(unsigned(ymd.month())) * 100 + int(unsigned(ymd.day()));
}

int days_of(int v) {
  date::year_month_day ymd{date::year{v / 10000}, date::month{static_cast<unsigned>(v / 100 % 100)},
                           date::day{static_cast<unsigned>(v % 100)}};
  return static_cast<int>(date::sys_days{ymd}.time_since_epoch().count());
}

std::string iso_week(int days) {
  iso_week::year_weeknum_weekday w{sys(days)};
  return fmt::format("{:04}-W{:02}", int(w.year()), unsigned(w.weeknum()));
}

std::string month(int days) {
  date::year_month_day ymd{sys(days)};
  return fmt::format("{:04}-{:02}", int(ymd.year()), unsigned(ymd.month()));
}

int iso_weekday(int days) { return static_cast<int>(date::weekday{sys(days)}.iso_encoding()); }

}  // namespace kefu::reports
