#pragma once
// A store's business calendar (营业日历) and business-time arithmetic over it.
//
// Times are std::chrono::sys_time<std::chrono::milliseconds>: UTC instants on the Unix
// epoch, the same numbers tickets store as int64 milliseconds (see to_unix_ms /
// from_unix_ms). Business time is counted in milliseconds; the minute functions are
// conveniences on top of them. Nothing here reads a clock: "now" is always passed in.
//
// The rules:
// - Wall clock. An instant is business time when the store's wall clock, in the
//   calendar's IANA zone, shows a time inside an opening period of the local date it
//   shows. Periods are [open, close): open at "10:00", closed at "22:00".
// - Daylight saving follows from that. On a spring-forward day the skipped wall hour is
//   not business time (Berlin, 31 Mar 2024: a 01:30–03:30 period lasts 1 h); on a
//   fall-back day the repeated wall hour counts twice (27 Oct 2024: 01:30–03:30 lasts
//   3 h; a period ending inside the repeated hour opens again on its second pass).
//   Rules are those of the machine's tz database; for zones whose DST rule continues
//   past 2037 the OS database may hold no transitions after 2037.
// - A special day replaces the weekly hours of its local date entirely: no periods =
//   closed (春节), other periods = special hours (国庆 extended hours, a 调休 working
//   Sunday).
// - Outside opening hours, counting starts at the next opening.
// - A calendar must have at least one weekly opening period, so a next opening always
//   exists; a calendar without one is refused when it is built (invalid_calendar).
// - Computations reach at most kHorizon past `from`; a deadline or span beyond it, a
//   negative duration, or an instant outside years 0001–9999 throws kefu::Error
//   (invalid_input, code business_time_out_of_range).
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "org/domain/org.hpp"

namespace date {
class time_zone;
}

namespace kefu::sla {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

inline Instant from_unix_ms(int64_t ms) { return Instant{std::chrono::milliseconds{ms}}; }
inline int64_t to_unix_ms(Instant t) { return t.time_since_epoch().count(); }

// How far past `from` the business-time functions look: 100 years of 365.25 days.
inline constexpr std::chrono::milliseconds kHorizon{36525LL * 86'400'000LL};

// One opening period within a day, wall-clock "HH:MM"; close may be "24:00".
struct Hours {
  std::string open;
  std::string close;
};

// A local date whose hours replace the weekly ones; empty hours = closed all day.
struct SpecialDay {
  std::string date;  // YYYY-MM-DD, local to the calendar's zone
  std::vector<Hours> hours;
  std::string name;  // shown to people, e.g. "春节"; no effect on the arithmetic
};

// What an admin enters. Periods of one day may touch (14:00–18:00 after 10:00–14:00) but
// not overlap; a period runs within one day (split 22:00–02:00 into 22:00–24:00 and the
// next day's 00:00–02:00).
struct CalendarSpec {
  std::string time_zone = "Asia/Shanghai";
  std::vector<people::OpeningPeriod> weekly;  // weekday 0 = Sunday .. 6 = Saturday
  std::vector<SpecialDay> special_days;
};

namespace detail {
struct Engine;
}

// A validated, immutable calendar. Cheap to share by const reference; safe to use from
// several threads at once.
class BusinessCalendar {
 public:
  // Throws kefu::Error (invalid_input, code invalid_calendar, field naming the culprit,
  // e.g. "weekly[2].close") for an unknown zone, a bad weekday, time or date, a close not
  // after its open, overlapping periods, a repeated special date, or no weekly opening.
  explicit BusinessCalendar(CalendarSpec spec);

  const CalendarSpec& spec() const { return spec_; }

  // One day's opening periods in milliseconds after local midnight, sorted.
  struct Span {
    int64_t open_ms;
    int64_t close_ms;
  };
  struct Day {
    std::vector<Span> spans;
    int64_t total_ms = 0;
  };

 private:
  friend struct detail::Engine;
  struct Special {
    int64_t day;  // local days since 1970-01-01
    Day hours;
  };

  CalendarSpec spec_;
  const date::time_zone* zone_ = nullptr;
  std::array<Day, 7> weekly_;  // by weekday, 0 = Sunday
  int64_t week_total_ms_ = 0;
  std::vector<Special> special_;  // sorted by day
};

// The instant by which `amount` of business time has passed, counting from `from` (or
// from the next opening when `from` is outside opening hours). A deadline that uses up
// a period exactly is that period's close ("due 22:00"), not the next opening. A zero
// amount gives next_open(from).
Instant add_business_time(const BusinessCalendar& calendar, Instant from, std::chrono::milliseconds amount);
Instant add_business_minutes(const BusinessCalendar& calendar, Instant from, int64_t minutes);

// Business time in [from, to); zero when to <= from. Exact to the millisecond; the
// minute version rounds down to whole minutes (59 s of business time is 0 minutes).
std::chrono::milliseconds business_time_between(const BusinessCalendar& calendar, Instant from, Instant to);
int64_t business_minutes_between(const BusinessCalendar& calendar, Instant from, Instant to);

// Whether `at` is business time, and the first business instant at or after `at`.
bool is_open(const BusinessCalendar& calendar, Instant at);
Instant next_open(const BusinessCalendar& calendar, Instant at);

}  // namespace kefu::sla
