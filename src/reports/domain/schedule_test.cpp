// When a scheduled report runs and which period it covers, as tables a store manager can
// read: Shanghai has no DST; New York shows the DST-skipped hour.
#include "reports/domain/schedule.hpp"

#include <date/date.h>
#include <gtest/gtest.h>

namespace kefu::reports {
namespace {

// Unix ms of a Shanghai wall-clock time (UTC+8).
int64_t sh(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
  using namespace std::chrono;
  const auto day = date::sys_days{date::year{y} / m / d};
  return duration_cast<milliseconds>((day + hours{h} + minutes{min} - hours{8}).time_since_epoch()).count();
}

TEST(ReportSchedule, NextRun) {
  struct Case {
    Frequency f;
    int hour;
    int64_t now, next;
  };
  // 2026-11-22 is a Sunday; 2026-11-23 a Monday.
  const Case cases[] = {
      {Frequency::daily, 8, sh(2026, 11, 22, 7, 59), sh(2026, 11, 22, 8)},
      {Frequency::daily, 8, sh(2026, 11, 22, 8), sh(2026, 11, 23, 8)},  // strictly after
      {Frequency::daily, 0, sh(2026, 12, 31, 23, 30), sh(2027, 1, 1, 0)},
      {Frequency::weekly, 9, sh(2026, 11, 22, 10), sh(2026, 11, 23, 9)},
      {Frequency::weekly, 9, sh(2026, 11, 23, 8), sh(2026, 11, 23, 9)},
      {Frequency::weekly, 9, sh(2026, 11, 23, 9), sh(2026, 11, 30, 9)},
      {Frequency::monthly, 7, sh(2026, 11, 22, 10), sh(2026, 12, 1, 7)},
      {Frequency::monthly, 7, sh(2026, 12, 1, 6), sh(2026, 12, 1, 7)},
      {Frequency::monthly, 7, sh(2026, 12, 1, 7), sh(2027, 1, 1, 7)},
  };
  for (const auto& c : cases)
    EXPECT_EQ(next_run_after(c.f, c.hour, "Asia/Shanghai", c.now), c.next) << name(c.f) << " " << c.now;
}

TEST(ReportSchedule, PeriodJustEnded) {
  struct Case {
    Frequency f;
    int64_t run_at, from, to;
    const char* label;
  };
  const Case cases[] = {
      {Frequency::daily, sh(2026, 11, 22, 8), sh(2026, 11, 21), sh(2026, 11, 22), "2026-11-21"},
      {Frequency::daily, sh(2027, 1, 1, 0), sh(2026, 12, 31), sh(2027, 1, 1), "2026-12-31"},
      {Frequency::weekly, sh(2026, 11, 23, 9), sh(2026, 11, 16), sh(2026, 11, 23), "2026-11-16 至 2026-11-22"},
      {Frequency::monthly, sh(2026, 12, 1, 7), sh(2026, 11, 1), sh(2026, 12, 1), "2026-11"},
      {Frequency::monthly, sh(2027, 1, 1, 7), sh(2026, 12, 1), sh(2027, 1, 1), "2026-12"},
      {Frequency::monthly, sh(2027, 3, 1, 7), sh(2027, 2, 1), sh(2027, 3, 1), "2027-02"},
  };
  for (const auto& c : cases) {
    const auto p = period_before(c.f, c.run_at, "Asia/Shanghai");
    EXPECT_EQ(p.from, c.from) << c.label;
    EXPECT_EQ(p.to, c.to) << c.label;
    EXPECT_EQ(p.label, c.label);
  }
}

TEST(ReportSchedule, DstSkippedHourRunsAtTheFirstInstantAfter) {
  // New York, 2027-03-14: 02:00 does not exist; a 2 o'clock daily run happens at 03:00 EDT
  // = 07:00 UTC.
  using namespace std::chrono;
  const auto day = date::sys_days{date::year{2027} / 3 / 14};
  const int64_t midnight_utc = duration_cast<milliseconds>(day.time_since_epoch()).count();
  const int64_t expect = midnight_utc + 7 * 3600000LL;
  EXPECT_EQ(next_run_after(Frequency::daily, 2, "America/New_York", midnight_utc), expect);
}

TEST(ReportSchedule, Recipients) {
  struct Case {
    const char* text;
    bool ok;
    const char* shown;
  };
  const Case cases[] = {{"staff:12", true, "staff:12"},
                        {"li@store.example", true, "li@store.example"},
                        {"staff:0", false, ""},
                        {"staff:x", false, ""},
                        {"li@store", false, ""},
                        {"li @store.example", false, ""},
                        {"<li@store.example>", false, ""},
                        {"", false, ""}};
  for (const auto& c : cases) {
    const auto r = parse_recipient(c.text);
    EXPECT_EQ(r.has_value(), c.ok) << c.text;
    if (r) {
      EXPECT_EQ(recipient_text(*r), c.shown);
    }
  }
}

TEST(ReportSchedule, Vocabularies) {
  EXPECT_EQ(frequency_from("weekly"), Frequency::weekly);
  EXPECT_EQ(frequency_from("hourly"), std::nullopt);
  EXPECT_EQ(name_zh(Frequency::monthly), "月报");
  EXPECT_EQ(report_kind_from("sla"), ReportKind::sla);
  EXPECT_EQ(report_kind_from("x"), std::nullopt);
}

}  // namespace
}  // namespace kefu::reports
