#pragma once
// A KPI month ("2026-11") on a store's wall clock. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kefu::performance {

struct Month {
  int year = 0;
  int month = 0;  // 1..12
  friend bool operator==(const Month&, const Month&) = default;
};

// "YYYY-MM" (2000..2999); nullopt otherwise.
std::optional<Month> parse_month(std::string_view text);
std::string month_text(Month m);
Month previous(Month m);
// The month `ms` falls in on the wall clock of `zone`.
Month month_of(int64_t ms, const std::string& zone);

// [from, to) in ms: local midnight of the 1st to local midnight of the next month's 1st.
struct Span {
  int64_t from = 0;
  int64_t to = 0;
};
Span month_span(Month m, const std::string& zone);

}  // namespace kefu::performance
