#include "domain/sla/calendar.hpp"

#include <date/tz.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <optional>
#include <random>
#include <string>

#include "domain/common/error.hpp"

namespace kefu::sla {
namespace {

namespace ch = std::chrono;

// --- The calendars the tables talk about ---------------------------------------------

people::OpeningPeriod on(int weekday, const char* open, const char* close) { return {weekday, open, close}; }

std::vector<people::OpeningPeriod> every_day(std::vector<Hours> hours) {
  std::vector<people::OpeningPeriod> out;
  for (int wd = 0; wd < 7; ++wd)
    for (const auto& h : hours) out.push_back({wd, h.open, h.close});
  return out;
}

// 门店服务台, Shanghai: every day 10:00–14:00 and 14:30–22:00 (lunch gap 14:00–14:30);
// 除夕 short day, 春节 first two days closed, 国庆 first two days extended hours.
CalendarSpec desk_spec() {
  CalendarSpec s;
  s.weekly = every_day({{"10:00", "14:00"}, {"14:30", "22:00"}});
  s.special_days = {
      {"2024-02-09", {{"10:00", "17:00"}}, "除夕"},
      {"2024-02-10", {}, "春节"},
      {"2024-02-11", {}, "春节"},
      {"2024-10-01", {{"09:00", "23:00"}}, "国庆"},
      {"2024-10-02", {{"09:00", "23:00"}}, "国庆"},
  };
  return s;
}

// 客服中心 back office, Shanghai: Monday–Friday 09:00–12:00 and 13:00–18:00; the 2024
// 国庆 holiday (1–7 Oct closed) with its 调休 make-up working days Sun 29 Sep and Sat 12 Oct.
CalendarSpec office_spec() {
  CalendarSpec s;
  for (int wd = 1; wd <= 5; ++wd) {
    s.weekly.push_back(on(wd, "09:00", "12:00"));
    s.weekly.push_back(on(wd, "13:00", "18:00"));
  }
  s.special_days = {{"2024-09-29", {{"09:00", "12:00"}, {"13:00", "18:00"}}, "调休上班"},
                    {"2024-10-12", {{"09:00", "12:00"}, {"13:00", "18:00"}}, "调休上班"}};
  for (int d = 1; d <= 7; ++d) s.special_days.push_back({"2024-10-0" + std::to_string(d), {}, "国庆"});
  return s;
}

// A late-night store, Shanghai: Sun–Thu 10:00–22:00, Friday 10:00–24:00, Saturday round
// the clock 00:00–24:00.
CalendarSpec late_spec() {
  CalendarSpec s;
  for (int wd = 0; wd <= 4; ++wd) s.weekly.push_back(on(wd, "10:00", "22:00"));
  s.weekly.push_back(on(5, "10:00", "24:00"));
  s.weekly.push_back(on(6, "00:00", "24:00"));
  return s;
}

// A Berlin store: Monday–Saturday 09:00–20:00, closed on Sunday (DST changes happen on
// Sunday nights, so wall-clock counting must make them invisible).
CalendarSpec berlin_store_spec() {
  CalendarSpec s;
  s.time_zone = "Europe/Berlin";
  for (int wd = 1; wd <= 6; ++wd) s.weekly.push_back(on(wd, "09:00", "20:00"));
  return s;
}

// A Berlin night desk open every day 01:30–03:30, right across the DST changes (2024:
// 31 Mar 02:00 → 03:00, 27 Oct 03:00 → 02:00).
CalendarSpec berlin_night_spec() {
  CalendarSpec s;
  s.time_zone = "Europe/Berlin";
  s.weekly = every_day({{"01:30", "03:30"}});
  return s;
}

// --- Local time strings ---------------------------------------------------------------

// "YYYY-MM-DD HH:MM[:SS[.mmm]][ +HH:MM]" on the calendar's wall clock. Without an offset a
// wall time repeated by a fall-back change means its first occurrence.
Instant at(const BusinessCalendar& cal, const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, consumed = 0;
  EXPECT_EQ(std::sscanf(text.c_str(), "%d-%d-%d %d:%d%n", &y, &mo, &d, &h, &mi, &consumed), 5) << text;
  std::string rest = text.substr(consumed);
  double sec = 0;
  if (!rest.empty() && rest[0] == ':') {
    int used = 0;
    std::sscanf(rest.c_str(), ":%lf%n", &sec, &used);
    rest = rest.substr(used);
  }
  auto local = date::local_days{date::year{y} / mo / d} + ch::hours{h} + ch::minutes{mi} +
               ch::milliseconds{std::llround(sec * 1000)};
  char sign = 0;
  int oh = 0, om = 0;
  if (std::sscanf(rest.c_str(), " %c%d:%d", &sign, &oh, &om) == 3) {
    ch::milliseconds offset = ch::hours{oh} + ch::minutes{om};
    return Instant{local.time_since_epoch() - (sign == '-' ? -offset : offset)};
  }
  return date::locate_zone(cal.spec().time_zone)->to_sys(local, date::choose::earliest);
}

// The same format back; seconds only when not on a whole minute, the offset on request.
std::string show(const BusinessCalendar& cal, Instant t, bool with_offset) {
  date::zoned_time<ch::milliseconds> z{cal.spec().time_zone, t};
  auto local = z.get_local_time();
  auto minute = date::floor<ch::minutes>(local);
  auto second = date::floor<ch::seconds>(local);
  std::string out = local == minute   ? date::format("%F %R", minute)
                    : local == second ? date::format("%F %T", second)
                                      : date::format("%F %T", local);
  if (with_offset) {
    auto off = static_cast<int>(ch::duration_cast<ch::minutes>(z.get_info().offset).count());
    char buf[16];
    std::snprintf(buf, sizeof buf, " %c%02d:%02d", off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
    out += buf;
  }
  return out;
}

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

// --- Properties on random samples (fixed seed) -----------------------------------------

// 2024 in a Shanghai mall: two periods a day and the 30 public-holiday days closed.
CalendarSpec holiday_year_spec() {
  CalendarSpec s;
  s.weekly = every_day({{"10:00", "14:00"}, {"14:30", "22:00"}});
  const char* closed[] = {"2024-01-01", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14",
                          "2024-02-15", "2024-02-16", "2024-02-17", "2024-04-04", "2024-04-05", "2024-04-06",
                          "2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05", "2024-06-10",
                          "2024-09-15", "2024-09-16", "2024-09-17", "2024-10-01", "2024-10-02", "2024-10-03",
                          "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07", "2024-12-31", "2024-12-25"};
  for (const char* d : closed) s.special_days.push_back({d, {}, "假日"});
  return s;
}

std::vector<CalendarSpec> all_specs() {
  CalendarSpec repeated;
  repeated.time_zone = "Europe/Berlin";
  repeated.weekly = every_day({{"01:00", "02:30"}});
  return {desk_spec(),         office_spec(),       late_spec(), berlin_store_spec(),
          berlin_night_spec(), holiday_year_spec(), repeated};
}

// An independent reading of a spec: the wall clock from the tz database, the periods
// straight from their strings, one minute at a time.
struct Reference {
  const CalendarSpec& spec;
  const date::time_zone* zone = date::locate_zone(spec.time_zone);

  static int minutes_of(const std::string& hm) { return std::stoi(hm.substr(0, 2)) * 60 + std::stoi(hm.substr(3, 2)); }

  bool open(Instant t) const {
    auto local = zone->to_local(t);
    auto day = date::floor<date::days>(local);
    auto minute = static_cast<int>(ch::duration_cast<ch::minutes>(local - day).count());
    auto inside = [&](const std::string& o, const std::string& c) {
      return minutes_of(o) <= minute && minute < minutes_of(c);
    };
    auto date_text = date::format("%F", day);
    for (const auto& sd : spec.special_days) {
      if (sd.date != date_text) continue;
      for (const auto& h : sd.hours)
        if (inside(h.open, h.close)) return true;
      return false;
    }
    auto wd = static_cast<int>(date::weekday{day}.c_encoding());
    for (const auto& p : spec.weekly)
      if (p.weekday == wd && inside(p.open, p.close)) return true;
    return false;
  }
};

Instant random_instant(std::mt19937_64& rng, const char* first_day, const char* last_day, bool whole_minute) {
  int y, m, d;
  std::sscanf(first_day, "%d-%d-%d", &y, &m, &d);
  auto lo = to_unix_ms(Instant{date::sys_days{date::year{y} / m / d}});
  std::sscanf(last_day, "%d-%d-%d", &y, &m, &d);
  auto hi = to_unix_ms(Instant{date::sys_days{date::year{y} / m / d}});
  auto t = std::uniform_int_distribution<int64_t>{lo, hi}(rng);
  return from_unix_ms(whole_minute ? t - (t % 60'000) : t);
}

TEST(BusinessCalendarProperty, BetweenIsTheInverseOfAdd) {
  std::mt19937_64 rng{20240601};
  for (const auto& spec : all_specs()) {
    BusinessCalendar cal{spec};
    for (int i = 0; i < 1500; ++i) {
      auto from = random_instant(rng, "2023-12-01", "2025-12-31", false);
      ch::milliseconds amount{std::uniform_int_distribution<int64_t>{0, 60LL * 690 * 60'000}(rng)};
      if (i % 10 == 0) amount = ch::milliseconds{0};
      auto due = add_business_time(cal, from, amount);
      ASSERT_GE(due, from);
      ASSERT_EQ(business_time_between(cal, from, due), amount) << spec.time_zone << " " << show(cal, from, true);
      if (amount.count() == 0) {
        ASSERT_TRUE(is_open(cal, due)) << show(cal, due, true);
      }

      // And the other way round: the business time up to `to` runs out no later than `to`.
      auto to = random_instant(rng, "2023-12-01", "2026-03-31", false);
      auto spent = business_time_between(cal, from, to);
      auto reached = add_business_time(cal, from, spent);
      if (spent.count() > 0) {
        ASSERT_LE(reached, to);
        ASSERT_EQ(business_time_between(cal, reached, to).count(), 0);
      }
    }
  }
}

TEST(BusinessCalendarProperty, AgreesWithAMinuteByMinuteReading) {
  std::mt19937_64 rng{7};
  const char* anchors[] = {"2024-02-07", "2024-03-28", "2024-09-26", "2024-10-24", "2024-06-01"};
  for (const auto& spec : all_specs()) {
    BusinessCalendar cal{spec};
    Reference ref{spec};
    for (int i = 0; i < 20; ++i) {
      const char* anchor = anchors[i % 5];
      auto from =
          random_instant(rng, anchor, anchor, true) + ch::minutes{std::uniform_int_distribution<int>{0, 2880}(rng)};
      auto span = std::uniform_int_distribution<int>{0, 6 * 1440}(rng);
      auto want = std::uniform_int_distribution<int>{1, 600}(rng);
      int64_t open_minutes = 0;
      std::optional<Instant> reference_due;
      for (int k = 0; k < span; ++k) {
        auto t = from + ch::minutes{k};
        bool open = ref.open(t);
        ASSERT_EQ(is_open(cal, t), open) << show(cal, t, true);
        if (open && ++open_minutes == want) reference_due = t + ch::minutes{1};
      }
      EXPECT_EQ(business_minutes_between(cal, from, from + ch::minutes{span}), open_minutes) << show(cal, from, true);
      if (reference_due) {
        EXPECT_EQ(show(cal, add_business_minutes(cal, from, want), true), show(cal, *reference_due, true))
            << show(cal, from, true) << " + " << want;
      }
    }
  }
}

TEST(BusinessCalendarProperty, LongSpansWithHolidays) {
  CalendarSpec spec = holiday_year_spec();
  BusinessCalendar cal{spec};
  Reference ref{spec};
  auto from = at(cal, "2024-01-01 00:00"), to = at(cal, "2025-01-01 00:00");
  int64_t open_minutes = 0;
  for (auto t = from; t < to; t += ch::minutes{1}) open_minutes += ref.open(t);
  EXPECT_EQ(open_minutes, (366 - 30) * 690);
  EXPECT_EQ(business_minutes_between(cal, from, to), open_minutes);
  // Three months of business time: 90 business days of 11.5 h from 1 Jan (closed) land
  // on a close, after the eight 春节 days and 清明.
  auto due = add_business_minutes(cal, from, 90 * 690);
  EXPECT_EQ(business_minutes_between(cal, from, due), 90 * 690);
  EXPECT_EQ(show(cal, due, false), "2024-04-11 22:00");
}

// --- Refused input -----------------------------------------------------------------------

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
