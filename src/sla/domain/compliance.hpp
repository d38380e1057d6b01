#pragma once
// SLA compliance (达标率): how many clock cycles kept their promise, grouped by store,
// ticket type, priority, channel or the period the ticket was created in. Recomputed
// from the clock events alone (clock.hpp), never from recorded warning/breach instants.
// Pure: "now" is passed in.
//
// Every cycle (clock.hpp `cycles`) of every metric gets one verdict at `now`:
//   met     fulfilled with elapsed < target at its fulfil;
//   missed  fulfilled with elapsed >= target, or still open (running/paused) and
//           elapsed >= target at now;
//   open    still running or paused, not yet breached.
// A cancelled cycle that was not continued is not counted. A priority change (cancel +
// activate(keep_elapsed)) continues the same cycle under the new target, so it is
// counted once, against the target in force at the end. A reopened ticket has several
// resolution cycles, each counted on its own. Events after `now` are ignored (the report
// is "as of now").
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sla/domain/calendar.hpp"
#include "sla/domain/clock.hpp"
#include "sla/domain/target.hpp"

namespace kefu::sla {

struct TicketClockHistory {
  int64_t ticket_id = 0;
  std::string store;     // the group key for Dimension::store (a name or an id, as the caller likes)
  std::string type;      // ticket type code (ticket/vocabulary.hpp)
  std::string priority;  // current priority code
  std::string channel;   // channel code
  Instant created_at{};
  std::vector<ClockEvent> events;  // all metrics, oldest first
  // The store's calendar: business time and the local date of created_at. May be null
  // only for a ticket without events (no SLA applied), which is skipped.
  const BusinessCalendar* calendar = nullptr;
};

// day/week/month: the period of created_at on the store's wall clock (calendar time zone):
// "2026-11-22", ISO week "2026-W47", "2026-11".
enum class Dimension { store, type, priority, channel, day, week, month };

// Stable codes: "store", "type", "priority", "channel", "day", "week", "month";
// dimension_from returns nullopt for anything else.
std::string_view name(Dimension d);
std::string_view name_zh(Dimension d);
std::optional<Dimension> dimension_from(std::string_view code);

struct ComplianceRow {
  std::string key;
  Metric metric = Metric::first_response;
  int64_t total = 0;  // met + missed + open
  int64_t met = 0;
  int64_t missed = 0;
  int64_t open = 0;
  double rate = -1;             // met / (met + missed); -1 when met + missed == 0
  int64_t avg_elapsed_ms = -1;  // mean elapsed of fulfilled cycles (in each target's mode,
                                // rounded down); -1 when none was fulfilled
  friend bool operator==(const ComplianceRow&, const ComplianceRow&) = default;
};

// The group key of one ticket under `d`. Throws kefu::Error (invalid_input, code
// missing_calendar, field "calendar") for a period dimension without a calendar.
std::string group_key(const TicketClockHistory& ticket, Dimension d);

// One row per (key, metric) with at least one counted cycle, sorted by key (byte order,
// so periods are chronological) then metric (first_response, resolution, callback).
// Tickets without events are skipped. Throws kefu::Error (invalid_input, code
// missing_calendar) for a ticket with events but no calendar, and re-throws the clock's
// invalid_clock_event (conflict) for a history that does not replay, naming the ticket.
std::vector<ComplianceRow> compliance(std::span<const TicketClockHistory> tickets, Dimension d, Instant now);

// The rows as RFC 4180 CSV for Excel: UTF-8 BOM first, CRLF line ends, fields holding a
// comma, quote, CR or LF quoted (quotes doubled). Header row
//   zh: 分组,指标,总数,达标,超时,进行中,达标率,平均用时(分钟)
//   en: Group,Metric,Total,Met,Missed,Open,Compliance rate,Average time (minutes)
// Metric by name_zh/name; rate as a percentage with one decimal, rounded down ("93.5%";
// 1999 met of 2000 is "99.9%", not "100.0%"), empty when -1; average minutes with one
// decimal, rounded down, empty when -1. In Chinese, type,
// channel and priority keys are shown by their zh labels (ticket/vocabulary.hpp);
// unknown codes, stores and periods are shown as they are.
std::string compliance_csv(std::span<const ComplianceRow> rows, Dimension d, bool zh);

}  // namespace kefu::sla
