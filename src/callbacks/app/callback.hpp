#pragma once
// Callbacks (回访): after a ticket is resolved someone calls the customer back and records
// the outcome. The callback SLA clock (domain/sla) runs from the resolution until the
// outcome is recorded.
//
// When is a callback open? A resolved ticket always awaits its callback (a satisfied
// callback closes it, a dissatisfied one reopens it), whether or not its policy has a
// callback target. A closed ticket awaits one only while its callback clock still runs
// (closed before the callback was made). Anything else is 409 callback_not_due.
#include <cstdint>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

// outcome: "satisfied" | "not_satisfied" | "unreachable" (400 invalid_enum otherwise);
// note: at most 500 characters. Owner or supervisor+ of the ticket's store (404 outside
// the caller's stores).
//   satisfied      callback done (clock fulfilled); a resolved ticket is closed;
//   not_satisfied  callback done; the ticket is reopened (→ in_progress);
//   unreachable    recorded only; the callback stays due and its clock keeps running.
// Writes a timeline event "callback" {outcome, note} and the audit entry
// "ticket.callback". Returns the ticket as it is afterwards.
ticket::Ticket record_callback(Context&, int64_t ticket_id, const std::string& outcome, const std::string& note);

// Tickets in the caller's stores (admins: all) whose callback falls due before
// before_ms, soonest first; limit is clamped to 1..500.
std::vector<ticket::Ticket> callbacks_due(Context&, int64_t before_ms, int limit = 200);

}  // namespace kefu::app
