// Improvement actions' use cases: grouping items and tickets into an action, who may move it
// (the owner, the department's head, supervisors, managers), verification from before/after
// data (effective closes and tells the customers, not effective reopens, too little data
// waits), the audited waiver, and escalation once per level with an injected clock.
#include "feedback/app/feedback_actions.hpp"

#include <gtest/gtest.h>

#include "core/app/use_case_test.hpp"
#include "core/storage/platform_stores.hpp"
#include "feedback/app/feedback_items.hpp"
#include "notifications/storage/notification_store.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app::testing {
namespace {

constexpr int64_t kDay = 86'400'000;

class ActionUseCases : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      auto& org = r.get<storage::OrgStore>();
      store_a = org.insert_store({.code = "SH01", .name = "甲店"});  // no hours: open round the clock
      store_b = org.insert_store({.code = "CD01", .name = "乙店"});
      parking = org.insert_department({.store_id = store_a, .code = "parking", .name = "停车场", .kind = "parking"});
      admin = make(r, "root", "admin", {}, {});
      manager = make(r, "boss", "manager", {store_a}, {});
      supervisor = make(r, "sup", "supervisor", {store_a}, {});
      head = make(r, "head", "dept_head", {store_a}, {parking});
      owner = make(r, "owner", "agent", {store_a}, {parking});
      agent = make(r, "agent1", "agent", {store_a}, {});
      supervisor_b = make(r, "supb", "supervisor", {store_b}, {});
    });
  }

  // A feedback item at store A said at `at` about `topic`, with a rating when given.
  feedback::Item item(int64_t at, const std::string& topic, std::optional<int> rating = std::nullopt,
                      std::optional<int64_t> ticket = std::nullopt) {
    NewFeedback in;
    in.store_id = store_a;
    in.source = "form";
    in.text = "停车场太暗";
    in.said_at = at;
    in.rating = rating;
    in.ticket_id = ticket;
    in.topic = feedback::Label{topic, 0.9};
    in.sentiment = feedback::Label{"negative", 0.1};
    in.model_version = 1;
    return as(
               admin, [&](Context& c) { return record_item(c, in); }, at)
        .item;
  }
  // `topic` items among `contacts` contacts (the rest about another topic), spread over [from, from + span).
  void traffic(int64_t from, int64_t span, int topic_items, int contacts, int rating = 0) {
    for (int i = 0; i < contacts; ++i) {
      const bool on_topic = i < topic_items;
      item(from + span * i / contacts, on_topic ? "parking" : "price",
           on_topic && rating ? std::optional<int>(rating) : std::nullopt);
    }
  }
  int64_t ticket(int64_t at) {
    int64_t id = 0;
    db->write_sync([&](storage::Stores& r) {
      ticket::Ticket t;
      t.store_id = store_a;
      t.type = "complaint";
      t.channel = "service_desk";
      t.priority = "P3";
      t.subject = "停车场灯坏了";
      t.created_by = owner.staff_id;
      t.created_at = t.updated_at = at;
      r.get<storage::TicketStore>().insert_ticket(t);
      id = t.id;
    });
    return id;
  }
  storage::FeedbackAction create(const ActionInput& in, int64_t now = kNow) {
    return as(
        supervisor, [&](Context& c) { return create_action(c, in); }, now);
  }
  ActionInput input(std::vector<int64_t> items = {}) {
    ActionInput in;
    in.store_id = store_a;
    in.title = "B2 停车场增加照明";
    in.plan = "更换 40 盏灯";
    in.department_id = parking;
    in.owner_id = owner.staff_id;
    in.due_amount = 3;
    in.due_unit = "business_days";
    in.window_days = 14;
    in.item_ids = std::move(items);
    return in;
  }
  std::string code(const people::Actor& who, const std::function<void(Context&)>& f, int64_t now = kNow) {
    return code_of([&] {
      as(
          who, [&](Context& c) { return f(c), 0; }, now);
    });
  }

  int64_t store_a = 0, store_b = 0, parking = 0;
  people::Actor admin, manager, supervisor, head, owner, agent, supervisor_b;
};

TEST_F(ActionUseCases, ASupervisorGroupsItemsAndTicketsIntoAnActionWithABusinessDeadline) {
  const auto a1 = item(kNow - 3 * kDay, "parking"), a2 = item(kNow - 2 * kDay, "parking"),
             a3 = item(kNow - kDay, "price");
  const auto t = ticket(kNow - kDay);
  auto in = input({a1.id, a2.id, a3.id});
  in.ticket_ids = {t};
  const auto a = create(in);
  EXPECT_EQ(a.topic, "parking") << "the items' most frequent topic";
  EXPECT_EQ(a.state, "open");
  // Open round the clock: 3 business days end at the close of the third day after today.
  EXPECT_GT(a.due_at, kNow + 2 * kDay);
  EXPECT_LE(a.due_at, kNow + 4 * kDay);
  const auto d = as(agent, [&](Context& c) { return get_action(c, a.id); });
  EXPECT_EQ(d.items.size(), 3u);
  ASSERT_EQ(d.tickets.size(), 1u);
  EXPECT_EQ(d.tickets[0].id, t);
  ASSERT_EQ(d.updates.size(), 1u);
  EXPECT_EQ(d.updates[0].kind, "create");
}

TEST_F(ActionUseCases, AHotIssueBringsEveryItemOfItsTopicAndPeriod) {
  for (int i = 0; i < 4; ++i) item(kNow - (i + 1) * kDay, "parking");
  item(kNow - 2 * kDay, "price");
  item(kNow - 20 * kDay, "parking");  // before the period
  auto in = input();
  in.topic = "parking";
  in.hot_from = kNow - 7 * kDay;
  in.hot_to = kNow;
  const auto a = create(in);
  EXPECT_EQ(as(agent, [&](Context& c) { return get_action(c, a.id); }).items.size(), 4u);
}

TEST_F(ActionUseCases, OnlySupervisorsOfTheStoreCreateAndItemsOfAnotherStoreAreRefused) {
  const auto a1 = item(kNow - kDay, "parking");
  EXPECT_EQ(code(agent, [&](Context& c) { create_action(c, input({a1.id})); }), "forbidden");
  EXPECT_EQ(code(head, [&](Context& c) { create_action(c, input({a1.id})); }), "forbidden");
  EXPECT_EQ(code(supervisor_b, [&](Context& c) { create_action(c, input({a1.id})); }), "not_found");
  auto other = input({a1.id});
  other.store_id = store_b;
  EXPECT_EQ(code(admin, [&](Context& c) { create_action(c, other); }), "unknown_reference");
  EXPECT_EQ(code(supervisor, [&](Context& c) { create_action(c, input()); }), "required") << "no topic at all";
}

TEST_F(ActionUseCases, TheOwnerAndTheDepartmentHeadReportProgressAndMarkItDoneOthersCannot) {
  const auto a = create(input({item(kNow - kDay, "parking").id}));
  EXPECT_EQ(code(agent, [&](Context& c) { add_action_update(c, a.id, "看过了", {}); }), "forbidden");
  EXPECT_EQ(code(supervisor_b, [&](Context& c) { get_action(c, a.id); }), "not_found");
  as(head, [&](Context& c) { return add_action_update(c, a.id, "已采购灯具", {}); });
  EXPECT_EQ(code(agent, [&](Context& c) { mark_action_done(c, a.id, ""); }), "forbidden");
  const auto done = as(owner, [&](Context& c) { return mark_action_done(c, a.id, "40 盏灯已更换"); });
  EXPECT_EQ(done.state, "done");
  EXPECT_EQ(done.done_at, kNow);
  EXPECT_EQ(done.verify_at, kNow + 14 * kDay);
  EXPECT_EQ(code(owner, [&](Context& c) { mark_action_done(c, a.id, ""); }), "invalid_transition");
  EXPECT_EQ(code(owner, [&](Context& c) { verify_action_now(c, a.id); }), "forbidden");
  EXPECT_EQ(code(supervisor, [&](Context& c) { waive_verification(c, a.id, "无需验证"); }), "forbidden");
  EXPECT_EQ(code(manager, [&](Context& c) { waive_verification(c, a.id, ""); }), "required");
}

TEST_F(ActionUseCases, AFallInRecurrenceVerifiesTheActionAndTellsTheCustomersOnTheirTickets) {
  const int64_t done_at = kNow;
  traffic(done_at - 14 * kDay, 14 * kDay, 30, 200);
  const auto t = ticket(done_at - 3 * kDay);
  const auto raised = item(done_at - 3 * kDay, "parking", std::nullopt, t);
  traffic(done_at + 1, 14 * kDay - 1, 3, 200);
  const auto a = create(input({raised.id}), done_at - kDay);
  as(
      owner, [&](Context& c) { return mark_action_done(c, a.id, "完成"); }, done_at);
  const int64_t later = done_at + 15 * kDay;
  const auto v = as(
      supervisor, [&](Context& c) { return verify_action_now(c, a.id); }, later);
  EXPECT_EQ(v.state, "verified");
  const auto verdict = nlohmann::json::parse(v.verdict);
  EXPECT_EQ(verdict["verdict"], "effective");
  EXPECT_EQ(verdict["before"]["items"], 31);
  EXPECT_EQ(verdict["after"]["items"], 3);
  EXPECT_LT(verdict["recurrence"]["rate_ratio"].get<double>(), 0.3);
  EXPECT_TRUE(v.told_at);
  bool told = false;
  db->write_sync([&](storage::Stores& r) {
    for (const auto& e : r.get<storage::TimelineStore>().events(t))
      if (e.kind == "improvement_done" && e.customer_visible) told = e.body.find("我们已根据您的反馈完成整改") == 0;
  });
  EXPECT_TRUE(told) << "a customer-visible event on the linked ticket";
}

TEST_F(ActionUseCases, NoFallReopensTheActionAndTooLittleDataWaits) {
  traffic(kNow - 14 * kDay, 14 * kDay, 20, 100);
  traffic(kNow + 1, 14 * kDay - 1, 20, 100);
  const auto a = create(input({item(kNow - kDay, "parking").id}), kNow - kDay);
  as(owner, [&](Context& c) { return mark_action_done(c, a.id, ""); });
  // Two days in: the after window is too short to tell yet.
  auto v = as(
      supervisor, [&](Context& c) { return verify_action_now(c, a.id); }, kNow + 2 * kDay);
  EXPECT_EQ(v.state, "done");
  EXPECT_EQ(nlohmann::json::parse(v.verdict)["verdict"], "not_enough_data");
  v = as(
      supervisor, [&](Context& c) { return verify_action_now(c, a.id); }, kNow + 15 * kDay);
  EXPECT_EQ(v.state, "open") << "not effective reopens it";
  EXPECT_EQ(nlohmann::json::parse(v.verdict)["verdict"], "not_effective");
  EXPECT_FALSE(v.done_at);
}

TEST_F(ActionUseCases, AManagerWaivesVerificationWithAReasonAndItIsAudited) {
  const auto a = create(input({item(kNow - kDay, "parking").id}));
  as(owner, [&](Context& c) { return mark_action_done(c, a.id, ""); });
  const auto w = as(manager, [&](Context& c) { return waive_verification(c, a.id, "门店装修，数据不可比"); });
  EXPECT_EQ(w.state, "waived");
  EXPECT_EQ(w.waiver_reason, "门店装修，数据不可比");
  EXPECT_EQ(w.waived_by, manager.staff_id);
  db->write_sync([&](storage::Stores& r) {
    const auto log = r.get<storage::AuditStore>().audit("feedback_action", a.id);
    ASSERT_FALSE(log.empty());
    EXPECT_EQ(log.back().action, "feedback.action.waive");
    EXPECT_EQ(log.back().actor_id, manager.staff_id);
    EXPECT_NE(log.back().after_json.find("门店装修"), std::string::npos);
  });
  EXPECT_EQ(code(supervisor, [&](Context& c) { reopen_action(c, a.id, "又坏了"); }), "forbidden");
  EXPECT_EQ(as(manager, [&](Context& c) { return reopen_action(c, a.id, "又坏了"); }).state, "open");
}

TEST_F(ActionUseCases, TheJobVerifiesOnceTheAfterWindowHasPassed) {
  traffic(kNow - 14 * kDay, 14 * kDay, 30, 200);
  traffic(kNow + 1, 14 * kDay - 1, 2, 200);
  const auto a = create(input({item(kNow - kDay, "parking").id}), kNow - kDay);
  as(owner, [&](Context& c) { return mark_action_done(c, a.id, ""); });
  const auto sys = [&](int64_t now) {
    return as(
        admin, [&](Context& c) { return verify_due_action(c, a.id); }, now);
  };
  EXPECT_FALSE(sys(kNow + 13 * kDay)) << "the window has not passed";
  EXPECT_TRUE(sys(kNow + 14 * kDay));
  EXPECT_FALSE(sys(kNow + 14 * kDay)) << "once";
  EXPECT_EQ(as(agent, [&](Context& c) { return get_action(c, a.id); }).action.state, "verified");
}

TEST_F(ActionUseCases, AnOverdueActionEscalatesOncePerLevel) {
  const auto a = create(input({item(kNow - kDay, "parking").id}));
  auto fire = [&](int64_t now) {
    return as(
        admin, [&](Context& c) { return escalate_overdue_action(c, a.id); }, now);
  };
  auto notices = [&](const people::Actor& who) {
    int64_t n = 0;
    db->write_sync([&](storage::Stores& r) {
      n = static_cast<int64_t>(
          r.get<storage::NotificationStore>().notifications(who.staff_id, std::nullopt, false, 100).size());
    });
    return n;
  };
  EXPECT_FALSE(fire(a.due_at - 1));
  EXPECT_TRUE(fire(a.due_at));
  EXPECT_EQ(notices(owner), 1);
  EXPECT_EQ(notices(head), 1);
  EXPECT_EQ(notices(manager), 0);
  EXPECT_FALSE(fire(a.due_at + 60'000)) << "level 1 fires once";
  EXPECT_TRUE(fire(a.due_at + 8 * 3'600'000));  // open round the clock: 8 hours later
  EXPECT_EQ(notices(manager), 1);
  EXPECT_FALSE(fire(a.due_at + 100 * kDay));
  EXPECT_EQ(notices(owner), 1);
  const auto after = as(agent, [&](Context& c) { return get_action(c, a.id); }).action;
  EXPECT_EQ(after.escalation_level, 2);
  EXPECT_FALSE(after.next_escalation_at);
}

}  // namespace
}  // namespace kefu::app::testing
