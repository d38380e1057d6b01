#pragma once
// A ticket's and a task's fields, listed once: for_each_field(t, f) calls f(name, value)
// for each, in the order the API shows them (value: int64_t, int, std::string,
// std::optional<int64_t> or a vocabulary value). The API's JSON (tickets/api/render.cpp)
// and the audit snapshot (tickets/app/record.cpp) are written from these lists, so a new
// field is added here and nowhere else.
#include <array>
#include <string_view>

#include "tickets/domain/ticket.hpp"

namespace kefu::ticket {

template <class F>
void for_each_field(const Ticket& t, F&& f) {
  f("id", t.id);
  f("number", t.number);
  f("store_id", t.store_id);
  f("department_id", t.department_id);
  f("type", t.type);
  f("channel", t.channel);
  f("priority", t.priority);
  f("status", t.status);
  f("subject", t.subject);
  f("description", t.description);
  f("category", t.category);
  f("location", t.location);
  f("member_id", t.member_id);
  f("purchase_ref", t.purchase_ref);
  f("purchase_line_id", t.purchase_line_id);
  f("owner_id", t.owner_id);
  f("created_by", t.created_by);
  f("created_at", t.created_at);
  f("updated_at", t.updated_at);
  f("first_response_at", t.first_response_at);
  f("resolved_at", t.resolved_at);
  f("closed_at", t.closed_at);
  f("reopen_count", t.reopen_count);
  f("version", t.version);
  f("sla_policy_id", t.sla_policy_id);
  f("first_response_due_at", t.first_response_due_at);
  f("resolution_due_at", t.resolution_due_at);
  f("callback_due_at", t.callback_due_at);
  f("next_escalation_at", t.next_escalation_at);
}

// What people change on a ticket: the audit log's before/after and the "updated"
// timeline event compare these (not the clock-driven times and deadlines).
inline constexpr std::array<std::string_view, 15> kAuditedTicketFields{
    "store_id", "department_id", "type",      "channel",      "priority",         "status",   "subject", "description",
    "category", "location",      "member_id", "purchase_ref", "purchase_line_id", "owner_id", "version"};

template <class F>
void for_each_field(const Task& t, F&& f) {
  f("id", t.id);
  f("ticket_id", t.ticket_id);
  f("department_id", t.department_id);
  f("assignee_id", t.assignee_id);
  f("description", t.description);
  f("status", t.status);
  f("due_at", t.due_at);
  f("result", t.result);
  f("created_by", t.created_by);
  f("created_at", t.created_at);
  f("updated_at", t.updated_at);
  f("version", t.version);
}

inline constexpr std::array<std::string_view, 8> kAuditedTaskFields{
    "ticket_id", "department_id", "assignee_id", "description", "status", "due_at", "result", "version"};

}  // namespace kefu::ticket
