#include "feedback/app/action_support.hpp"

#include "core/app/scope.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "sla/app/sla.hpp"
#include "tickets/app/record.hpp"
#include "tickets/domain/errors.hpp"

namespace kefu::app::actions {

storage::ActionStore& store(Context& c) { return c.store<storage::ActionStore>(); }

storage::FeedbackAction load(Context& c, int64_t id) {
  require_role(c.actor, "agent");
  require_scope(c.actor, "feedback:read");
  auto a = store(c).action(id);
  if (!a || !c.actor.in_store(a->store_id))
    throw make_error(errors::kNotFound, {{"what", Text("整改措施", "improvement action")}});
  return *a;
}

void check(Context& c, const storage::FeedbackAction& a, feedback::ActionMove move) {
  require_scope(c.actor, "feedback:write");
  feedback::Mover who;
  who.system = c.actor.staff_id == 0 && c.actor.username == "system";
  if (!c.actor.customer) who.role = c.actor.role;
  who.owner = a.owner_id && c.actor.staff_id == *a.owner_id;
  who.dept_head = a.department_id && c.actor.role == "dept_head" && c.actor.in_department(*a.department_id);
  const auto state = feedback::ActionState::parse(a.state);
  switch (feedback::check_move(*state, move, who)) {
    case feedback::Refusal::none:
      return;
    case feedback::Refusal::not_allowed:
      throw make_error(errors::kForbidden);
    case feedback::Refusal::wrong_state:
      throw make_error(errors::kInvalidTransition, {{"what", Text("整改措施", "improvement action")},
                                                    {"from", Text(std::string(state->zh()), std::string(state->en()))},
                                                    {"to", std::string(feedback::move_name(move))}});
  }
}

int64_t log(Context& c, int64_t action_id, const std::string& kind, const std::string& note) {
  storage::ActionUpdate u;
  u.action_id = action_id;
  u.kind = kind;
  u.note = note;
  if (c.actor.staff_id) u.by = c.actor.staff_id;
  u.at = c.now_ms;
  return store(c).insert_update(u);
}

std::optional<int64_t> next_escalation(Context& c, const storage::FeedbackAction& a) {
  if (a.state != "open" || a.escalation_level >= 2) return std::nullopt;
  if (a.escalation_level == 0) return a.due_at;
  const auto cal = store_calendar(c.stores, a.store_id);
  return sla::to_unix_ms(sla::add_business_time(*cal, sla::from_unix_ms(a.due_at), feedback::kManagerLag));
}

nlohmann::json audit_json(const storage::FeedbackAction& a) {
  return {{"state", a.state},
          {"title", a.title},
          {"topic", a.topic},
          {"department_id", a.department_id ? nlohmann::json(*a.department_id) : nlohmann::json(nullptr)},
          {"owner_id", a.owner_id ? nlohmann::json(*a.owner_id) : nlohmann::json(nullptr)},
          {"due_at", a.due_at},
          {"window_days", a.window_days},
          {"waiver_reason", a.waiver_reason}};
}

}  // namespace kefu::app::actions
