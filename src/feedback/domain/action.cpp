#include "feedback/domain/action.hpp"

#include <date/tz.h>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::feedback {
namespace {

using S = ActionStateCode;

bool at_least(const Mover& w, people::Role r) { return w.system || w.role.rank() >= r.rank(); }
bool doer(const Mover& w) { return w.owner || w.dept_head || at_least(w, "supervisor"); }

}  // namespace

std::string_view move_name(ActionMove m) {
  switch (m) {
    case ActionMove::edit:
      return "edit";
    case ActionMove::update:
      return "update";
    case ActionMove::done:
      return "done";
    case ActionMove::verify:
      return "verify";
    case ActionMove::waive:
      return "waive";
    case ActionMove::reopen:
      return "reopen";
    case ActionMove::tell:
      return "tell";
  }
  return "";
}

// The table of the header: for each move, the states it is made in and who makes it.
Refusal check_move(ActionState state, ActionMove move, const Mover& who) {
  const auto s = state.value();
  // Who first: someone who may never make this move learns nothing of the action's state.
  auto rule = [](bool state_ok, bool who_ok) {
    if (!who_ok) return Refusal::not_allowed;
    return state_ok ? Refusal::none : Refusal::wrong_state;
  };
  switch (move) {
    case ActionMove::edit:
      return rule(s == S::open || s == S::done, at_least(who, "supervisor"));
    case ActionMove::update:
      return rule(s == S::open || s == S::done, doer(who));
    case ActionMove::done:
      return rule(s == S::open, doer(who));
    case ActionMove::verify:
      return rule(s == S::done, at_least(who, "supervisor"));
    case ActionMove::waive:
      return rule(s == S::done, at_least(who, "manager"));
    case ActionMove::reopen:
      return rule(s != S::open, at_least(who, "manager"));
    case ActionMove::tell:
      return rule(s == S::verified || s == S::done, at_least(who, "manager"));
  }
  return Refusal::not_allowed;
}

sla::Instant action_due_at(const sla::BusinessCalendar& cal, sla::Instant from, int amount, DueUnit unit) {
  if (amount < 1 || amount > (unit == DueUnit::business_days ? 365 : 24 * 365))
    throw make_error(errors::kInvalidField,
                     {{"field", "due_in"}, {"problem", Text("期限超出范围", "the deadline is out of range")}},
                     "due_in");
  if (unit == DueUnit::business_hours) return sla::add_business_time(cal, from, std::chrono::hours(amount));
  const auto* zone = date::locate_zone(cal.spec().time_zone);
  auto local_day = [&](sla::Instant t) { return date::floor<date::days>(zone->to_local(t)); };
  auto start_of = [&](date::local_days d) {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(zone->to_sys(d, date::choose::earliest));
  };
  auto day = local_day(from);
  int opened = 0;
  for (int i = 0; i < 800; ++i) {
    day += date::days(1);
    const auto begin = start_of(day), end = start_of(day + date::days(1));
    const auto open = sla::business_time_between(cal, begin, end);
    if (open.count() > 0 && ++opened == amount) return sla::add_business_time(cal, begin, open);
  }
  return sla::add_business_time(cal, from, std::chrono::hours(24LL * amount));  // unreachable: a calendar opens weekly
}

std::optional<EscalationDue> escalation_due(const sla::BusinessCalendar& cal, sla::Instant due_at, int fired,
                                            sla::Instant now) {
  if (fired >= 2) return std::nullopt;
  const auto at = fired == 0 ? due_at : sla::add_business_time(cal, due_at, kManagerLag);
  if (at > now) return std::nullopt;
  return EscalationDue{fired + 1, at};
}

}  // namespace kefu::feedback
