// Business-calendar properties on random samples (fixed seed), checked against an
// independent minute-by-minute reading of the same spec.
#include <date/tz.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "sla/domain/calendar.hpp"
#include "sla/domain/calendar_fixtures.hpp"

namespace kefu::sla {
namespace {

using namespace calendar_testing;

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

}  // namespace
}  // namespace kefu::sla
