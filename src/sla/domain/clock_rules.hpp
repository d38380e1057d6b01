#pragma once
// Which clock events a ticket's life produces (issue 3). Each function looks at the
// ticket's clocks as they are (replay of its events) and returns the events to record,
// in order, all at `at`; applying them in that order is always accepted by apply().
// A metric without a target in `targets` gets no clock.
//
// The rules:
// - Creation activates first_response and resolution.
// - The first reply to the customer fulfils first_response.
// - waiting_customer pauses resolution, and first_response if still running; leaving
//   it resumes them. waiting_internal pauses nothing: the collaboration task has its
//   own internal deadline.
// - resolved fulfils resolution and, if still open, first_response (resolving is
//   answering); from waiting_customer the fulfil ends the pause. It activates callback,
//   counted from the resolution instant.
// - closed changes nothing: the callback clock runs until its outcome is recorded
//   (events_for_callback_done).
// - Reopen (resolved | closed → in_progress) starts a fresh resolution cycle with the
//   full target, counted from the reopen; the earlier cycle keeps its own verdict
//   (cycles() in clock.hpp). An open callback is cancelled; first_response is untouched.
// - Re-applying a policy (a priority or type change): see events_for_retarget.
#include <string>
#include <string_view>
#include <vector>

#include "sla/domain/clock.hpp"

namespace kefu::sla {

// A new ticket (status "new").
std::vector<ClockEvent> events_for_creation(const Targets& targets, Instant at);

// A status change from → to. Throws kefu::Error (conflict, invalid_transition) when the
// ticket status machine (ticket/status.hpp) does not allow it.
std::vector<ClockEvent> events_for_transition(std::string_view from, std::string_view to, Instant at,
                                              const TicketClocks& clocks, const Targets& targets);

// The first reply to the customer.
std::vector<ClockEvent> events_for_first_reply(const TicketClocks& clocks, Instant at);

// The callback (回访) outcome was recorded.
std::vector<ClockEvent> events_for_callback_done(const TicketClocks& clocks, Instant at);

// The policy was re-applied and gave `targets`. Per metric:
// - open clock, same target: nothing;
// - open clock, other target: cancel + activate(keep_elapsed) with the new target, then
//   pause again if the ticket waits on the customer. The time already run is kept and
//   now counts against the new target, in the new target's mode (a P3 ticket that ran
//   3 business hours and becomes P1 with a 2-hour target is breached at once);
// - open clock, no target now: cancel;
// - no open clock but the metric still applies (first_response: not answered yet and
//   not finished; resolution: not finished; callback: finished and callback not done):
//   a clock cancelled by an earlier re-apply is continued (keep_elapsed); otherwise a
//   fresh clock starts now;
// `detail` (e.g. "priority P3→P1, policy 7") goes on every event.
std::vector<ClockEvent> events_for_retarget(const TicketClocks& clocks, const Targets& targets, std::string_view status,
                                            bool first_responded, Instant at, const std::string& detail);

}  // namespace kefu::sla
