#pragma once
// The store's hours as the bot tells them (营业时间): today's opening periods from the
// store's business calendar (sla/domain/calendar.hpp), the special day that replaces
// them (春节 closed, 国庆 longer hours) and, when the store is closed now, tomorrow's and
// the next opening. All on the calendar's wall clock; `now` is passed in.
#include <optional>
#include <string>
#include <vector>

#include "sla/domain/calendar.hpp"

namespace kefu::bot {

struct DayHours {
  std::string date;                 // YYYY-MM-DD on the store's wall clock
  int weekday = 0;                  // 0 = Sunday .. 6 = Saturday
  std::vector<sla::Hours> periods;  // sorted; empty: closed all day
  bool special = false;             // a special day replaces the weekly hours
  std::string name;                 // the special day's name (may be empty)
};

struct StoreHours {
  DayHours today;
  bool open_now = false;
  std::optional<DayHours> tomorrow;  // when closed now
  std::string next_open;             // "YYYY-MM-DD HH:MM" local, when closed now
};

StoreHours store_hours(const sla::BusinessCalendar&, sla::Instant now);

// What the bot says, in Chinese: "今天（12月4日 周五）营业时间 10:00–22:00。" and, when
// closed now, when it opens again.
std::string hours_text(const StoreHours&);

}  // namespace kefu::bot
