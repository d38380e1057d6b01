#include "performance/domain/month.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

#include "feedback/domain/local_days.hpp"

namespace kefu::performance {

std::optional<Month> parse_month(std::string_view t) {
  if (t.size() != 7 || t[4] != '-') return std::nullopt;
  Month m;
  auto a = std::from_chars(t.data(), t.data() + 4, m.year);
  auto b = std::from_chars(t.data() + 5, t.data() + 7, m.month);
  if (a.ec != std::errc() || a.ptr != t.data() + 4 || b.ec != std::errc() || b.ptr != t.data() + 7) return std::nullopt;
  if (m.year < 2000 || m.year > 2999 || m.month < 1 || m.month > 12) return std::nullopt;
  return m;
}

std::string month_text(Month m) {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d", m.year, m.month);
  return b;
}

Month previous(Month m) { return m.month == 1 ? Month{m.year - 1, 12} : Month{m.year, m.month - 1}; }

Month month_of(int64_t ms, const std::string& zone) {
  const std::chrono::year_month_day d{feedback::local_day(ms, zone)};
  return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month()))};
}

Span month_span(Month m, const std::string& zone) {
  using namespace std::chrono;
  const Month next = m.month == 12 ? Month{m.year + 1, 1} : Month{m.year, m.month + 1};
  auto first = [](Month x) {
    return sys_days{year_month_day{year{x.year}, month{static_cast<unsigned>(x.month)}, day{1}}};
  };
  return {feedback::day_start(first(m), zone), feedback::day_start(first(next), zone)};
}

}  // namespace kefu::performance
