#include "org/domain/calendar_values.hpp"

#include <gtest/gtest.h>

namespace kefu::people {

TEST(CalendarValues, TimeZonesFromTheTzDatabase) {
  EXPECT_TRUE(is_time_zone("Asia/Shanghai"));
  EXPECT_TRUE(is_time_zone("Europe/Berlin"));
  EXPECT_FALSE(is_time_zone("Mars/Olympus"));
  EXPECT_FALSE(is_time_zone(""));
}

TEST(CalendarValues, RealDatesOnly) {
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("2024-13-45"));
  EXPECT_FALSE(is_iso_date("2024/01/01"));
  EXPECT_FALSE(is_iso_date("１９９０-01-01"));
}

TEST(CalendarValues, ClockTimes) {
  EXPECT_TRUE(is_clock_time("10:00"));
  EXPECT_TRUE(is_clock_time("24:00"));
  EXPECT_FALSE(is_clock_time("24:30"));
  EXPECT_FALSE(is_clock_time("9:00"));
  EXPECT_FALSE(is_clock_time("10:60"));
}

}  // namespace kefu::people
