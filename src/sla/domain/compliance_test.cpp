#include "sla/domain/compliance.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"
#include "sla/domain/sla_test_support.hpp"

namespace kefu::sla {
namespace {

using namespace std::chrono_literals;
using test::at;
using test::store;
using K = EventKind;
using M = Metric;

Target biz(int64_t minutes) { return {minutes, TimeMode::business}; }
Target cal(int64_t minutes) { return {minutes, TimeMode::calendar}; }

ClockEvent ev(M m, K kind, const char* when) { return {m, kind, at(when), "", {}, false}; }
ClockEvent act(M m, const char* when, Target t, bool keep = false) { return {m, K::activate, at(when), "", t, keep}; }

TicketClockHistory ticket(int64_t id, std::string priority, const char* created, std::vector<ClockEvent> events) {
  return {id, "上海店", "complaint", std::move(priority), "service_desk", at(created), std::move(events), &store()};
}

int64_t minutes_ms(int64_t m) { return m * 60'000; }

struct Expected {
  std::string key;
  Metric metric;
  int64_t total, met, missed, open;
  double rate;
  int64_t avg_elapsed_ms;
};

void expect_rows(const std::vector<ComplianceRow>& got, const std::vector<Expected>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto& g = got[i];
    const auto& w = want[i];
    std::string where = "row " + std::to_string(i) + " (" + w.key + " " + std::string(name(w.metric)) + ")";
    EXPECT_EQ(g.key, w.key) << where;
    EXPECT_EQ(g.metric, w.metric) << where;
    EXPECT_EQ(g.total, w.total) << where;
    EXPECT_EQ(g.met, w.met) << where;
    EXPECT_EQ(g.missed, w.missed) << where;
    EXPECT_EQ(g.open, w.open) << where;
    EXPECT_NEAR(g.rate, w.rate, 1e-9) << where;
    EXPECT_EQ(g.avg_elapsed_ms, w.avg_elapsed_ms) << where;
  }
}

// Store calendar: every day 10:00–22:00 Shanghai. The report is run at 2024-03-11 15:00.
std::vector<TicketClockHistory> week_of_tickets() {
  return {
      // Met: answered in 10 min (target 30), resolved in 2 h (target 4 h).
      ticket(1, "P3", "2024-03-11 10:00",
             {act(M::first_response, "2024-03-11 10:00", biz(30)), act(M::resolution, "2024-03-11 10:00", biz(240)),
              ev(M::first_response, K::fulfil, "2024-03-11 10:10"), ev(M::resolution, K::fulfil, "2024-03-11 12:00")}),
      // Missed: resolved in 2 h against a 1 h target.
      ticket(2, "P2", "2024-03-11 11:00",
             {act(M::resolution, "2024-03-11 11:00", biz(60)), ev(M::resolution, K::fulfil, "2024-03-11 13:00")}),
      // Open: 1 h of 4 h used.
      ticket(3, "P3", "2024-03-11 14:00", {act(M::resolution, "2024-03-11 14:00", biz(240))}),
      // Still open but already late: 30 + 60 running minutes of a 60 min target (paused 30 min).
      ticket(4, "P2", "2024-03-11 13:00",
             {act(M::resolution, "2024-03-11 13:00", biz(60)), ev(M::resolution, K::pause, "2024-03-11 13:30"),
              ev(M::resolution, K::resume, "2024-03-11 14:00")}),
      // Reopened: first resolution in 1 h (met), the callback cancelled by the reopen (not
      // counted), second resolution in 4 h 30 against 4 h (missed), a new callback open.
      ticket(5, "P3", "2024-03-10 10:00",
             {act(M::resolution, "2024-03-10 10:00", biz(240)), ev(M::resolution, K::fulfil, "2024-03-10 11:00"),
              act(M::callback, "2024-03-10 11:00", cal(1440)), act(M::resolution, "2024-03-11 10:00", biz(240)),
              ev(M::callback, K::cancel, "2024-03-11 10:00"), ev(M::resolution, K::fulfil, "2024-03-11 14:30"),
              act(M::callback, "2024-03-11 14:30", cal(1440))}),
      // Priority raised to P1 after 1 h: 8 h target becomes 2 h, resolved after 1 h 30: met, once.
      ticket(
          6, "P1", "2024-03-11 10:00",
          {act(M::resolution, "2024-03-11 10:00", biz(480)), ev(M::resolution, K::cancel, "2024-03-11 11:00"),
           act(M::resolution, "2024-03-11 11:00", biz(120), true), ev(M::resolution, K::fulfil, "2024-03-11 11:30")}),
      // Priority raised to P1 after 2 h 30 (already past the new 2 h): missed, once.
      ticket(
          7, "P1", "2024-03-11 10:00",
          {act(M::resolution, "2024-03-11 10:00", biz(480)), ev(M::resolution, K::cancel, "2024-03-11 12:30"),
           act(M::resolution, "2024-03-11 12:30", biz(120), true), ev(M::resolution, K::fulfil, "2024-03-11 13:00")}),
      // No SLA applied: no events, no calendar; skipped.
      {8, "上海店", "inquiry", "P4", "hotline", at("2024-03-11 10:00"), {}, nullptr},
  };
}

TEST(SlaCompliance, ByPriorityCountsEachCycleOnce) {
  auto tickets = week_of_tickets();
  auto rows = compliance(tickets, Dimension::priority, at("2024-03-11 15:00"));
  expect_rows(rows, {
                        {"P1", M::resolution, 2, 1, 1, 0, 0.5, minutes_ms((90 + 180) / 2)},
                        {"P2", M::resolution, 2, 0, 2, 0, 0.0, minutes_ms(120)},  // the open late one has no time
                        {"P3", M::first_response, 1, 1, 0, 0, 1.0, minutes_ms(10)},
                        {"P3", M::resolution, 4, 2, 1, 1, 2.0 / 3, minutes_ms((120 + 60 + 270) / 3)},
                        {"P3", M::callback, 1, 0, 0, 1, -1, -1},
                    });
}

TEST(SlaCompliance, ByStoreAddsAllPrioritiesUp) {
  auto tickets = week_of_tickets();
  auto rows = compliance(tickets, Dimension::store, at("2024-03-11 15:00"));
  expect_rows(rows,
              {
                  {"上海店", M::first_response, 1, 1, 0, 0, 1.0, minutes_ms(10)},
                  {"上海店", M::resolution, 8, 3, 4, 1, 3.0 / 7, minutes_ms((90 + 180 + 120 + 120 + 60 + 270) / 6)},
                  {"上海店", M::callback, 1, 0, 0, 1, -1, -1},
              });
}

TEST(SlaCompliance, AsOfNowIgnoresLaterEvents) {
  std::vector<TicketClockHistory> tickets{
      ticket(1, "P3", "2024-03-11 10:00",
             {act(M::resolution, "2024-03-11 10:00", biz(60)), ev(M::resolution, K::fulfil, "2024-03-11 10:30")})};
  struct Row {
    const char* now;
    int64_t met, missed, open;
  };
  const Row rows[] = {
      {"2024-03-11 10:20", 0, 0, 1},  // not yet resolved
      {"2024-03-11 10:30", 1, 0, 0},  // resolved at now
      {"2024-03-12 10:30", 1, 0, 0},  // a day later: still met
  };
  for (const auto& r : rows) {
    auto got = compliance(tickets, Dimension::priority, at(r.now));
    ASSERT_EQ(got.size(), 1u) << r.now;
    EXPECT_EQ(got[0].met, r.met) << r.now;
    EXPECT_EQ(got[0].missed, r.missed) << r.now;
    EXPECT_EQ(got[0].open, r.open) << r.now;
  }
  EXPECT_TRUE(compliance(tickets, Dimension::priority, at("2024-03-11 09:00")).empty()) << "before activation";
}

TEST(SlaCompliance, ByDaySplitsAtShanghaiMidnightNotUtc) {
  // 23:30 and 00:30 Shanghai are both on 11 March in UTC (15:30 and 16:30).
  std::vector<TicketClockHistory> tickets{
      ticket(1, "P3", "2024-03-11 23:30",
             {act(M::first_response, "2024-03-11 23:30", biz(30)),
              ev(M::first_response, K::fulfil, "2024-03-12 10:10")}),  // 10 business minutes: met
      ticket(2, "P3", "2024-03-12 00:30",
             {act(M::first_response, "2024-03-12 00:30", biz(30)),
              ev(M::first_response, K::fulfil, "2024-03-12 10:45")}),  // 45 business minutes: missed
      ticket(3, "P3", "2024-03-12 09:00",
             {act(M::first_response, "2024-03-12 09:00", biz(30)),
              ev(M::first_response, K::fulfil, "2024-03-12 10:05")}),  // met
  };
  auto rows = compliance(tickets, Dimension::day, at("2024-03-12 12:00"));
  expect_rows(rows, {
                        {"2024-03-11", M::first_response, 1, 1, 0, 0, 1.0, minutes_ms(10)},
                        {"2024-03-12", M::first_response, 2, 1, 1, 0, 0.5, minutes_ms(25)},
                    });
}

TEST(SlaCompliance, PeriodKeysOnTheStoreWallClock) {
  static const BusinessCalendar berlin = [] {
    CalendarSpec s;
    s.time_zone = "Europe/Berlin";
    s.weekly.push_back({1, "09:00", "18:00"});
    return BusinessCalendar{s};
  }();
  struct Row {
    const char* created;  // Shanghai wall clock
    const BusinessCalendar* calendar;
    const char *day, *week, *month;
  };
  const Row rows[] = {
      {"2024-04-01 00:30", &store(), "2024-04-01", "2024-W14", "2024-04"},
      {"2024-04-01 00:30", &berlin, "2024-03-31", "2024-W13", "2024-03"},  // 18:30 CEST the day before
      {"2024-12-29 23:59", &store(), "2024-12-29", "2024-W52", "2024-12"},
      {"2024-12-30 08:00", &store(), "2024-12-30", "2025-W01", "2024-12"},  // ISO year differs
      {"2021-01-03 12:00", &store(), "2021-01-03", "2020-W53", "2021-01"},
  };
  for (const auto& r : rows) {
    TicketClockHistory t{1, "s", "complaint", "P3", "app", at(r.created), {}, r.calendar};
    EXPECT_EQ(group_key(t, Dimension::day), r.day) << r.created;
    EXPECT_EQ(group_key(t, Dimension::week), r.week) << r.created;
    EXPECT_EQ(group_key(t, Dimension::month), r.month) << r.created;
    EXPECT_EQ(group_key(t, Dimension::channel), "app");
  }
}

TEST(SlaCompliance, DimensionCodes) {
  for (auto d : {Dimension::store, Dimension::type, Dimension::priority, Dimension::channel, Dimension::day,
                 Dimension::week, Dimension::month}) {
    EXPECT_EQ(dimension_from(name(d)), d) << name(d);
    EXPECT_FALSE(name_zh(d).empty());
  }
  EXPECT_EQ(name(Dimension::week), "week");
  EXPECT_EQ(dimension_from("year"), std::nullopt);
  EXPECT_EQ(dimension_from(""), std::nullopt);
  EXPECT_EQ(dimension_from("Store"), std::nullopt);
}

TEST(SlaCompliance, BadInputIsNamed) {
  TicketClockHistory no_calendar{
      42,     "s", "complaint", "P3", "app", at("2024-03-11 10:00"), {act(M::resolution, "2024-03-11 10:00", biz(60))},
      nullptr};
  try {
    compliance(std::span(&no_calendar, 1), Dimension::store, at("2024-03-11 12:00"));
    ADD_FAILURE() << "accepted a ticket without a calendar";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "missing_calendar");
    EXPECT_EQ(e.field(), "calendar");
    EXPECT_NE(e.message_en().find("42"), std::string::npos) << e.message_en();
  }

  auto broken = ticket(43, "P3", "2024-03-11 10:00", {ev(M::resolution, K::pause, "2024-03-11 10:00")});
  try {
    compliance(std::span(&broken, 1), Dimension::store, at("2024-03-11 12:00"));
    ADD_FAILURE() << "accepted a history that does not replay";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::conflict);
    EXPECT_EQ(e.code(), "invalid_clock_event");
    EXPECT_NE(e.message_zh().find("工单 43"), std::string::npos) << e.message_zh();
  }
}

ComplianceRow row(std::string key, Metric m, int64_t met, int64_t missed, int64_t open, int64_t avg_ms) {
  double decided = static_cast<double>(met + missed);
  return {std::move(key), m, met + missed + open, met, missed, open, decided == 0 ? -1 : met / decided, avg_ms};
}

TEST(SlaComplianceCsv, ChineseForExcel) {
  const std::vector<ComplianceRow> rows{
      row("complaint", M::resolution, 187, 13, 4, 90'500),  // 93.5%, 1.5 min
      row("inquiry", M::first_response, 0, 0, 3, -1),       // nothing decided yet
      row("lost_found", M::callback, 1999, 1, 0, 59'999),   // never shown as 100.0%
      row("wholesale", M::resolution, 2, 1, 0, 600'000),    // an unknown code stays as it is
  };
  EXPECT_EQ(compliance_csv(rows, Dimension::type, true),
            "\xEF\xBB\xBF"
            "分组,指标,总数,达标,超时,进行中,达标率,平均用时(分钟)\r\n"
            "投诉,办结,204,187,13,4,93.5%,1.5\r\n"
            "咨询,首次响应,3,0,0,3,,\r\n"
            "失物招领,回访,2000,1999,1,0,99.9%,0.9\r\n"
            "wholesale,办结,3,2,1,0,66.6%,10.0\r\n");
}

TEST(SlaComplianceCsv, EnglishAndEscaping) {
  const std::vector<ComplianceRow> rows{
      row("Shop, \"Nanjing Rd\"", M::resolution, 1, 0, 0, 60'000),
      row("two\r\nlines", M::first_response, 0, 1, 0, 120'000),
      row("plain", M::callback, 1, 0, 0, 0),
  };
  EXPECT_EQ(compliance_csv(rows, Dimension::store, false),
            "\xEF\xBB\xBF"
            "Group,Metric,Total,Met,Missed,Open,Compliance rate,Average time (minutes)\r\n"
            "\"Shop, \"\"Nanjing Rd\"\"\",resolution,1,1,0,0,100.0%,1.0\r\n"
            "\"two\r\nlines\",first_response,1,0,1,0,0.0%,2.0\r\n"
            "plain,callback,1,1,0,0,100.0%,0.0\r\n");
  // Codes are not translated in English, nor stores in Chinese.
  EXPECT_NE(compliance_csv(rows, Dimension::store, true).find("\"Shop, \"\"Nanjing Rd\"\"\",办结"), std::string::npos);
}

TEST(SlaComplianceCsv, ReportEndToEnd) {
  auto tickets = week_of_tickets();
  auto csv =
      compliance_csv(compliance(tickets, Dimension::priority, at("2024-03-11 15:00")), Dimension::priority, true);
  EXPECT_NE(csv.find("\r\nP1 紧急（安全/食品/媒体曝光）,办结,2,1,1,0,50.0%,135.0\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\nP3 中（一般投诉）,办结,4,2,1,1,66.6%,150.0\r\n"), std::string::npos) << csv;
}

}  // namespace
}  // namespace kefu::sla
