// Ticket facts as a table: a ticket's row, owner changes, SLA clock events and rating →
// the figures the dashboards add up (facts.hpp says each definition).
#include "reports/domain/facts.hpp"

#include <gtest/gtest.h>

#include "reports/domain/rollup.hpp"

namespace kefu::reports {
namespace {

constexpr int64_t kMin = 60'000, kHour = 60 * kMin;
// 2026-11-23 (a Monday) 00:00 in Shanghai, as Unix ms.
constexpr int64_t kMonday = 1795392000000LL - 8 * kHour;
int64_t at(int day, int hour, int minute = 0) { return kMonday + day * 24 * kHour + hour * kHour + minute * kMin; }

const sla::BusinessCalendar& calendar() {  // every day 10:00–22:00
  static const sla::BusinessCalendar cal([] {
    sla::CalendarSpec s;
    for (int wd = 0; wd < 7; ++wd) s.weekly.push_back({wd, "10:00", "22:00"});
    return s;
  }());
  return cal;
}

sla::ClockEvent ev(sla::Metric m, sla::EventKind k, int64_t when, int64_t target_minutes = 0) {
  sla::ClockEvent e{.metric = m, .kind = k, .at = sla::from_unix_ms(when)};
  if (k == sla::EventKind::activate) e.target = sla::Target{target_minutes, sla::TimeMode::business};
  return e;
}

struct Row {
  const char* name;
  ticket::Ticket t;
  std::optional<int64_t> created_owner;
  std::vector<OwnerChange> changes;
  std::vector<sla::ClockEvent> clock;
  std::optional<int> csat;
  // expected
  std::optional<int64_t> frt_ms, resolution_ms;
  bool resolved, fcr, reopened, frt_missed, resolution_missed, sla_met, sla_missed;
};

ticket::Ticket ticket_at(int64_t created, const char* status, std::optional<int64_t> owner = 5) {
  ticket::Ticket t;
  t.id = 1;
  t.store_id = 2;
  t.type = "inquiry";
  t.channel = "service_desk";
  t.priority = "P4";
  t.status = ticket::Status::of(status);
  t.owner_id = owner;
  t.created_at = t.updated_at = created;
  return t;
}

ticket::Ticket with(ticket::Ticket t, std::optional<int64_t> first_response, std::optional<int64_t> resolved,
                    int reopens = 0) {
  t.first_response_at = first_response;
  t.resolved_at = resolved;
  t.reopen_count = reopens;
  t.updated_at = std::max({t.updated_at, first_response.value_or(0), resolved.value_or(0)});
  return t;
}

using M = sla::Metric;
using K = sla::EventKind;

const std::vector<Row>& rows() {
  static const std::vector<Row> r{
      {"created before opening, answered 10:30, resolved 12:00 by its owner",
       with(ticket_at(at(0, 9), "resolved"), at(0, 10, 30), at(0, 12)),
       5,
       {},
       {},
       std::nullopt,
       30 * kMin,
       2 * kHour,
       true,
       true,
       false,
       false,
       false,
       false,
       false},
      {"created after closing, answered next morning: only opening hours count",
       with(ticket_at(at(0, 21, 30), "in_progress"), at(1, 10, 15), std::nullopt),
       5,
       {},
       {},
       std::nullopt,
       45 * kMin,
       std::nullopt,
       false,
       false,
       false,
       false,
       false,
       false,
       false},
      {"handed over to a colleague who resolved it: not first-contact resolution",
       with(ticket_at(at(0, 10), "resolved", 6), at(0, 10, 5), at(0, 11)),
       5,
       {{5, 6}},
       {},
       std::nullopt,
       5 * kMin,
       1 * kHour,
       true,
       false,
       false,
       false,
       false,
       false,
       false},
      {"reopened and resolved again: reopened, not first-contact resolution",
       with(ticket_at(at(0, 10), "closed"), at(0, 10, 5), at(1, 11), 1),
       5,
       {},
       {},
       std::nullopt,
       5 * kMin,
       13 * kHour,
       true,
       false,
       true,
       false,
       false,
       false,
       false},
      {"an online contact claimed and resolved by the same agent: first-contact resolution",
       with(ticket_at(at(0, 10), "resolved", 7), at(0, 10, 10), at(0, 10, 40)),
       std::nullopt,
       {{std::nullopt, 7}},
       {},
       std::nullopt,
       10 * kMin,
       40 * kMin,
       true,
       true,
       false,
       false,
       false,
       false,
       false},
      {"an open ticket: no resolution time, not resolved",
       ticket_at(at(0, 10), "in_progress"),
       5,
       {},
       {},
       std::nullopt,
       std::nullopt,
       std::nullopt,
       false,
       false,
       false,
       false,
       false,
       false,
       false},
      {"SLA clocks: answered in 20 of 30 minutes (met), resolved in 90 of 60 (missed)",
       with(ticket_at(at(0, 10), "resolved"), at(0, 10, 20), at(0, 11, 30)),
       5,
       {},
       {ev(M::first_response, K::activate, at(0, 10), 30), ev(M::resolution, K::activate, at(0, 10), 60),
        ev(M::first_response, K::fulfil, at(0, 10, 20)), ev(M::resolution, K::fulfil, at(0, 11, 30))},
       std::nullopt,
       20 * kMin,
       90 * kMin,
       true,
       true,
       false,
       false,
       true,
       false,
       true},
      {"SLA clocks: time waiting for the customer (paused) is not resolution time",
       with(ticket_at(at(0, 10), "resolved"), at(0, 10, 20), at(0, 13)),
       5,
       {},
       {ev(M::first_response, K::activate, at(0, 10), 30), ev(M::resolution, K::activate, at(0, 10), 120),
        ev(M::first_response, K::fulfil, at(0, 10, 20)), ev(M::resolution, K::pause, at(0, 11)),
        ev(M::resolution, K::resume, at(0, 12, 30)), ev(M::resolution, K::fulfil, at(0, 13))},
       std::nullopt,
       20 * kMin,
       90 * kMin,
       true,
       true,
       false,
       false,
       false,
       true,
       false},
      {"an open first response past its target at the ticket's last change is missed",
       [] {
         auto t = ticket_at(at(0, 10), "new");
         t.updated_at = at(0, 11);
         return t;
       }(),
       5,
       {},
       {ev(M::first_response, K::activate, at(0, 10), 30)},
       std::nullopt,
       std::nullopt,
       std::nullopt,
       false,
       false,
       false,
       true,
       false,
       false,
       true},
      {"an open first response within its target: neither met nor missed",
       ticket_at(at(0, 10), "new"),
       5,
       {},
       {ev(M::first_response, K::activate, at(0, 10), 30)},
       std::nullopt,
       std::nullopt,
       std::nullopt,
       false,
       false,
       false,
       false,
       false,
       false,
       false},
  };
  return r;
}

TEST(TicketFacts, EachDefinitionOnATableOfTickets) {
  for (const auto& row : rows()) {
    SCOPED_TRACE(row.name);
    auto f = ticket_fact({.ticket = row.t,
                          .created_owner = row.created_owner,
                          .owner_changes = row.changes,
                          .clock = row.clock,
                          .csat = row.csat,
                          .calendar = calendar()});
    EXPECT_EQ(f.frt_ms, row.frt_ms);
    EXPECT_EQ(f.resolution_ms, row.resolution_ms);
    EXPECT_EQ(f.resolved, row.resolved);
    EXPECT_EQ(f.fcr, row.fcr);
    EXPECT_EQ(f.reopened, row.reopened);
    EXPECT_EQ(f.frt_missed, row.frt_missed);
    EXPECT_EQ(f.resolution_missed, row.resolution_missed);
    EXPECT_EQ(f.sla_met, row.sla_met);
    EXPECT_EQ(f.sla_missed, row.sla_missed);
  }
}

TEST(TicketFacts, CohortDayAndHourAreLocalToTheStoresZone) {
  auto t = ticket_at(at(0, 23, 30), "new");  // Monday 23:30 in Shanghai = Monday 15:30 UTC
  auto f = ticket_fact({.ticket = t, .created_owner = 5, .calendar = calendar()});
  EXPECT_EQ(f.day, 20261123);
  EXPECT_EQ(f.hour, 23);
  EXPECT_EQ(local_day_hour(at(1, 0, 30), "Asia/Shanghai").day, 20261124);
  EXPECT_EQ(local_day_hour(at(1, 0, 30), "UTC").day, 20261123);
  EXPECT_EQ(local_day_hour(at(1, 0, 30), "UTC").hour, 16);
}

TEST(TicketFacts, FirstOwnerAndComplaintCauseAndRating) {
  auto t = ticket_at(at(0, 10), "resolved", 8);
  t.type = "complaint";
  t.category = "服务态度";
  std::vector<OwnerChange> changes{{std::nullopt, 7}, {7, 8}};
  auto f = ticket_fact({.ticket = t, .owner_changes = changes, .csat = 5, .calendar = calendar()});
  EXPECT_EQ(f.first_owner_id, 7);
  EXPECT_TRUE(f.handed_over);
  EXPECT_FALSE(f.fcr);
  EXPECT_EQ(f.complaint_cause, "服务态度");
  EXPECT_EQ(f.csat, 5);
  t.type = "inquiry";
  EXPECT_EQ(ticket_fact({.ticket = t, .calendar = calendar()}).complaint_cause, "");
  EXPECT_FALSE(ticket_fact({.ticket = t, .csat = 9, .calendar = calendar()}).csat);
}

TEST(Rollups, AChangeIsTheOldFactSubtractedAndTheNewOneAdded) {
  auto t = ticket_at(at(0, 10), "in_progress");
  auto before = ticket_fact({.ticket = t, .created_owner = 5, .calendar = calendar()});
  t = with(t, at(0, 10, 30), at(0, 11));
  t.status = "resolved";
  auto after = ticket_fact({.ticket = t, .created_owner = 5, .csat = 4, .calendar = calendar()});
  Rollups r;
  accumulate(r, before, +1);
  accumulate(r, before, -1);
  accumulate(r, after, +1);
  const RollupKey all{"all", 20261123, 2, ""};
  ASSERT_TRUE(r.count(all));
  const auto& m = r.at(all);
  EXPECT_EQ(m.contacts, 1);
  EXPECT_EQ(m.resolved, 1);
  EXPECT_EQ(m.frt_n, 1);
  EXPECT_EQ(m.frt_sum_ms, 30 * kMin);
  EXPECT_EQ(m.res_sum_ms, 1 * kHour);
  EXPECT_EQ(m.fcr, 1);
  EXPECT_EQ(m.csat_good, 1);
  EXPECT_EQ(r.at({"hour", 20261123, 2, "10"}).contacts, 1);
  EXPECT_EQ(r.at({"staff", 20261123, 2, "5"}).contacts, 1);
  EXPECT_FALSE(r.count({"complaint_cause", 20261123, 2, ""}));
  EXPECT_EQ(buckets(after).size(), 8u);
}

}  // namespace
}  // namespace kefu::reports
