#include "sla/app/escalation.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "notifications/app/notifications.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/sla.hpp"
#include "sla/domain/escalation.hpp"
#include "sla/storage/clock_store.hpp"
#include "tickets/app/record.hpp"
#include "tickets/storage/task_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

std::string_view notify_zh(sla::Notify n) {
  switch (n) {
    case sla::Notify::owner:
      return "首问负责人";
    case sla::Notify::supervisor:
      return "值班主管";
    case sla::Notify::manager:
      return "店长";
    case sla::Notify::department_head:
      return "部门负责人";
  }
  return "";
}

std::vector<int64_t> ids_of(const std::vector<people::Staff>& staff) {
  std::vector<int64_t> out;
  for (const auto& s : staff) out.push_back(s.id);
  return out;
}

// Who a step tells; nobody in that role falls back to the store's supervisors.
std::vector<int64_t> recipients(Context& c, const ticket::Ticket& t, sla::Notify who) {
  std::vector<int64_t> out;
  switch (who) {
    case sla::Notify::owner:
      if (t.owner_id) out.push_back(*t.owner_id);
      break;
    case sla::Notify::supervisor:
      out = ids_of(c.store<storage::OrgStore>().staff_in_store(t.store_id, "supervisor"));
      break;
    case sla::Notify::manager:
      out = ids_of(c.store<storage::OrgStore>().staff_in_store(t.store_id, "manager"));
      break;
    case sla::Notify::department_head:
      if (t.department_id)
        for (const auto& s : c.store<storage::OrgStore>().staff_in_store(t.store_id, "dept_head"))
          if (std::find(s.department_ids.begin(), s.department_ids.end(), *t.department_id) != s.department_ids.end())
            out.push_back(s.id);
      break;
  }
  if (out.empty() && who != sla::Notify::supervisor)
    out = ids_of(c.store<storage::OrgStore>().staff_in_store(t.store_id, "supervisor"));
  return out;
}

std::string minutes_text(int64_t ms) {
  const int64_t minutes = ms / 60'000;
  if (minutes < 1) return std::to_string(ms / 1000) + " 秒";
  if (minutes < 120) return std::to_string(minutes) + " 分钟";
  return std::to_string(minutes / 60) + " 小时 " + std::to_string(minutes % 60) + " 分钟";
}

}  // namespace

const people::Actor& system_actor() {
  static const people::Actor a{.staff_id = 0, .username = "system", .display_name = "系统", .role = "admin"};
  return a;
}

std::vector<FiredStep> fire_escalations(Context& c, int64_t ticket_id) {
  auto t = c.store<storage::TicketStore>().ticket(ticket_id);
  if (!t || !t->next_escalation_at || *t->next_escalation_at > c.now_ms) return {};
  auto s = load_sla(c.stores, *t);
  const auto calendar_ptr = store_calendar(c.stores, t->store_id);
  const auto& calendar = *calendar_ptr;
  const auto now = sla::from_unix_ms(c.now_ms);
  auto fired = c.store<storage::ClockStore>().fired_escalations(t->id);
  const sla::Ladder empty;
  const auto& ladder = s.policy ? s.policy->ladder : empty;
  std::vector<FiredStep> out;
  std::vector<sla::ClockEvent> events;

  for (auto m : sla::kMetrics) {
    auto& clock = s.clocks[m];
    if (!sla::is_open(clock) || !clock.target) continue;
    const auto target = *clock.target;
    const auto at = std::max(now, clock.last_at);
    std::vector<std::size_t> done;
    for (const auto& f : fired)
      if (f.metric == m && f.generation == clock.generation) done.push_back(static_cast<std::size_t>(f.step));
    for (const auto& e : sla::due_escalations(ladder, clock, target, calendar, done, now)) {
      const auto& step = ladder[e.step];
      storage::FiredEscalation row{t->id,   m, clock.generation, static_cast<int>(e.step), sla::to_unix_ms(e.fire_at),
                                   c.now_ms};
      if (!c.store<storage::ClockStore>().insert_fired_escalation(row)) continue;
      fired.push_back(row);
      const bool breach_step = sla::threshold(step, target) >= target.duration();
      if (!breach_step && !clock.breached_at) {
        sla::ClockEvent w{m, sla::EventKind::warning, at,
                          "escalation step " + std::to_string(e.step) + " due " + std::to_string(row.due_at)};
        clock = sla::apply(clock, w);
        events.push_back(w);
      }
      FiredStep f{t->id, std::string(sla::name(m)), static_cast<int>(e.step), row.due_at, c.now_ms - row.due_at, {}};
      const std::string state = breach_step ? "已超时" : "即将超时";
      Notice n;
      n.kind = "escalation";
      n.ticket_id = t->id;
      n.title = "【" + std::string(sla::name_zh(m)) + state + "】工单 " + t->number;
      n.body = "工单 " + t->number + "「" + t->subject + "」的" + std::string(sla::name_zh(m)) + state + "（时限 " +
               std::to_string(target.minutes) + " 分钟，" +
               (target.mode == sla::TimeMode::business ? "营业时间" : "自然时间") + "）。通知：" +
               std::string(notify_zh(step.notify)) + "。";
      if (f.late_ms >= 60'000) n.body += "服务中断期间未能按时提醒，本次延迟 " + minutes_text(f.late_ms) + " 触发。";
      n.data = {{"metric", sla::name(m)},  {"step", e.step},       {"notify", sla::name(step.notify)},
                {"due_at", row.due_at},    {"fired_at", c.now_ms}, {"late_ms", f.late_ms},
                {"breached", breach_step}, {"number", t->number}};
      for (const auto& r : notify(c, recipients(c, *t, step.notify), n)) f.notified.push_back(r.staff_id);
      record_event(c, t->id, "escalation", n.body, n.data, false);
      out.push_back(std::move(f));
    }
    if (!clock.breached_at && sla::is_breached(clock, target, calendar, now)) {
      auto due = sla::due_at(clock, target, calendar);
      sla::ClockEvent b{m, sla::EventKind::breach, at, "due " + std::to_string(due ? sla::to_unix_ms(*due) : 0)};
      clock = sla::apply(clock, b);
      events.push_back(b);
    }
  }
  if (!events.empty()) {
    s.events.insert(s.events.end(), events.begin(), events.end());
    c.store<storage::ClockStore>().insert_clock_events(t->id, events);
  }
  refresh_deadlines(*t, s, fired, calendar);
  c.store<storage::TicketStore>().update_ticket_deadlines(*t);
  return out;
}

std::vector<int64_t> escalate_overdue_task(Context& c, int64_t task_id) {
  auto task = c.store<storage::TaskStore>().task(task_id);
  if (!task || task->due_at > c.now_ms || (task->status != "open" && task->status != "in_progress")) return {};
  auto t = c.store<storage::TicketStore>().ticket(task->ticket_id);
  if (!t || !c.store<storage::TaskStore>().mark_task_escalated(task_id, c.now_ms)) return {};
  ticket::Ticket scoped = *t;
  scoped.department_id = task->department_id;  // the head of the task's department
  auto to = recipients(c, scoped, sla::Notify::department_head);
  if (task->assignee_id) to.push_back(*task->assignee_id);
  auto dept = c.store<storage::OrgStore>().department(task->department_id);
  const std::string dept_name = dept ? dept->name : "协办部门";
  Notice n;
  n.kind = "task_overdue";
  n.ticket_id = t->id;
  n.title = "【协办超时】" + dept_name + " · 工单 " + t->number;
  n.body = "工单 " + t->number + "「" + t->subject + "」交给" + dept_name + "的协办任务已超过约定时间 " +
           minutes_text(c.now_ms - task->due_at) + "：" + task->description;
  n.data = {{"task_id", task->id},
            {"department_id", task->department_id},
            {"due_at", task->due_at},
            {"late_ms", c.now_ms - task->due_at},
            {"number", t->number}};
  std::vector<int64_t> notified;
  for (const auto& row : notify(c, to, n)) notified.push_back(row.staff_id);
  record_event(c, t->id, "task_overdue", n.body, n.data, false);
  return notified;
}

}  // namespace kefu::app
