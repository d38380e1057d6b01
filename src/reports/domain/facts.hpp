#pragma once
// Ticket facts (工单事实): one record per ticket with everything the dashboards count,
// derived from the ticket's row, its owner changes, its SLA clock events and its CSAT
// rating. Pure: the store's calendar and "now" are passed in. The rollups
// (reports/domain/rollup.hpp) add these records up per created day.
//
// Definitions (each figure of GET /reports/metrics is a sum or a ratio of these):
// - cohort: a ticket counts on the local day (and hour) it was created, on the wall clock
//   of its store's business calendar (its time zone); `day` is yyyymmdd. Everything that
//   happens to the ticket later (its reply, its resolution, a reopen, a rating) changes
//   that day's figures, never the day it happened on.
// - first owner: the owner named at creation; for a contact created without one (online
//   channels), whoever claimed it or was handed it first; else the current owner.
// - handed over: at least one hand-over from one owner to another (handing an unclaimed
//   contact to someone is its first assignment, not a hand-over).
// - first response time (FRT): business time (the store's opening hours, sla/domain/
//   calendar.hpp) from creation to the first reply to the customer. With an SLA clock it
//   is the elapsed business time of the first first-response cycle at its fulfil (paused
//   time, e.g. waiting for the customer, does not count); without one, the business time
//   between created_at and first_response_at. Absent until the first reply.
// - resolution time: business time the ticket was being worked until it was resolved:
//   with SLA clocks the sum of the elapsed business time of every fulfilled resolution
//   cycle (a reopened ticket's cycles add up; paused time does not count); without, the
//   business time from created_at to resolved_at. Present only while the ticket is
//   resolved or closed.
// - resolved: the status is resolved or closed.
// - first-contact resolution (FCR, 一次解决): resolved by its first owner (the current owner
//   is the first owner) with no hand-over and no reopen.
// - reopened: reopen_count > 0.
// - SLA verdicts per metric are those of sla/domain/compliance.hpp (every cycle met,
//   missed or open), judged as of the ticket's last change (`as_of`: its updated_at or its
//   latest clock event, whichever is later — a breach the escalation scheduler records is
//   a clock event), never the wall clock, so that a fact is a function of what is stored
//   and a rebuild gives the same figures. A ticket *missed* its first response
//   (frt_missed) or resolution (resolution_missed) when any cycle of that metric was
//   missed; it *missed its SLA* (sla_missed) when any cycle of any metric (callback
//   included) was missed, and *met its SLA* (sla_met) when it has counted cycles and none
//   was missed. A ticket without SLA clocks, or with only open cycles, is neither. (So the
//   dashboards' SLA rate counts tickets, where the SLA report counts cycles.)
// - CSAT: the customer's 1–5 rating when given; "good" is 4 or 5.
// - complaint cause: the category of a complaint ticket (empty for other types).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sla/domain/calendar.hpp"
#include "sla/domain/clock.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::reports {

// An owner change from the timeline: a claim (from empty) or a hand-over.
struct OwnerChange {
  std::optional<int64_t> from;
  int64_t to = 0;
};

struct FactInput {
  const ticket::Ticket& ticket;
  std::optional<int64_t> created_owner;        // the owner named by the "created" event
  std::span<const OwnerChange> owner_changes;  // claims and hand-overs, oldest first
  std::span<const sla::ClockEvent> clock;      // all metrics, oldest first
  std::optional<int> csat;                     // 1–5
  const sla::BusinessCalendar& calendar;       // the store's
};

// The instant a ticket's SLA verdicts are judged at: the later of its updated_at and its
// latest clock event.
sla::Instant as_of(const ticket::Ticket& t, std::span<const sla::ClockEvent> clock);

struct TicketFact {
  int64_t ticket_id = 0;
  int64_t store_id = 0;
  std::optional<int64_t> department_id;
  std::optional<int64_t> owner_id;
  std::optional<int64_t> first_owner_id;
  std::string type, channel, priority, category;
  std::string complaint_cause;  // category of a complaint, else empty
  int day = 0;                  // yyyymmdd, local
  int hour = 0;                 // 0–23, local
  int64_t created_at = 0;
  std::optional<int64_t> frt_ms;
  std::optional<int64_t> resolution_ms;
  bool resolved = false;
  bool fcr = false;
  bool reopened = false;
  bool handed_over = false;
  bool frt_missed = false;
  bool resolution_missed = false;
  bool sla_met = false;
  bool sla_missed = false;
  std::optional<int> csat;
  friend bool operator==(const TicketFact&, const TicketFact&) = default;
};

// Throws what sla::compliance throws for a clock history that does not replay.
TicketFact ticket_fact(const FactInput& in);

// yyyymmdd and hour of `at` on the wall clock of `zone` (an IANA name).
struct LocalDayHour {
  int day = 0;
  int hour = 0;
};
LocalDayHour local_day_hour(int64_t at_ms, const std::string& zone);

}  // namespace kefu::reports
