#pragma once
// The SLA clocks of tickets (domain/sla) applied by the ticket use cases: which policy
// applies, which clock events a change records, and the deadlines and next escalation
// time a ticket carries afterwards. Every function records its clock events and sets
// the ticket's SLA fields; the caller saves the ticket.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "core/storage/database.hpp"
#include "sla/domain/calendar.hpp"
#include "sla/domain/clock.hpp"
#include "sla/storage/clock_store.hpp"
#include "sla/storage/sla_config_store.hpp"

namespace kefu::app {

// The store's business calendar: its weekly hours, special days and zone. A store
// without weekly hours counts as open round the clock. Shared, from the SLA config cache.
std::shared_ptr<const sla::BusinessCalendar> store_calendar(storage::Stores&, int64_t store_id);

// What the SLA code knows about one ticket.
struct SlaState {
  std::optional<storage::SlaPolicyRecord> policy;  // in force (possibly retired since)
  std::vector<sla::ClockEvent> events;
  sla::TicketClocks clocks;
};
SlaState load_sla(storage::Stores&, const ticket::Ticket&);

// A new ticket, before it is inserted: picks the policy and sets the deadlines. The
// returned events are recorded with record_clock_events once the ticket has an id.
std::vector<sla::ClockEvent> start_sla(Context&, ticket::Ticket&);
void record_clock_events(Context&, int64_t ticket_id, const std::vector<sla::ClockEvent>&);

// A status change from → to (already allowed by the status machine).
void sla_on_transition(Context&, ticket::Ticket&, ticket::Status from, ticket::Status to);
// The first reply to the customer.
void sla_on_first_reply(Context&, ticket::Ticket&);
// The callback (回访) outcome was recorded.
void sla_on_callback_done(Context&, ticket::Ticket&);
// A field a policy condition reads changed (priority, type, channel, member): the
// policy is matched again and open clocks move to its targets; says so on the timeline.
void sla_reapply(Context&, ticket::Ticket&, const std::string& why);

// A ticket's SLA explained: the policy, each clock's state now, the recorded clock
// events and the escalation steps fired. Same scope rules as reading the ticket.
struct ClockView {
  sla::ClockState state;
  std::optional<int64_t> due_at;
  int64_t elapsed_ms = 0;
  bool breached = false;
};
struct TicketSla {
  std::optional<storage::SlaPolicyRecord> policy;
  std::vector<ClockView> clocks;  // first_response, resolution, callback
  std::vector<sla::ClockEvent> events;
  std::vector<storage::FiredEscalation> fired;
};
TicketSla ticket_sla(Context&, int64_t ticket_id);

// Sets the ticket's due times and next escalation time from its clocks.
void refresh_deadlines(ticket::Ticket&, const SlaState&, const std::vector<storage::FiredEscalation>&,
                       const sla::BusinessCalendar&);

}  // namespace kefu::app
