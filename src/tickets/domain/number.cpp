#include "tickets/domain/number.hpp"

#include <chrono>

#include <fmt/format.h>

namespace kefu::ticket {

std::string ticket_number(int64_t id, int64_t created_at_ms) {
  using namespace std::chrono;
  auto china = sys_days{} + floor<days>(milliseconds(created_at_ms) + hours(8));
  year_month_day ymd{china};
  return fmt::format("KF{:02}{:02}{:02}{:06}", static_cast<int>(ymd.year()) % 100, static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()), id);
}

}  // namespace kefu::ticket
