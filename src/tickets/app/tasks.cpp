// 协办任务: collaboration tasks another department owes the ticket's owner.
#include "core/app/scope.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/app/record.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/domain/errors.hpp"
#include "tickets/domain/status.hpp"
#include "tickets/domain/vocabulary.hpp"
#include "tickets/storage/task_store.hpp"

namespace kefu::app {
namespace {

void check_assignee(Context& c, int64_t staff_id, int64_t department_id) {
  auto s = c.store<storage::OrgStore>().staff(staff_id);
  if (!s || !s->active ||
      std::find(s->department_ids.begin(), s->department_ids.end(), department_id) == s->department_ids.end())
    throw make_error(errors::kUnknownReference,
                     {{"what", Text("指派人", "assignee")}, {"where", Text("于该部门", "in that department")}},
                     "assignee_id");
}

}  // namespace

ticket::Task create_task(Context& c, int64_t ticket_id, const NewTask& in) {
  require_scope(c.actor, "tickets:write");
  check_text("description", in.description, 2000, true);
  auto t = get_ticket(c, ticket_id);
  require_owner_or(c.actor, t, "supervisor");
  if (ticket::is_finished(t.status))
    throw make_error(errors::kTicketFinished,
                     {{"advice", Text("不能再派发协办任务", "reopen it before asking another department")}});
  auto d = c.store<storage::OrgStore>().department(in.department_id);
  if (!d || d->store_id != t.store_id)
    throw make_error(errors::kUnknownReference,
                     {{"what", Text("协办部门", "department")}, {"where", Text("或不属于该门店", "in this store")}},
                     "department_id");
  if (in.due_at <= c.now_ms)
    throw make_error(
        errors::kInvalidTime,
        {{"what", Text("协办截止时间", "due_at")}, {"problem", Text("必须晚于当前时间", "it must be in the future")}},
        "due_at");
  if (in.assignee_id) check_assignee(c, *in.assignee_id, d->id);
  ticket::Task task{0,        t.id,     d->id, in.assignee_id, in.description, "open", in.due_at, "", c.actor.staff_id,
                    c.now_ms, c.now_ms, 1};
  task.id = c.store<storage::TaskStore>().insert_task(task);
  record_event(c, t.id, "task_created", in.description,
               {{"task_id", task.id}, {"department_id", d->id}, {"department", d->name}, {"due_at", in.due_at}}, false);
  audit(c, "task.create", "task", task.id, nullptr, snapshot(task));
  return task;
}

ticket::Task update_task(Context& c, int64_t task_id, const TaskChange& ch, std::optional<int64_t> expected_version) {
  require_scope(c.actor, "tickets:write");
  auto task = c.store<storage::TaskStore>().task(task_id);
  if (!task) throw make_error(errors::kNotFound, {{"what", Text("协办任务", "task")}});
  auto t = get_ticket(c, task->ticket_id);  // scope: 404 outside the caller's stores
  bool owner = t.owner_id && *t.owner_id == c.actor.staff_id;
  if (!owner && !c.actor.in_department(task->department_id) && !c.actor.at_least("supervisor"))
    throw make_error(errors::kForbidden,
                     {{"reason", Text("只有协办部门、首问负责人或主管可以更新协办任务",
                                      "only the task's department, the ticket owner or a supervisor may update it")}});
  if (expected_version && *expected_version != task->version)
    throw make_error(errors::kVersionConflict, {{"what", Text("协办任务", "task")}, {"version", task->version}});
  if (ch.status) check_enum("status", *ch.status, ticket::is_task_status(*ch.status));
  check_optional_text("result", ch.result, 2000);
  if (ch.status && !ticket::is_open(task->status) && *ch.status != task->status.code())
    throw make_error(
        errors::kInvalidTransition,
        {{"what", Text("协办任务", "task")}, {"from", std::string(task->status.code())}, {"to", *ch.status}});
  if (ch.status == "cancelled" && !owner && !c.actor.at_least("supervisor"))
    throw make_error(
        errors::kForbidden,
        {{"reason", Text("只有首问负责人或主管可以取消协办任务", "only the owner or a supervisor may cancel a task")}});

  if (ch.due_at && *ch.due_at <= c.now_ms)
    throw make_error(
        errors::kInvalidTime,
        {{"what", Text("协办截止时间", "due_at")}, {"problem", Text("必须晚于当前时间", "it must be in the future")}},
        "due_at");
  if (ch.assignee_id) check_assignee(c, *ch.assignee_id, task->department_id);

  auto before = snapshot(*task);
  if (ch.status) task->status = ticket::TaskStatus::of(*ch.status);  // checked above
  if (ch.result) task->result = *ch.result;
  if (ch.assignee_id) task->assignee_id = *ch.assignee_id;
  if (ch.due_at) task->due_at = *ch.due_at;
  int64_t expected = task->version;
  task->version = expected + 1;
  task->updated_at = c.now_ms;
  if (!c.store<storage::TaskStore>().update_task(*task, expected))
    throw make_error(errors::kVersionConflict, {{"what", Text("协办任务", "task")}});
  record_event(c, t.id, "task_updated", task->result,
               {{"task_id", task->id}, {"from", before["status"]}, {"to", task->status}}, false);
  audit(c, "task.update", "task", task->id, before, snapshot(*task));
  return *task;
}

}  // namespace kefu::app
