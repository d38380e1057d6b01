#pragma once
// Improvement actions (整改措施): their states, who may make which move in which state, the
// deadline in business time and the escalation of an overdue action. Pure: the calendar and
// `now` are passed in. docs/feedback.md, "Improvement actions and verification".
//
// The life of an action:
//   open --done--> done (awaiting verification) --verify--> verified   (effective: closed)
//                                               \-verify--> open       (not effective: reopened)
//                                               \-verify--> done       (not enough data yet)
//                                               \-waive---> waived     (a manager, with a reason: closed)
//   done | verified | waived --reopen--> open (a manager: the work was not really done, or it came back)
// Who (the table in action.cpp is the rule; app tests check each cell):
//   edit (plan, department, owner, deadline):           supervisor+, while open or done
//   update (a progress note with photos), done:         the owner, a head of the action's
//                                                       department, supervisor+; while open (update: open or done)
//   verify:                                             supervisor+ (and the verification job), when done
//   waive:                                              manager+, when done
//   reopen:                                             manager+, when done, verified or waived
//   tell (customers told what changed):                 manager+ when done or verified (the job tells
//                                                       them by itself once an action is verified effective)
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "auth/domain/actor.hpp"
#include "core/domain/vocabulary.hpp"
#include "sla/domain/calendar.hpp"

namespace kefu::feedback {

enum class ActionStateCode { open, done, verified, waived };
inline constexpr std::array<Term<ActionStateCode>, 4> kActionStates{{
    {ActionStateCode::open, "open", "进行中", "Open"},
    {ActionStateCode::done, "done", "待验证", "Awaiting verification"},
    {ActionStateCode::verified, "verified", "已验证有效", "Verified effective"},
    {ActionStateCode::waived, "waived", "已豁免", "Verification waived"},
}};
using ActionState = Closed<ActionStateCode, kActionStates>;

enum class ActionMove { edit, update, done, verify, waive, reopen, tell };
std::string_view move_name(ActionMove);  // "edit", "update", …

// Who asks, relative to the action.
struct Mover {
  people::Role role = "agent";
  bool owner = false;      // the action's owner
  bool dept_head = false;  // a head (dept_head) of the action's department
  bool system = false;     // the verification job
};

// not_allowed when `who` may not make the move in any state, else wrong_state when the state
// does not allow it.
enum class Refusal { none, wrong_state, not_allowed };
Refusal check_move(ActionState state, ActionMove move, const Mover& who);

// How a deadline is given.
enum class DueUnit { business_hours, business_days };
// business_hours: that much business time from `from` (sla::add_business_time).
// business_days: the close of the n-th local day after `from`'s day on which the store opens
// (1 = by tomorrow's close when the store opens tomorrow). n in 1..365.
sla::Instant action_due_at(const sla::BusinessCalendar&, sla::Instant from, int amount, DueUnit unit);

// Escalation of an overdue action: level 1 at the deadline (the owner and the heads of its
// department), level 2 kManagerLag of business time later (the store's managers). Each
// level fires once; `fired` is the highest level fired so far (0 none). nullopt: nothing due.
inline constexpr std::chrono::milliseconds kManagerLag{8LL * 3'600'000};
struct EscalationDue {
  int level = 1;
  sla::Instant at;
};
std::optional<EscalationDue> escalation_due(const sla::BusinessCalendar&, sla::Instant due_at, int fired,
                                            sla::Instant now);

}  // namespace kefu::feedback
