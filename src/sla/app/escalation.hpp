#pragma once
// Firing escalation steps (升级) that are due, for the in-server scheduler. Runs inside
// a write transaction: the fired step, its clock event, the notifications, the emails
// and the ticket's next escalation time commit together, and the step's row
// (escalations_fired, unique per ticket, metric, clock generation and step) makes a
// second firing impossible, after a restart or on another node.
#include <cstdint>
#include <vector>

#include "core/app/context.hpp"

namespace kefu::app {

struct FiredStep {
  int64_t ticket_id = 0;
  std::string metric;
  int step = 0;
  int64_t due_at = 0;
  int64_t late_ms = 0;  // fired_at - due_at
  std::vector<int64_t> notified;
};

// Fires every step of the ticket due at c.now_ms, records warnings and the breach, and
// moves its next escalation time on. Nothing due (already fired, clock stopped, the
// ticket changed since it was picked) = an empty result.
std::vector<FiredStep> fire_escalations(Context&, int64_t ticket_id);

// A collaboration task (协办任务) past its due time: its department's head (else the
// store's supervisors) and its assignee are told, once; the ticket's timeline says so.
// Returns who was notified (empty when nothing was due or it was escalated already).
std::vector<int64_t> escalate_overdue_task(Context&, int64_t task_id);

// The actor the scheduler acts as (staff id 0, shown as 系统).
const people::Actor& system_actor();

}  // namespace kefu::app
