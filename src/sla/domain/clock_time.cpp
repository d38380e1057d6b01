// Elapsed time and deadlines of a clock (rules in clock.hpp).
#include <algorithm>

#include "sla/domain/clock.hpp"

namespace kefu::sla {
namespace {

using std::chrono::milliseconds;

// Time counted in [from, to) in `mode`; zero when to <= from.
milliseconds span(TimeMode mode, const BusinessCalendar& calendar, Instant from, Instant to) {
  if (to <= from) return milliseconds{0};
  return mode == TimeMode::business ? business_time_between(calendar, from, to) : to - from;
}

// The instant by which `amount` (> 0) has been counted from `from` in `mode`.
Instant advance(TimeMode mode, const BusinessCalendar& calendar, Instant from, milliseconds amount) {
  return mode == TimeMode::business ? add_business_time(calendar, from, amount) : from + amount;
}

}  // namespace

milliseconds elapsed(const ClockState& s, const Target& target, const BusinessCalendar& calendar, Instant now) {
  milliseconds total{0};
  for (const auto& r : s.runs) total += span(target.mode, calendar, r.from, std::min(r.to, now));
  if (s.phase == Phase::running) total += span(target.mode, calendar, s.since, now);
  return total;
}

std::optional<Instant> instant_at_elapsed(const ClockState& s, milliseconds amount, TimeMode mode,
                                          const BusinessCalendar& calendar) {
  if (s.phase == Phase::idle) return std::nullopt;
  if (amount <= milliseconds{0}) return s.activated_at;
  milliseconds consumed{0};
  for (const auto& r : s.runs) {
    milliseconds d = span(mode, calendar, r.from, r.to);
    // Reached inside this stretch: the earliest instant the remainder is used up.
    if (consumed + d >= amount) return advance(mode, calendar, r.from, amount - consumed);
    consumed += d;
  }
  if (s.phase == Phase::running) return advance(mode, calendar, s.since, amount - consumed);
  if (s.stopped_running) return advance(mode, calendar, *s.finished_at, amount - consumed);
  return std::nullopt;
}

std::optional<Instant> due_at(const ClockState& s, const Target& target, const BusinessCalendar& calendar) {
  return instant_at_elapsed(s, target.duration(), target.mode, calendar);
}

bool is_breached(const ClockState& s, const Target& target, const BusinessCalendar& calendar, Instant now) {
  return elapsed(s, target, calendar, now) >= target.duration();
}

}  // namespace kefu::sla
