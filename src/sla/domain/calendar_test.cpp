#include "sla/domain/calendar.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/domain/error.hpp"
#include "sla/domain/calendar_fixtures.hpp"

namespace kefu::sla {
namespace {

using namespace calendar_testing;

// --- Deadline tables ------------------------------------------------------------------

struct DeadlineRow {
  const char* story;
  const char* from;
  int64_t minutes;
  const char* due;
};

void check_deadlines(const CalendarSpec& spec, const std::vector<DeadlineRow>& rows) {
  BusinessCalendar cal{spec};
  for (const auto& r : rows) {
    bool with_offset = std::string(r.due).find('+') != std::string::npos;
    auto due = add_business_minutes(cal, at(cal, r.from), r.minutes);
    EXPECT_EQ(show(cal, due, with_offset), r.due) << r.story << ": " << r.from << " + " << r.minutes << " min";
  }
}

TEST(BusinessCalendar, DeskPeriodEdgesAndTheLunchGap) {
  check_deadlines(desk_spec(),
                  {
                      {"starts exactly at opening", "2024-03-11 10:00", 60, "2024-03-11 11:00"},
                      {"a minute before opening", "2024-03-11 09:59", 1, "2024-03-11 10:01"},
                      {"uses the morning up exactly: due at 14:00", "2024-03-11 13:00", 60, "2024-03-11 14:00"},
                      {"lunch gap skipped", "2024-03-11 13:30", 60, "2024-03-11 15:00"},
                      {"received at 14:00 sharp: counting starts 14:30", "2024-03-11 14:00", 30, "2024-03-11 15:00"},
                      {"received during lunch", "2024-03-11 14:10", 15, "2024-03-11 14:45"},
                      {"zero minutes while open: now", "2024-03-11 12:00", 0, "2024-03-11 12:00"},
                      {"zero minutes during lunch: reopening", "2024-03-11 14:10", 0, "2024-03-11 14:30"},
                      {"a second before the close", "2024-03-11 21:59:59", 1, "2024-03-12 10:00:59"},
                  });
}

TEST(BusinessCalendar, DeskOvernight) {
  check_deadlines(
      desk_spec(),
      {
          {"uses the evening up exactly: due at 22:00", "2024-03-11 21:00", 60, "2024-03-11 22:00"},
          {"runs over the close into the next morning", "2024-03-11 21:30", 60, "2024-03-12 10:30"},
          {"received at 22:00 sharp", "2024-03-11 22:00", 0, "2024-03-12 10:00"},
          {"received after closing", "2024-03-11 23:00", 30, "2024-03-12 10:30"},
          {"received before opening", "2024-03-12 03:00", 30, "2024-03-12 10:30"},
          {"three whole business days (3 × 11.5 h) end at a close", "2024-03-11 10:00", 3 * 690, "2024-03-13 22:00"},
      });
}

TEST(BusinessCalendar, DeskHolidaysAndSpecialHours) {
  check_deadlines(desk_spec(),
                  {
                      {"除夕 closes at 17:00, 春节 two days closed", "2024-02-09 16:30", 60, "2024-02-12 10:30"},
                      {"received on 春节", "2024-02-10 11:00", 60, "2024-02-12 11:00"},
                      {"eve of 国庆: the holiday opens early at 09:00", "2024-09-30 21:30", 60, "2024-10-01 09:30"},
                      {"国庆 extended evening until 23:00", "2024-10-01 22:30", 20, "2024-10-01 22:50"},
                      {"国庆 evening runs into the next extended day", "2024-10-01 22:30", 60, "2024-10-02 09:30"},
                      {"no lunch gap on 国庆", "2024-10-02 13:30", 60, "2024-10-02 14:30"},
                      {"after the last 国庆 day, normal hours again", "2024-10-02 22:30", 60, "2024-10-03 10:30"},
                  });
}

TEST(BusinessCalendar, OfficeWeekendsAndSeveralDays) {
  check_deadlines(office_spec(),
                  {
                      {"Friday evening → Monday", "2024-03-15 17:00", 120, "2024-03-18 10:00"},
                      {"Friday after closing → Monday", "2024-03-15 18:30", 30, "2024-03-18 09:30"},
                      {"received on Saturday", "2024-03-16 11:00", 0, "2024-03-18 09:00"},
                      {"uses Friday up exactly: due Friday 18:00", "2024-03-14 16:00", 600, "2024-03-15 18:00"},
                      {"one minute more: Monday", "2024-03-14 16:00", 601, "2024-03-18 09:01"},
                      {"three business days across a weekend", "2024-03-13 11:00", 3 * 480, "2024-03-18 11:00"},
                      {"ten business days: two weeks", "2024-03-11 09:00", 10 * 480, "2024-03-22 18:00"},
                      {"调休: Sunday 29 Sep is a working day", "2024-09-28 10:00", 60, "2024-09-29 10:00"},
                      {"国庆 week closed: 30 Sep → 8 Oct", "2024-09-30 17:00", 120, "2024-10-08 10:00"},
                      {"调休: Saturday 12 Oct is a working day", "2024-10-11 17:00", 120, "2024-10-12 10:00"},
                  });
}

TEST(BusinessCalendar, CloseAt24) {
  check_deadlines(late_spec(),
                  {
                      {"Friday until 24:00: due at midnight", "2024-03-15 23:00", 60, "2024-03-16 00:00"},
                      {"Friday 24:00 runs straight into Saturday's 00:00", "2024-03-15 23:30", 60, "2024-03-16 00:30"},
                      {"Saturday until 24:00, Sunday from 10:00", "2024-03-16 23:30", 60, "2024-03-17 10:30"},
                      {"Thursday closes at 22:00", "2024-03-14 21:30", 60, "2024-03-15 10:30"},
                  });
}

TEST(BusinessCalendar, BerlinStoreAcrossTheDstChanges) {
  check_deadlines(berlin_store_spec(), {
                                           {"Saturday evening in winter → Monday in summer time",
                                            "2024-03-30 19:00 +01:00", 120, "2024-04-01 10:00 +02:00"},
                                           {"Saturday evening in summer → Monday in winter time",
                                            "2024-10-26 19:00 +02:00", 120, "2024-10-28 10:00 +01:00"},
                                           {"received Sunday night during the spring change", "2024-03-31 02:30 +02:00",
                                            0, "2024-04-01 09:00 +02:00"},
                                       });
}

TEST(BusinessCalendar, BerlinNightDeskDstRule) {
  // 01:30–03:30 lasts 1 h on 31 Mar 2024 (02:00–03:00 does not exist) and 3 h on 27 Oct
  // 2024 (02:00–03:00 happens twice).
  check_deadlines(
      berlin_night_spec(),
      {
          {"spring: a 60 min period", "2024-03-31 01:30 +01:00", 60, "2024-03-31 03:30 +02:00"},
          {"spring: the skipped hour is jumped", "2024-03-31 01:45 +01:00", 30, "2024-03-31 03:15 +02:00"},
          {"spring: due exactly at the change", "2024-03-31 01:45 +01:00", 15, "2024-03-31 03:00 +02:00"},
          {"spring: 90 min need the next night", "2024-03-31 01:30 +01:00", 90, "2024-04-01 02:00 +02:00"},
          {"autumn: 150 min within the long night", "2024-10-27 01:30 +02:00", 150, "2024-10-27 03:00 +01:00"},
          {"autumn: a 180 min period", "2024-10-27 01:30 +02:00", 180, "2024-10-27 03:30 +01:00"},
          {"autumn: one hour later is the same wall time", "2024-10-27 02:30 +02:00", 60, "2024-10-27 02:30 +01:00"},
          {"an ordinary night lasts 120 min", "2024-10-28 01:30 +01:00", 120, "2024-10-28 03:30 +01:00"},
      });
}

// --- Open or not, and the time between two instants -------------------------------------

TEST(BusinessCalendar, IsOpenAndNextOpen) {
  struct Row {
    CalendarSpec spec;
    const char* at;
    bool open;
    const char* next;
  };
  CalendarSpec ends_in_repeated_hour;  // Berlin, 01:00–02:30: on 27 Oct the clock shows 02:00–02:30 twice
  ends_in_repeated_hour.time_zone = "Europe/Berlin";
  ends_in_repeated_hour.weekly = every_day({{"01:00", "02:30"}});
  const Row rows[] = {
      {desk_spec(), "2024-03-11 10:00", true, "2024-03-11 10:00"},
      {desk_spec(), "2024-03-11 13:59:59.999", true, "2024-03-11 13:59:59.999"},
      {desk_spec(), "2024-03-11 14:00", false, "2024-03-11 14:30"},
      {desk_spec(), "2024-03-11 22:00", false, "2024-03-12 10:00"},
      {desk_spec(), "2024-02-10 12:00", false, "2024-02-12 10:00"},
      {office_spec(), "2024-10-05 10:00", false, "2024-10-08 09:00"},
      {late_spec(), "2024-03-16 23:59:59.999", true, "2024-03-16 23:59:59.999"},
      {late_spec(), "2024-03-17 00:00", false, "2024-03-17 10:00"},
      {ends_in_repeated_hour, "2024-10-27 02:15 +02:00", true, "2024-10-27 02:15 +02:00"},
      {ends_in_repeated_hour, "2024-10-27 02:45 +02:00", false, "2024-10-27 02:00 +01:00"},
      {ends_in_repeated_hour, "2024-10-27 02:15 +01:00", true, "2024-10-27 02:15 +01:00"},
      {ends_in_repeated_hour, "2024-10-27 02:30 +01:00", false, "2024-10-28 01:00 +01:00"},
  };
  for (const auto& r : rows) {
    BusinessCalendar cal{r.spec};
    bool with_offset = std::string(r.next).find('+') != std::string::npos;
    EXPECT_EQ(is_open(cal, at(cal, r.at)), r.open) << r.at;
    EXPECT_EQ(show(cal, next_open(cal, at(cal, r.at)), with_offset), r.next) << r.at;
  }
}

TEST(BusinessCalendar, BusinessTimeBetween) {
  struct Row {
    CalendarSpec spec;
    const char* from;
    const char* to;
    int64_t ms;
    int64_t minutes;
  };
  const int64_t min = 60'000;
  const Row rows[] = {
      {desk_spec(), "2024-03-11 09:00", "2024-03-11 23:00", 690 * min, 690},
      {desk_spec(), "2024-03-11 13:59", "2024-03-11 14:31", 2 * min, 2},
      {desk_spec(), "2024-03-11 12:00", "2024-03-11 11:00", 0, 0},
      {desk_spec(), "2024-03-11 12:00", "2024-03-11 12:00", 0, 0},
      {desk_spec(), "2024-03-11 10:00", "2024-03-11 10:01:30", 90'000, 1},  // whole minutes round down
      {desk_spec(), "2024-03-11 10:00", "2024-03-11 10:00:59.999", 59'999, 0},
      {desk_spec(), "2024-02-09 00:00", "2024-02-13 00:00", (420 + 690) * min, 420 + 690},  // 除夕 7 h, 春节 0
      // 29 Sep (调休), 30 Sep, 8–11 Oct, 12 Oct (调休): seven working days around 国庆
      {office_spec(), "2024-09-28 00:00", "2024-10-13 00:00", 7 * 480 * min, 7 * 480},
      {late_spec(), "2024-03-15 22:00", "2024-03-16 02:00", 240 * min, 240},
      {berlin_store_spec(), "2024-03-30 19:00 +01:00", "2024-04-01 10:00 +02:00", 120 * min, 120},
      {berlin_night_spec(), "2024-03-31 00:00 +01:00", "2024-04-01 00:00 +02:00", 60 * min, 60},
      {berlin_night_spec(), "2024-10-27 00:00 +02:00", "2024-10-28 00:00 +01:00", 180 * min, 180},
  };
  for (const auto& r : rows) {
    BusinessCalendar cal{r.spec};
    auto from = at(cal, r.from), to = at(cal, r.to);
    EXPECT_EQ(business_time_between(cal, from, to).count(), r.ms) << r.from << " → " << r.to;
    EXPECT_EQ(business_minutes_between(cal, from, to), r.minutes) << r.from << " → " << r.to;
  }
}

TEST(BusinessCalendar, InvalidCalendarsAreRefused) {
  struct Row {
    const char* story;
    CalendarSpec spec;
    const char* field;
  };
  auto weekly = [](std::vector<people::OpeningPeriod> periods, std::string zone = "Asia/Shanghai") {
    CalendarSpec s;
    s.time_zone = std::move(zone);
    s.weekly = std::move(periods);
    return s;
  };
  auto with_special = [&](std::vector<SpecialDay> days) {
    CalendarSpec s = weekly({on(1, "10:00", "22:00")});
    s.special_days = std::move(days);
    return s;
  };
  const Row rows[] = {
      {"overlapping periods", weekly({on(1, "10:00", "14:00"), on(1, "13:00", "18:00")}), "weekly[1]"},
      {"close before open", weekly({on(1, "18:00", "09:00")}), "weekly[0].close"},
      {"overnight period not split at 24:00", weekly({on(5, "22:00", "02:00")}), "weekly[0].close"},
      {"empty period", weekly({on(1, "10:00", "10:00")}), "weekly[0].close"},
      {"24:30", weekly({on(1, "10:00", "24:30")}), "weekly[0].close"},
      {"opening at 24:00", weekly({on(1, "24:00", "24:00")}), "weekly[0].open"},
      {"9:00 without a leading zero", weekly({on(1, "9:00", "18:00")}), "weekly[0].open"},
      {"weekday 7", weekly({on(7, "10:00", "18:00")}), "weekly[0].weekday"},
      {"weekday -1", weekly({on(-1, "10:00", "18:00")}), "weekly[0].weekday"},
      {"unknown zone", weekly({on(1, "10:00", "18:00")}, "Asia/Beijing"), "time_zone"},
      {"no zone", weekly({on(1, "10:00", "18:00")}, ""), "time_zone"},
      {"no weekly opening at all", weekly({}), "weekly"},
      {"only special days open",
       [&] {
         auto s = weekly({});
         s.special_days = {{"2024-10-01", {{"09:00", "23:00"}}, "国庆"}};
         return s;
       }(),
       "weekly"},
      {"not a real date", with_special({{"2024-02-30", {}, ""}}), "special_days[0].date"},
      {"date in the wrong format", with_special({{"2024/02/10", {}, ""}}), "special_days[0].date"},
      {"special day twice", with_special({{"2024-02-10", {}, ""}, {"2024-02-10", {}, ""}}), "special_days[1].date"},
      {"special hours overlap", with_special({{"2024-10-01", {{"09:00", "15:00"}, {"12:00", "23:00"}}, "国庆"}}),
       "special_days[0].hours[1]"},
  };
  for (const auto& r : rows) {
    try {
      BusinessCalendar cal{r.spec};
      ADD_FAILURE() << r.story << ": accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::invalid_input) << r.story;
      EXPECT_EQ(e.code(), "invalid_calendar") << r.story;
      EXPECT_EQ(e.field(), r.field) << r.story << ": " << e.message_en();
      EXPECT_FALSE(e.message_zh().empty()) << r.story;
      EXPECT_FALSE(e.message_en().empty()) << r.story;
    }
  }
}

TEST(BusinessCalendar, TouchingPeriodsAreOnePeriod) {
  CalendarSpec s;
  s.weekly = {on(1, "14:00", "18:00"), on(1, "10:00", "14:00")};
  check_deadlines(s, {{"no gap at 14:00", "2024-03-11 13:30", 60, "2024-03-11 14:30"}});
}

TEST(BusinessCalendar, OutOfRangeRequestsAreRefused) {
  BusinessCalendar desk{desk_spec()};
  CalendarSpec sparse;  // one minute a week
  sparse.weekly = {on(0, "10:00", "10:01")};
  BusinessCalendar rare{sparse};
  auto from = at(desk, "2024-03-11 10:00");
  auto refused = [](auto&& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.kind() == Error::Kind::invalid_input && e.code() == "business_time_out_of_range";
    }
    return false;
  };
  EXPECT_TRUE(refused([&] { add_business_minutes(desk, from, -1); }));
  EXPECT_TRUE(refused([&] { add_business_time(desk, from, ch::milliseconds{-1}); }));
  EXPECT_TRUE(refused([&] { add_business_minutes(desk, from, INT64_MAX); }));
  EXPECT_TRUE(refused([&] { add_business_minutes(rare, from, 6000); }));                     // ~115 years of Sundays
  EXPECT_EQ(show(rare, add_business_minutes(rare, from, 5000), false), "2120-01-07 10:01");  // ~96 years is fine
  EXPECT_TRUE(refused([&] { business_time_between(desk, from, from + ch::days{36526}); }));
  EXPECT_TRUE(refused([&] { is_open(desk, Instant{date::sys_days{date::year{10000} / 1 / 1}}); }));
  EXPECT_TRUE(refused([&] { next_open(desk, Instant::min()); }));
}

}  // namespace
}  // namespace kefu::sla
