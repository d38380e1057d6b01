#pragma once
// The ticket row as every SQL store that reads tickets reads it (tickets, the SLA clock
// report, the callback list), over either engine's statement type.
#include <string>

#include "tickets/domain/ticket.hpp"

namespace kefu::storage::sql {

// The ticket columns of "tickets t", in read_ticket's order.
inline const std::string kTicketCols =
    "t.id, t.number, t.store_id, t.department_id, t.type, t.channel, t.priority, t.status, t.subject, "
    "t.description, t.category, t.location, t.member_id, t.purchase_ref, t.owner_id, t.created_by, t.created_at, "
    "t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.reopen_count, t.version, "
    "t.sla_policy_id, t.first_response_due_at, t.resolution_due_at, t.callback_due_at, t.next_escalation_at, "
    "t.purchase_line_id";

template <class Stmt>
ticket::Ticket read_ticket(const Stmt& s) {
  ticket::Ticket t;
  t.id = s.i64(0);
  t.number = s.text(1);
  t.store_id = s.i64(2);
  t.department_id = s.opt_i64(3);
  t.type = ticket::Type::of(s.text(4));
  t.channel = ticket::Channel::of(s.text(5));
  t.priority = ticket::Priority::of(s.text(6));
  t.status = ticket::Status::of(s.text(7));
  t.subject = s.text(8);
  t.description = s.text(9);
  t.category = s.text(10);
  t.location = s.text(11);
  t.member_id = s.opt_i64(12);
  t.purchase_ref = s.text(13);
  t.owner_id = s.opt_i64(14);
  t.created_by = s.i64(15);
  t.created_at = s.i64(16);
  t.updated_at = s.i64(17);
  t.first_response_at = s.opt_i64(18);
  t.resolved_at = s.opt_i64(19);
  t.closed_at = s.opt_i64(20);
  t.reopen_count = static_cast<int>(s.i64(21));
  t.version = s.i64(22);
  t.sla_policy_id = s.opt_i64(23);
  t.first_response_due_at = s.opt_i64(24);
  t.resolution_due_at = s.opt_i64(25);
  t.callback_due_at = s.opt_i64(26);
  t.next_escalation_at = s.opt_i64(27);
  t.purchase_line_id = s.opt_i64(28);
  return t;
}

}  // namespace kefu::storage::sql
