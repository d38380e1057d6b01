// SLA clocks through the ticket use cases and the escalation firing: real SQLite file,
// a fixed clock passed in, a store open 10:00–22:00 (Asia/Shanghai).
#include "sla/app/sla.hpp"

#include <gtest/gtest.h>

#include "core/app/use_case_test.hpp"
#include "notifications/storage/notification_store.hpp"
#include "notifications/storage/outbox_store.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/escalation.hpp"
#include "sla/domain/sla_test_support.hpp"
#include "sla/storage/clock_store.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/storage/task_store.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {
namespace {

using sla::test::at;
using sla::test::show;

int64_t ms(const std::string& local) { return sla::to_unix_ms(at(local)); }
std::string when(const std::optional<int64_t>& v) { return v ? show(sla::from_unix_ms(*v)) : "none"; }

class SlaClocks : public testing::UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      people::Store st{.code = "SH01", .name = "上海店"};
      for (int wd = 0; wd < 7; ++wd) st.hours.push_back({wd, "10:00", "22:00"});
      store = r.get<storage::OrgStore>().insert_store(st);
      desk = r.get<storage::OrgStore>().insert_department(
          {.store_id = store, .code = "desk", .name = "总服务台", .kind = "desk"});
      agent = staff(r, "agent", "agent", "");
      sup = staff(r, "sup", "supervisor", "sup@store.example");
      manager = staff(r, "boss", "manager", "");
      storage::SlaPolicyRecord p1, normal;
      p1.policy = {.name = "P1 紧急",
                   .position = 1,
                   .conditions = {.priorities = std::vector<std::string>{"P1"}},
                   .targets = {.first_response = sla::Target{10, sla::TimeMode::calendar},
                               .resolution = sla::Target{60, sla::TimeMode::calendar}}};
      normal.policy = {.name = "一般投诉",
                       .position = 9,
                       .targets = {.first_response = sla::Target{30, sla::TimeMode::business},
                                   .resolution = sla::Target{240, sla::TimeMode::business},
                                   .callback = sla::Target{1440, sla::TimeMode::calendar}}};
      normal.ladder = {sla::at_percent(80, sla::Notify::owner), sla::at_percent(100, sla::Notify::supervisor),
                       sla::after_breach(120, sla::Notify::manager)};
      p1.ladder = normal.ladder;
      r.get<storage::SlaConfigStore>().insert_sla_policy(p1);
      normal_id = r.get<storage::SlaConfigStore>().insert_sla_policy(normal);
    });
  }

  people::Actor staff(storage::Stores& r, const std::string& name, const std::string& role, const std::string& email) {
    return make(r, name, role, {store}, {desk}, email);
  }

  template <typename F>
  auto at_time(const people::Actor& who, int64_t now, F f) {
    return as(who, f, now);
  }

  ticket::Ticket create(const std::string& local, std::string priority = "") {
    return at_time(agent, ms(local), [&](Context& c) {
      return create_ticket(c, {.store_id = store,
                               .type = "complaint",
                               .channel = "service_desk",
                               .priority = priority,
                               .subject = "试衣间排队太久"});
    });
  }

  std::vector<FiredStep> fire(int64_t id, const std::string& local) {
    return at_time(system_actor(), ms(local), [&](Context& c) { return fire_escalations(c, id); });
  }

  ticket::Ticket get(int64_t id) { return *db->reader().get<storage::TicketStore>().ticket(id); }

  std::vector<std::string> kinds(int64_t id) {
    std::vector<std::string> out;
    for (const auto& e : db->reader().get<storage::ClockStore>().clock_events(id))
      out.push_back(std::string(sla::name(e.metric)) + ":" + std::string(sla::name(e.kind)));
    return out;
  }

  int64_t store = 0, desk = 0, normal_id = 0;
  people::Actor agent, sup, manager;
};

TEST_F(SlaClocks, CreationAppliesTheFirstMatchingPolicyAndSetsDeadlines) {
  auto t = create("2026-11-23 09:00");  // before opening: business time starts at 10:00
  EXPECT_EQ(t.sla_policy_id, normal_id);
  EXPECT_EQ(when(t.first_response_due_at), "2026-11-23 10:30");
  EXPECT_EQ(when(t.resolution_due_at), "2026-11-23 14:00");
  EXPECT_EQ(when(t.callback_due_at), "none");
  EXPECT_EQ(when(t.next_escalation_at), "2026-11-23 10:24");  // 80% of 30 business minutes
  EXPECT_EQ(kinds(t.id), (std::vector<std::string>{"first_response:activate", "resolution:activate"}));
  EXPECT_EQ(when(get(t.id).next_escalation_at), "2026-11-23 10:24");
}

TEST_F(SlaClocks, EachStepFiresOnceAtItsTimeAndTheBreachIsRecorded) {
  auto t = create("2026-11-23 10:00");
  EXPECT_TRUE(fire(t.id, "2026-11-23 10:23").empty());  // not yet due

  auto warn = fire(t.id, "2026-11-23 10:24");
  ASSERT_EQ(warn.size(), 1u);
  EXPECT_EQ(warn[0].metric, "first_response");
  EXPECT_EQ(warn[0].notified, std::vector<int64_t>{agent.staff_id});  // the owner
  EXPECT_EQ(warn[0].late_ms, 0);
  EXPECT_TRUE(fire(t.id, "2026-11-23 10:25").empty());  // fired already
  EXPECT_EQ(when(get(t.id).next_escalation_at), "2026-11-23 10:30");

  auto breach = fire(t.id, "2026-11-23 10:30");
  ASSERT_EQ(breach.size(), 1u);
  EXPECT_EQ(breach[0].notified, std::vector<int64_t>{sup.staff_id});
  EXPECT_EQ(kinds(t.id), (std::vector<std::string>{"first_response:activate", "resolution:activate",
                                                   "first_response:warning", "first_response:breach"}));
  // Next: the manager 120 business minutes after the breach (12:30), before resolution's 80% (13:12).
  EXPECT_EQ(when(get(t.id).next_escalation_at), "2026-11-23 12:30");

  auto& r = db->reader();
  EXPECT_EQ(r.get<storage::NotificationStore>().notifications(sup.staff_id, std::nullopt, false, 10).size(), 1u);
  auto mail = r.get<storage::OutboxStore>().emails_due(ms("2026-11-23 10:30"), 10);
  ASSERT_EQ(mail.size(), 1u);  // only the supervisor has an email address
  EXPECT_EQ(mail[0].to, "sup@store.example");
  EXPECT_NE(mail[0].subject.find("已超时"), std::string::npos);
}

TEST_F(SlaClocks, ASchedulerThatWasDownFiresMissedStepsLateAndOnce) {
  auto t = create("2026-11-23 10:00");
  auto late = fire(t.id, "2026-11-23 13:00");
  ASSERT_EQ(late.size(), 3u);  // 80% owner, breach supervisor, +120 min manager
  EXPECT_EQ(late[0].late_ms, ms("2026-11-23 13:00") - ms("2026-11-23 10:24"));
  EXPECT_EQ(late[2].notified, std::vector<int64_t>{manager.staff_id});
  EXPECT_TRUE(fire(t.id, "2026-11-23 13:00").empty());
  auto notes = db->reader().get<storage::NotificationStore>().notifications(manager.staff_id, std::nullopt, false, 10);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].body.find("延迟"), std::string::npos);  // says it fired late
}

TEST_F(SlaClocks, TheFirstReplyStopsFirstResponseEscalation) {
  auto t = create("2026-11-23 10:00");
  at_time(agent, ms("2026-11-23 10:10"), [&](Context& c) { return add_message(c, t.id, "您好，马上为您处理", true); });
  auto now = get(t.id);
  EXPECT_EQ(when(now.first_response_due_at), "none");
  EXPECT_EQ(when(now.next_escalation_at), "2026-11-23 13:12");  // 80% of resolution's 4 h
  EXPECT_TRUE(fire(t.id, "2026-11-23 10:40").empty());
}

TEST_F(SlaClocks, WaitingOnTheCustomerPausesResolutionAndResumingMovesTheDeadline) {
  auto t = create("2026-11-23 10:00");
  at_time(agent, ms("2026-11-23 10:05"), [&](Context& c) { return add_message(c, t.id, "请提供小票", true); });
  at_time(agent, ms("2026-11-23 11:00"),
          [&](Context& c) { return change_status(c, t.id, "waiting_customer", "等顾客小票", {}); });
  auto paused = get(t.id);
  EXPECT_EQ(when(paused.resolution_due_at), "none");
  EXPECT_EQ(when(paused.next_escalation_at), "none");
  at_time(agent, ms("2026-11-23 12:00"), [&](Context& c) { return change_status(c, t.id, "in_progress", "", {}); });
  EXPECT_EQ(when(get(t.id).resolution_due_at), "2026-11-23 15:00");  // one hour later
}

TEST_F(SlaClocks, WaitingOnAnotherDepartmentDoesNotPause) {
  auto t = create("2026-11-23 10:00");
  at_time(agent, ms("2026-11-23 10:05"), [&](Context& c) { return add_message(c, t.id, "已联系保安部", true); });
  at_time(agent, ms("2026-11-23 11:00"),
          [&](Context& c) { return change_status(c, t.id, "waiting_internal", "", {}); });
  EXPECT_EQ(when(get(t.id).resolution_due_at), "2026-11-23 14:00");
}

TEST_F(SlaClocks, APriorityChangeReappliesThePolicyAndSaysSoOnTheTimeline) {
  auto t = create("2026-11-23 10:00");
  auto p1 = at_time(agent, ms("2026-11-23 10:05"), [&](Context& c) {
    TicketPatch p;
    p.priority = "P1";
    return update_ticket(c, t.id, p, t.version);
  });
  EXPECT_NE(p1.sla_policy_id, normal_id);
  EXPECT_EQ(when(p1.first_response_due_at), "2026-11-23 10:10");  // 10 calendar minutes, 5 already run
  EXPECT_EQ(when(p1.resolution_due_at), "2026-11-23 11:00");
  bool said = false;
  for (const auto& e : db->reader().get<storage::TimelineStore>().events(t.id))
    if (e.kind == "sla")
      said = e.body.find("P3→P1") != std::string::npos && e.body.find("P1 紧急") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST_F(SlaClocks, ResolvingStartsTheCallbackClockAndAReopenRestartsResolution) {
  auto t = create("2026-11-23 10:00");
  at_time(agent, ms("2026-11-23 10:05"), [&](Context& c) { return add_message(c, t.id, "已处理", true); });
  auto resolved = at_time(agent, ms("2026-11-23 11:00"),
                          [&](Context& c) { return change_status(c, t.id, "resolved", "退款", {}); });
  EXPECT_EQ(when(resolved.resolution_due_at), "none");
  EXPECT_EQ(when(resolved.callback_due_at), "2026-11-24 11:00");
  auto reopened =
      at_time(agent, ms("2026-11-23 12:00"), [&](Context& c) { return change_status(c, t.id, "in_progress", "", {}); });
  EXPECT_EQ(when(reopened.callback_due_at), "none");
  EXPECT_EQ(when(reopened.resolution_due_at), "2026-11-23 16:00");  // the full 4 h again
}

TEST_F(SlaClocks, AnOverdueCollaborationTaskGoesToItsDepartmentHeadOnce) {
  int64_t security = 0;
  people::Actor head;
  db->write_sync([&](storage::Stores& r) {
    security = r.get<storage::OrgStore>().insert_department(
        {.store_id = store, .code = "security", .name = "保安部", .kind = "security"});
    people::Staff s{0, "guard", "保安主管", "dept_head", "", "", true, {store}, {security}, "x"};
    head.staff_id = r.get<storage::OrgStore>().insert_staff(s);
  });
  auto t = create("2026-11-23 10:00");
  auto task = at_time(agent, ms("2026-11-23 10:05"), [&](Context& c) {
    return create_task(c, t.id,
                       {.department_id = security, .description = "调取监控", .due_at = ms("2026-11-23 11:00")});
  });
  auto escalate = [&](const std::string& local) {
    return at_time(system_actor(), ms(local), [&](Context& c) { return escalate_overdue_task(c, task.id); });
  };
  EXPECT_TRUE(escalate("2026-11-23 10:59").empty());
  EXPECT_TRUE(db->reader().get<storage::TaskStore>().tasks_overdue(ms("2026-11-23 10:59"), 10).empty());
  EXPECT_EQ(db->reader().get<storage::TaskStore>().tasks_overdue(ms("2026-11-23 11:30"), 10),
            std::vector<int64_t>{task.id});
  EXPECT_EQ(escalate("2026-11-23 11:30"), std::vector<int64_t>{head.staff_id});
  EXPECT_TRUE(escalate("2026-11-23 11:31").empty());  // once
  EXPECT_TRUE(db->reader().get<storage::TaskStore>().tasks_overdue(ms("2026-11-23 12:00"), 10).empty());
  auto notes = db->reader().get<storage::NotificationStore>().notifications(head.staff_id, std::nullopt, false, 10);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].title.find("保安部"), std::string::npos);
  EXPECT_NE(notes[0].body.find("30 分钟"), std::string::npos);
}

TEST_F(SlaClocks, NoMatchingPolicyMeansNoClocks) {
  db->write_sync([&](storage::Stores& r) {
    for (auto p : r.get<storage::SlaConfigStore>().sla_policies(false)) {
      p.active = false;
      r.get<storage::SlaConfigStore>().update_sla_policy(p, p.version);
    }
  });
  auto t = create("2026-11-23 10:00");
  EXPECT_FALSE(t.sla_policy_id);
  EXPECT_FALSE(t.next_escalation_at);
  EXPECT_TRUE(kinds(t.id).empty());
}

}  // namespace
}  // namespace kefu::app
