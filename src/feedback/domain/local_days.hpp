#pragma once
// Days on a store's wall clock (IANA time zone; an unknown zone reads as UTC). Feedback is
// counted per local day: an item said at 23:30 in Shanghai belongs to that day there,
// whatever the server's zone. Every zone's offset is a whole number of quarters of an hour,
// so counts added up per quarter (UTC) fall into local days exactly.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kefu::feedback {

inline constexpr int64_t kQuarterMs = 15 * 60'000;
inline constexpr int64_t kDayMs = 24 * 3600'000LL;

// The local day `ms` falls on in `zone`.
std::chrono::sys_days local_day(int64_t ms, const std::string& zone);
// When the local day starts in `zone` (ms since the epoch; a day that starts in a DST gap
// starts at the gap's end).
int64_t day_start(std::chrono::sys_days day, const std::string& zone);
// The local hour (0–23) of `ms` in `zone`.
int local_hour(int64_t ms, const std::string& zone);

// "YYYY-MM-DD" and back (nullopt: not a valid date).
std::string day_text(std::chrono::sys_days day);
std::optional<std::chrono::sys_days> parse_day(std::string_view text);
// The ISO week of a day: "2026-W10".
std::string iso_week(std::chrono::sys_days day);
// The Monday on or before `day`.
std::chrono::sys_days monday_of(std::chrono::sys_days day);

}  // namespace kefu::feedback
