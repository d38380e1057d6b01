// What the bot says about the store's hours, as a table over the SLA tests' calendars
// (sla/domain/calendar_fixtures.hpp), each instant on the store's wall clock.
#include "bot/domain/hours.hpp"

#include <gtest/gtest.h>

#include "sla/domain/calendar_fixtures.hpp"

namespace kefu::bot {
namespace {

using namespace sla::calendar_testing;

struct Row {
  const char* story;
  const char* now;  // the store's wall clock
  const char* said;
};

void check(const sla::CalendarSpec& spec, const std::vector<Row>& rows) {
  sla::BusinessCalendar cal{spec};
  for (const auto& r : rows) EXPECT_EQ(hours_text(store_hours(cal, at(cal, r.now))), r.said) << r.story;
}

TEST(StoreHours, TodayAndTheNextOpeningAtTheDesk) {
  check(desk_spec(), {
                         {"open: today's periods", "2024-03-11 11:00",
                          "今天（3月11日 周一）营业时间 10:00–14:00、14:30–22:00。现在正在营业。"},
                         {"before opening: opens today", "2024-03-11 08:00",
                          "今天（3月11日 周一）营业时间 10:00–14:00、14:30–22:00。现在不在营业时间，今天 10:00 开门。"},
                         {"the lunch gap", "2024-03-11 14:10",
                          "今天（3月11日 周一）营业时间 10:00–14:00、14:30–22:00。现在不在营业时间，今天 14:30 开门。"},
                         {"after closing: tomorrow", "2024-03-11 22:00",
                          "今天（3月11日 周一）营业时间 10:00–14:00、14:30–22:00。现在不在营业时间。明天（3月12日 "
                          "周二）营业时间 10:00–14:00、14:30–22:00。"},
                         {"除夕: a short special day", "2024-02-09 12:00",
                          "今天（2月9日 周五 除夕）特别营业时间 10:00–17:00。现在正在营业。"},
                         {"除夕 evening: 春节 closed tomorrow, opens after", "2024-02-09 18:00",
                          "今天（2月9日 周五 除夕）特别营业时间 10:00–17:00。现在不在营业时间。明天（2月10日 周六 "
                          "春节）休息，不营业。下次开门：2024-02-12 10:00。"},
                         {"春节: closed all day", "2024-02-10 12:00",
                          "今天（2月10日 周六 春节）休息，不营业。现在不在营业时间。明天（2月11日 周日 "
                          "春节）休息，不营业。下次开门：2024-02-12 10:00。"},
                         {"国庆: longer hours", "2024-10-01 22:30",
                          "今天（10月1日 周二 国庆）特别营业时间 09:00–23:00。现在正在营业。"},
                     });
}

TEST(StoreHours, TheStoresOwnZoneAndWeekdays) {
  check(berlin_store_spec(), {
                                 {"Saturday evening in Berlin: closed Sunday", "2024-03-30 21:00",
                                  "今天（3月30日 周六）营业时间 09:00–20:00。现在不在营业时间。明天（3月31日 "
                                  "周日）休息，不营业。下次开门：2024-04-01 09:00。"},
                             });
  sla::BusinessCalendar cal{desk_spec()};
  // 2024-03-11 01:00 UTC is 09:00 in Shanghai: the store's date and clock, not UTC's.
  const auto h = store_hours(cal, sla::from_unix_ms(1710118800000));
  EXPECT_EQ(h.today.date, "2024-03-11");
  EXPECT_EQ(h.next_open, "2024-03-11 10:00");
  EXPECT_EQ(h.tomorrow->date, "2024-03-12");
}

}  // namespace
}  // namespace kefu::bot
