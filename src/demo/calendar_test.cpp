#include "demo/calendar.hpp"

#include <gtest/gtest.h>

#include "demo/slots.hpp"

namespace kefu::demo::detail {
namespace {

Store lunch_break_store() {
  Store s{"T01", "测试店", "Asia/Shanghai", "", {}, ""};
  for (int wd = 0; wd < 7; ++wd) {
    s.hours.push_back({wd, "10:00", "13:30"});
    s.hours.push_back({wd, "14:00", "22:00"});
  }
  return s;
}

// 2025-05-21 (a Wednesday) at local hh:mm.
int64_t at(int hh, int mm) { return local_midnight(days_from_civil({2025, 5, 21})) + hh * 3600 + mm * 60; }

TEST(DemoCalendar, ConvertsCivilDates) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
  for (int64_t d : {-1000, 0, 11016, 19000, 20594, 30000}) {
    EXPECT_EQ(days_from_civil(civil_from_days(d)), d);
  }
  EXPECT_EQ(format_date(civil_from_days(days_from_civil({2024, 2, 29}))), "2024-02-29");
  EXPECT_EQ(weekday(days_from_civil({2025, 5, 21})), 3);
  EXPECT_EQ(weekday(days_from_civil({2025, 5, 25})), 0);
}

TEST(DemoCalendar, UsesShanghaiTime) {
  // 2025-05-20T16:30:00Z is 00:30 on the 21st in Shanghai.
  EXPECT_EQ(format_date(civil_from_days(local_day(1747758600))), "2025-05-21");
  EXPECT_EQ(local_seconds(1747758600), 1800);
}

TEST(DemoCalendar, ParsesClockTimes) {
  EXPECT_EQ(parse_clock("22:30"), 81000);
  EXPECT_EQ(parse_clock("9:30"), -1);
  EXPECT_EQ(parse_clock("ab:cd"), -1);
}

TEST(DemoCalendar, FindsTheNextOpeningTime) {
  const Store s = lunch_break_store();
  EXPECT_TRUE(is_open(s, at(10, 0)));
  EXPECT_FALSE(is_open(s, at(13, 30)));
  EXPECT_EQ(next_open(s, at(12, 0)), at(12, 0));
  EXPECT_EQ(next_open(s, at(13, 40)), at(14, 0));
  EXPECT_EQ(next_open(s, at(8, 0)), at(10, 0));
  EXPECT_EQ(next_open(s, at(22, 0)), at(10, 0) + 86400);
  EXPECT_EQ(next_open(Store{}, at(12, 0)), -1);
}

TEST(DemoCalendar, HolidaysAreBusier) {
  EXPECT_EQ(holiday_percent({2025, 3, 12}), 100);
  EXPECT_GT(holiday_percent({2025, 10, 3}), 100);
  EXPECT_GT(holiday_percent({2025, 1, 30}), 100);  // Spring Festival
  EXPECT_GT(holiday_percent({2025, 5, 1}), 100);
}

TEST(DemoSlots, FillsKnownSlotsAndKeepsUnknownOnes) {
  Slots s;
  s.set("brand", "茉伊");
  s.set("brand", "森屿");
  s.set("price", "299");
  EXPECT_EQ(s.fill("{brand}专柜标价¥{price}，{unknown}"), "森屿专柜标价¥299，{unknown}");
  EXPECT_EQ(s.fill("无槽位"), "无槽位");
  EXPECT_EQ(char_count("SKU-1 茉伊"), 8u);
}

}  // namespace
}  // namespace kefu::demo::detail
