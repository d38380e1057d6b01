#pragma once
// Validation of calendar values people type into forms.
#include <string_view>

namespace kefu::people {

// An IANA time zone known to this machine's tz database (e.g. "Asia/Shanghai").
bool is_time_zone(std::string_view name);
// A real date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 and 2024-13-45 no).
bool is_iso_date(std::string_view text);
// A time of day written HH:MM, 00:00–24:00 (24:00 only as a closing time).
bool is_clock_time(std::string_view text);

}  // namespace kefu::people
