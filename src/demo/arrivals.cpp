#include "demo/arrivals.hpp"

#include <algorithm>
#include <array>

#include "demo/calendar.hpp"

namespace kefu::demo::detail {
namespace {

// Relative footfall by local hour, weekdays and weekends; evenings are busiest.
constexpr std::array<int, 24> kWeekdayHours = {0,  0,   0,   0,   0,   0,   0,   0,   0,   60,  55, 80,
                                               95, 100, 105, 110, 115, 110, 115, 140, 150, 115, 70, 40};
constexpr std::array<int, 24> kWeekendHours = {0,   0,   0,   0,   0,   0,   0,   0,   0,   70,  75, 100,
                                               110, 120, 135, 140, 140, 125, 120, 135, 135, 100, 60, 40};
// Sunday .. Saturday.
constexpr std::array<int, 7> kWeekdays = {150, 80, 75, 80, 85, 110, 160};

}  // namespace

std::vector<TimeSlot> time_slots(const std::vector<Store>& stores, int64_t from, int64_t to) {
  std::vector<TimeSlot> slots;
  uint64_t total = 0;
  for (size_t si = 0; si < stores.size(); ++si) {
    const uint64_t store_weight = si == 0 ? 55 : 45;
    for (int64_t day = local_day(from); day <= local_day(to - 1); ++day) {
      const int wd = weekday(day);
      const uint64_t day_weight = static_cast<uint64_t>(kWeekdays[wd]) * holiday_percent(civil_from_days(day));
      const auto& hours = (wd == 0 || wd == 6) ? kWeekendHours : kWeekdayHours;
      for (const auto& p : stores[si].hours) {
        if (p.weekday != wd) continue;
        const int64_t open = local_midnight(day) + parse_clock(p.open);
        const int64_t close = local_midnight(day) + parse_clock(p.close);
        for (int64_t start = open; start < close; start += 1800) {
          const int64_t lo = std::max(start, from), hi = std::min({start + 1800, close, to});
          if (hi <= lo) continue;
          const int hour = static_cast<int>(local_seconds(lo) / 3600);
          total += store_weight * day_weight * static_cast<uint64_t>(hours[hour]) * static_cast<uint64_t>(hi - lo);
          slots.push_back({lo, hi - lo, total, si});
        }
      }
    }
  }
  return slots;
}

const TimeSlot& pick_slot(const std::vector<TimeSlot>& slots, Rng& rng) {
  const uint64_t total = slots.back().cumulative;
  const uint64_t roll = static_cast<uint64_t>((static_cast<unsigned __int128>(rng.next()) * total) >> 64);
  return *std::upper_bound(slots.begin(), slots.end(), roll,
                           [](uint64_t value, const TimeSlot& s) { return value < s.cumulative; });
}

}  // namespace kefu::demo::detail
