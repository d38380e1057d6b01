#pragma once
// A ticket (工单) and what hangs off it, as plain values. Times are Unix milliseconds (UTC).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tickets/domain/vocabulary.hpp"

namespace kefu::ticket {

struct Ticket {
  int64_t id = 0;
  std::string number;  // what the customer quotes, e.g. KF261122000123
  int64_t store_id = 0;
  std::optional<int64_t> department_id;
  Type type;
  Channel channel;
  Priority priority;
  Status status = "new";
  std::string subject;
  std::string description;
  std::string category;
  std::string location;
  std::optional<int64_t> member_id;
  std::string purchase_ref;
  std::optional<int64_t> purchase_line_id;  // the purchase line (购买行) it is about
  std::optional<int64_t> owner_id;          // first-contact owner; empty for an unclaimed online contact
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::optional<int64_t> first_response_at;
  std::optional<int64_t> resolved_at;
  std::optional<int64_t> closed_at;
  int reopen_count = 0;
  int64_t version = 1;
  // SLA (domain/sla): the policy applied at creation or the last re-apply, the
  // deadlines in force (empty = no running clock for that metric) and when the next
  // escalation step falls due. Derived from the clock events; kept here for lists,
  // sorting and the scheduler's index.
  std::optional<int64_t> sla_policy_id;
  std::optional<int64_t> first_response_due_at;
  std::optional<int64_t> resolution_due_at;
  std::optional<int64_t> callback_due_at;
  std::optional<int64_t> next_escalation_at;
};

// One entry of the timeline. kind: created, reply, note, status, handover, claimed,
// task_created, task_updated, attachment, updated.
struct Event {
  int64_t id = 0;
  int64_t ticket_id = 0;
  std::string kind;
  int64_t actor_id = 0;
  std::string body;  // reply/note text or a human summary
  std::string data;  // JSON details (from/to status, new owner, changed fields…)
  bool customer_visible = false;
  int64_t created_at = 0;
};

// 协办任务: work another department owes the owner, with its own due time.
struct Task {
  int64_t id = 0;
  int64_t ticket_id = 0;
  int64_t department_id = 0;
  std::optional<int64_t> assignee_id;
  std::string description;
  TaskStatus status = "open";
  int64_t due_at = 0;
  std::string result;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t version = 1;
};

struct Attachment {
  int64_t id = 0;
  int64_t ticket_id = 0;
  std::string sha256;
  std::string content_type;
  std::string filename;
  int64_t size = 0;
  int64_t uploaded_by = 0;
  int64_t created_at = 0;
};

}  // namespace kefu::ticket
