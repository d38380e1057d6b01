// Use-case tests: real SQLite file, fixed clock, no HTTP.
#include "tickets/app/tickets.hpp"

#include <gtest/gtest.h>

#include "core/app/use_case_test.hpp"
#include "core/domain/error.hpp"
#include "members/app/members.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

using testing::kNow;

class TicketUseCases : public testing::UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "A", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "B", .name = "乙店"});
      desk = r.get<storage::OrgStore>().insert_department(
          {.store_id = store_a, .code = "desk", .name = "总服务台", .kind = "desk"});
      security = r.get<storage::OrgStore>().insert_department(
          {.store_id = store_a, .code = "security", .name = "保安部", .kind = "security"});
      agent = make(r, "agent1", "agent", {store_a}, {desk});
      agent2 = make(r, "agent2", "agent", {store_a}, {desk});
      guard_head = make(r, "guard", "dept_head", {store_a}, {security});
      supervisor = make(r, "sup", "supervisor", {store_a}, {desk});
      agent_b = make(r, "agentb", "agent", {store_b}, {});
    });
  }

  ticket::Ticket desk_ticket(const people::Actor& who, std::string subject = "顾客咨询停车收费") {
    return as(who, [&](Context& c) {
      return create_ticket(c,
                           {.store_id = store_a, .type = "complaint", .channel = "service_desk", .subject = subject});
    });
  }

  int64_t store_a = 0, store_b = 0, desk = 0, security = 0;
  people::Actor agent, agent2, guard_head, supervisor, agent_b;
};

TEST_F(TicketUseCases, TheRegisteringAgentOwnsADeskContact) {
  auto t = desk_ticket(agent);
  EXPECT_EQ(t.owner_id, agent.staff_id);
  EXPECT_EQ(t.status, "new");
  EXPECT_EQ(t.priority, "P3");  // default for a complaint
}

TEST_F(TicketUseCases, OnlineContactsWaitForTheFirstClaim) {
  auto t = as(agent, [&](Context& c) {
    return create_ticket(c, {.store_id = store_a, .type = "inquiry", .channel = "app", .subject = "营业时间"});
  });
  EXPECT_FALSE(t.owner_id);
  auto claimed = as(agent2, [&](Context& c) { return claim_ticket(c, t.id); });
  EXPECT_EQ(claimed.owner_id, agent2.staff_id);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return claim_ticket(c, t.id); }); }), "already_owned");
}

TEST_F(TicketUseCases, OtherStoresSeeNotFound) {
  auto t = desk_ticket(agent);
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return get_ticket(c, t.id); }); }), "not_found");
  auto listed = as(agent_b, [&](Context& c) { return list_tickets(c, {}); });
  EXPECT_TRUE(listed.empty());
}

TEST_F(TicketUseCases, OwnershipMovesOnlyByHandOverWithAReason) {
  auto t = desk_ticket(agent);
  EXPECT_EQ(code_of([&] { as(agent2, [&](Context& c) { return change_status(c, t.id, "in_progress", "", {}); }); }),
            "forbidden");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return hand_over(c, t.id, agent2.staff_id, " "); }); }),
            "required");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return hand_over(c, t.id, agent_b.staff_id, "换班"); }); }),
            "unknown_reference");
  auto moved = as(agent, [&](Context& c) { return hand_over(c, t.id, agent2.staff_id, "换班交接"); });
  EXPECT_EQ(moved.owner_id, agent2.staff_id);
  auto tl = as(agent2, [&](Context& c) { return timeline(c, t.id); });
  ASSERT_EQ(tl.events.back().kind, "handover");
  EXPECT_EQ(tl.events.back().body, "换班交接");
  auto audit = as(supervisor, [&](Context& c) { return ticket_audit(c, t.id); });
  EXPECT_EQ(audit.back().action, "ticket.handover");
  EXPECT_NE(audit.back().before_json, audit.back().after_json);
}

TEST_F(TicketUseCases, StatusMachineAndReopen) {
  auto t = desk_ticket(agent);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return change_status(c, t.id, "closed", "", {}); }); }),
            "invalid_transition");
  as(agent, [&](Context& c) { return change_status(c, t.id, "resolved", "已退款", {}); });
  auto reopened = as(supervisor, [&](Context& c) { return change_status(c, t.id, "in_progress", "顾客不满意", {}); });
  EXPECT_EQ(reopened.reopen_count, 1);
  EXPECT_FALSE(reopened.resolved_at);
}

TEST_F(TicketUseCases, FirstReplyIsTheFirstResponse) {
  auto t = desk_ticket(agent);
  as(agent, [&](Context& c) { return add_message(c, t.id, "内部：已联系停车场", false); });
  EXPECT_FALSE(db->reader().get<storage::TicketStore>().ticket(t.id)->first_response_at);
  as(
      agent, [&](Context& c) { return add_message(c, t.id, "您好，已为您核实", true); }, kNow + 60000);
  auto after = *db->reader().get<storage::TicketStore>().ticket(t.id);
  EXPECT_EQ(after.first_response_at, kNow + 60000);
  EXPECT_EQ(after.status, "in_progress");
}

TEST_F(TicketUseCases, CollaborationTaskBelongsToItsDepartment) {
  auto t = desk_ticket(agent);
  auto task = as(agent, [&](Context& c) {
    return create_task(c, t.id, {.department_id = security, .description = "调取监控", .due_at = kNow + 3600000});
  });
  EXPECT_EQ(code_of([&] { as(agent2, [&](Context& c) { return update_task(c, task.id, {.status = "done"}, {}); }); }),
            "forbidden");
  auto done = as(guard_head,
                 [&](Context& c) { return update_task(c, task.id, {.status = "done", .result = "监控已调取"}, {}); });
  EXPECT_EQ(done.status, "done");
  auto tl = as(agent, [&](Context& c) { return timeline(c, t.id); });
  ASSERT_EQ(tl.tasks.size(), 1u);
  EXPECT_EQ(tl.tasks[0].result, "监控已调取");
  EXPECT_EQ(code_of([&] {
              as(agent, [&](Context& c) {
                return create_task(c, t.id, {.department_id = security, .description = "x", .due_at = kNow - 1});
              });
            }),
            "invalid_time");
}

TEST_F(TicketUseCases, StaleVersionIsAConflictAndChangesNothing) {
  auto t = desk_ticket(agent);
  as(agent, [&](Context& c) { return update_ticket(c, t.id, {.subject = "停车场收费咨询"}, t.version); });
  EXPECT_EQ(
      code_of([&] { as(agent, [&](Context& c) { return update_ticket(c, t.id, {.subject = "旧版本"}, t.version); }); }),
      "version_conflict");
  EXPECT_EQ(db->reader().get<storage::TicketStore>().ticket(t.id)->subject, "停车场收费咨询");
}

TEST_F(TicketUseCases, SearchFindsTwoCharacterWordsWithinScope) {
  auto parking = desk_ticket(agent, "停车场收费太贵");
  desk_ticket(agent, "这件衣服尺码偏小");
  as(agent, [&](Context& c) { return add_message(c, parking.id, "已转交物业核实", false); });
  auto hits = as(agent, [&](Context& c) { return list_tickets(c, {.text = "停车"}); });
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, parking.id);
  EXPECT_EQ(as(agent, [&](Context& c) { return list_tickets(c, {.text = "物业"}); }).size(), 1u);  // notes count
  EXPECT_TRUE(as(agent_b, [&](Context& c) { return list_tickets(c, {.text = "停车"}); }).empty());
}

TEST_F(TicketUseCases, InvalidInputIsRefusedWithAField) {
  auto bad = [&](NewTicket in) {
    in.store_id = in.store_id ? in.store_id : store_a;
    return code_of([&] { as(agent, [&](Context& c) { return create_ticket(c, in); }); });
  };
  EXPECT_EQ(bad({.type = "refund", .channel = "hotline", .subject = "x"}), "invalid_enum");
  EXPECT_EQ(bad({.type = "inquiry", .channel = "hotline", .subject = ""}), "required");
  EXPECT_EQ(bad({.type = "inquiry", .channel = "hotline", .subject = std::string(201, 'x')}), "too_long");
  EXPECT_EQ(bad({.type = "inquiry", .channel = "hotline", .subject = "\xff\xfe"}), "invalid_utf8");
  EXPECT_EQ(bad({.store_id = store_b, .type = "inquiry", .channel = "hotline", .subject = "x"}), "unknown_reference");
  EXPECT_EQ(db->reader().count("tickets"), 0);
}

TEST_F(TicketUseCases, MembersByAnySpellingOfThePhone) {
  auto m = as(agent, [&](Context& c) { return create_member(c, {.name = "王芳", .phone = "+86 138-1234-5678"}); });
  EXPECT_EQ(m.phone, "13812345678");
  auto found = as(agent, [&](Context& c) { return lookup_member(c, "１３８ １２３４ ５６７８"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, m.id);
  EXPECT_EQ(code_of([&] {
              as(agent, [&](Context& c) { return create_member(c, {.name = "重复", .phone = "13812345678"}); });
            }),
            "member_exists");
}

TEST_F(TicketUseCases, RepliesComeFromTheOwnerColleaguesAddNotes) {
  auto t = desk_ticket(agent);
  EXPECT_EQ(code_of([&] { as(agent2, [&](Context& c) { return add_message(c, t.id, "您好", true); }); }), "forbidden");
  EXPECT_NO_THROW(as(agent2, [&](Context& c) { return add_message(c, t.id, "我昨天也接待过这位顾客", false); }));
  EXPECT_NO_THROW(as(supervisor, [&](Context& c) { return add_message(c, t.id, "主管回复", true); }));
}

TEST_F(TicketUseCases, FinishedTicketsAreNotHandedOver) {
  auto t = desk_ticket(agent);
  as(agent, [&](Context& c) { return change_status(c, t.id, "resolved", "", {}); });
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return hand_over(c, t.id, agent2.staff_id, "交班"); }); }),
            "ticket_finished");
  EXPECT_EQ(db->reader().get<storage::TicketStore>().ticket(t.id)->owner_id, agent.staff_id);
}

TEST_F(TicketUseCases, IfMatchMismatchIsAPreconditionFailureButRoleComesFirst) {
  auto t = desk_ticket(agent);
  EXPECT_EQ(
      code_of([&] { as(agent, [&](Context& c) { return update_ticket(c, t.id, {.location = "2F"}, 99, true); }); }),
      "precondition_failed");
  EXPECT_EQ(
      code_of([&] { as(agent2, [&](Context& c) { return update_ticket(c, t.id, {.location = "2F"}, 99, true); }); }),
      "forbidden");
}

TEST_F(TicketUseCases, TaskChangesAreCheckedLikeNewTasks) {
  auto t = desk_ticket(agent);
  auto task = as(agent, [&](Context& c) {
    return create_task(c, t.id, {.department_id = security, .description = "巡查", .due_at = kNow + 3600000});
  });
  EXPECT_EQ(code_of([&] {
              as(agent, [&](Context& c) { return update_task(c, task.id, {.assignee_id = agent2.staff_id}, {}); });
            }),
            "unknown_reference");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return update_task(c, task.id, {.due_at = kNow - 1}, {}); }); }),
            "invalid_time");
  auto assigned =
      as(agent, [&](Context& c) { return update_task(c, task.id, {.assignee_id = guard_head.staff_id}, {}); });
  EXPECT_EQ(assigned.assignee_id, guard_head.staff_id);
}

TEST_F(TicketUseCases, UnknownFilterValuesAreRefused) {
  TicketQuery q;
  q.filter.statuses = {"bogus"};
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return list_tickets(c, q); }); }), "invalid_enum");
}

}  // namespace
}  // namespace kefu::app
