// Local days and the daily series of hot issues: a Shanghai evening is that day there, a
// store's series starts at its first item, and a planted jump on top of a flat month is the
// one spike of the day.
#include "feedback/domain/hot_days.hpp"

#include <gtest/gtest.h>

#include "feedback/domain/local_days.hpp"

namespace kefu::feedback {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr int64_t kHour = 3600'000;

sys_days day(const char* text) { return *parse_day(text); }

TEST(LocalDays, AnItemBelongsToTheDayOnTheStoresWallClock) {
  const int64_t mar10 = day_start(day("2026-03-10"), "Asia/Shanghai");
  EXPECT_EQ(mar10, day_start(day("2026-03-09"), "UTC") + 16 * kHour) << "00:00 in Shanghai is 16:00 UTC the day before";
  EXPECT_EQ(local_day(mar10, "Asia/Shanghai"), day("2026-03-10"));
  EXPECT_EQ(local_day(mar10 - 1, "Asia/Shanghai"), day("2026-03-09"));
  EXPECT_EQ(local_day(mar10, "UTC"), day("2026-03-09"));
  EXPECT_EQ(local_day(mar10, "Nowhere/Atlantis"), day("2026-03-09")) << "an unknown zone reads as UTC";
  EXPECT_EQ(local_hour(mar10 + 9 * kHour + 59 * 60'000, "Asia/Shanghai"), 9);
  // A day that starts in a DST gap (Santiago moved 00:00 → 01:00 on 2026-09-06).
  const int64_t gap = day_start(day("2026-09-06"), "America/Santiago");
  EXPECT_EQ(local_day(gap, "America/Santiago"), day("2026-09-06"));
  EXPECT_EQ(local_day(gap - 1, "America/Santiago"), day("2026-09-05"));
}

TEST(LocalDays, DaysAndIsoWeeksAreWrittenTheUsualWay) {
  EXPECT_EQ(day_text(day("2026-03-10")), "2026-03-10");
  EXPECT_FALSE(parse_day("2026-02-30"));
  EXPECT_FALSE(parse_day("2026-3-10"));
  EXPECT_FALSE(parse_day("2026-03-1x"));
  EXPECT_EQ(monday_of(day("2026-03-15")), day("2026-03-09")) << "a Sunday's Monday is six days before";
  EXPECT_EQ(monday_of(day("2026-03-09")), day("2026-03-09"));
  EXPECT_EQ(iso_week(day("2026-03-09")), "2026-W11");
  EXPECT_EQ(iso_week(day("2027-01-01")), "2026-W53") << "a Friday belongs to the week of its Thursday";
  EXPECT_EQ(iso_week(day("2024-12-30")), "2025-W01");
}

TEST(DailySeries, QuartersFallIntoTheStoresLocalDays) {
  const sys_days today = day("2026-03-10");
  const std::string zone = "Asia/Shanghai";
  const DayOfStore day_of = [&](int64_t, int64_t ms) { return local_day(ms, zone); };
  const int64_t start = day_start(today, zone);
  const std::vector<TopicQuarter> q{
      {1, "parking", start - kQuarterMs, 2},  // 23:45 the day before
      {1, "parking", start, 3},               // 00:00 today
      {1, "parking", start + 20 * kHour, 1},
      {1, "price", start - 3 * 24 * kHour, 4},
      {2, "parking", start, 1},
      {1, "parking", start + 30 * kHour, 9},  // tomorrow: not in the series
  };
  const auto series = daily_series(q, {{1, today - days{5}}}, today - days{28}, today, day_of);
  ASSERT_EQ(series.size(), 3u);
  EXPECT_EQ(series[0].store, "1");
  EXPECT_EQ(series[0].topic, "parking");
  EXPECT_EQ(series[0].first_day, today - days{5}) << "counting began with the store's first item";
  EXPECT_EQ(series[0].counts, (std::vector<int64_t>{0, 0, 0, 0, 2, 4}));
  EXPECT_EQ(series[1].topic, "price");
  EXPECT_EQ(series[1].counts, (std::vector<int64_t>{0, 0, 4, 0, 0, 0}));
  EXPECT_EQ(series[2].store, "2");
  EXPECT_EQ(series[2].first_day, today - days{28}) << "a store without a known first item starts at the window";
}

TEST(DailySeries, APlantedJumpIsTheDaysOnlySpike) {
  const sys_days today = day("2026-03-10");
  const DayOfStore day_of = [](int64_t, int64_t ms) { return local_day(ms, "UTC"); };
  std::vector<TopicQuarter> q;
  const int64_t t0 = day_start(today, "UTC");
  for (int d = 30; d >= 0; --d) {
    const int64_t at = t0 - d * 24 * kHour + 10 * kHour;
    q.push_back({1, "parking", at, d == 0 ? 14 : 1 + d % 2});  // 1–2 a day, then 14 today
    q.push_back({1, "queueing", at, 2 + d % 3});               // 2–4 a day, flat
    q.push_back({2, "parking", at, 1 + (d % 4 == 0)});
  }
  const auto series = daily_series(q, {{1, today - days{30}}, {2, today - days{30}}}, today - days{28}, today, day_of);
  const auto scan = find_spikes(series, today);
  EXPECT_EQ(scan.tested, 3);
  ASSERT_EQ(scan.spikes.size(), 1u);
  EXPECT_EQ(scan.spikes[0].store, "1");
  EXPECT_EQ(scan.spikes[0].topic, "parking");
  EXPECT_EQ(scan.spikes[0].observed, 14);
}

}  // namespace
}  // namespace kefu::feedback
