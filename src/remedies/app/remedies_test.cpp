// Use-case tests for 办结 with authority limits: real SQLite file, fixed clock, no HTTP.
#include "remedies/app/remedies.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/app/use_case_test.hpp"
#include "core/domain/error.hpp"
#include "core/storage/platform_stores.hpp"
#include "notifications/storage/notification_store.hpp"
#include "org/storage/org_store.hpp"
#include "remedies/storage/remedy_store.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {
namespace {

using testing::kNow;

class ResolutionUseCases : public testing::UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "A", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "B", .name = "乙店"});
      desk = r.get<storage::OrgStore>().insert_department(
          {.store_id = store_a, .code = "desk", .name = "总服务台", .kind = "desk"});
      agent = make(r, "agent1", "agent", {store_a}, {desk});
      agent2 = make(r, "agent2", "agent", {store_a}, {desk});
      head = make(r, "head", "dept_head", {store_a}, {desk});
      supervisor = make(r, "sup", "supervisor", {store_a}, {desk});
      manager = make(r, "mgr", "manager", {store_a}, {desk});
      supervisor_b = make(r, "supb", "supervisor", {store_b}, {});
      admin = make(r, "root", "admin", {}, {});
    });
  }

  ticket::Ticket desk_ticket(const people::Actor& who) {
    return as(who, [&](Context& c) {
      return create_ticket(
          c, {.store_id = store_a, .type = "complaint", .channel = "service_desk", .subject = "羽绒服洗后严重起球"});
    });
  }

  RemedyOutcome propose(const people::Actor& who, int64_t ticket_id, remedy::Proposal r) {
    return as(who, [&](Context& c) { return propose_remedy(c, ticket_id, r); });
  }
  RemedyOutcome decide(const people::Actor& who, int64_t id, bool approve, const std::string& reason) {
    return as(who, [&](Context& c) { return decide_remedy(c, id, approve, reason); });
  }

  static remedy::Proposal coupon(int64_t fen) { return {"compensation", "coupon", fen, "赠送购物券表示歉意"}; }

  std::vector<storage::Notification> notices(const people::Actor& who, const std::string& kind) {
    std::vector<storage::Notification> out;
    for (auto& n : db->reader().get<storage::NotificationStore>().notifications(who.staff_id, std::nullopt, false, 100))
      if (n.kind == kind) out.push_back(n);
    return out;
  }

  std::vector<std::string> audit_actions(int64_t ticket_id) {
    std::vector<std::string> out;
    for (const auto& a : db->reader().get<storage::AuditStore>().audit("ticket", ticket_id)) out.push_back(a.action);
    return out;
  }

  int64_t store_a = 0, store_b = 0, desk = 0;
  people::Actor agent, agent2, head, supervisor, manager, supervisor_b, admin;
};

TEST_F(ResolutionUseCases, WithinTheLimitTheAgentResolvesOnTheSpot) {
  auto t = desk_ticket(agent);
  auto out = propose(agent, t.id, {"apology", "", 0, "当面向顾客致歉"});
  EXPECT_EQ(out.remedy.status, "applied");
  EXPECT_EQ(out.remedy.approver_role, "");
  EXPECT_EQ(out.remedy.decided_by, agent.staff_id);
  EXPECT_EQ(out.ticket.status, "resolved");
  EXPECT_EQ(out.ticket.resolved_at, kNow);
  EXPECT_EQ(db->reader().get<storage::TicketStore>().ticket(t.id)->status, "resolved");

  // ¥200.00 is exactly the agent's default limit.
  auto t2 = desk_ticket(agent);
  auto c = propose(agent, t2.id, coupon(20'000));
  EXPECT_EQ(c.remedy.status, "applied");
  EXPECT_EQ(c.ticket.status, "resolved");

  auto events = db->reader().get<storage::TimelineStore>().events(t2.id);
  std::vector<std::string> kinds;
  for (const auto& e : events) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"created", "resolution", "status"}));
  EXPECT_NE(events[1].body.find("¥200.00"), std::string::npos) << events[1].body;
  auto actions = audit_actions(t2.id);
  EXPECT_NE(std::find(actions.begin(), actions.end(), "resolution.propose"), actions.end());
  EXPECT_EQ(actions.back(), "ticket.status");
  EXPECT_TRUE(notices(supervisor, "approval_request").empty());
}

TEST_F(ResolutionUseCases, AboveTheLimitItWaitsAndTheSupervisorIsNotified) {
  auto t = desk_ticket(agent);
  auto out = propose(agent, t.id, coupon(50'000));
  EXPECT_EQ(out.remedy.status, "pending");
  // The dept_head's limit would cover ¥500, but approvers are supervisors and above.
  EXPECT_EQ(out.remedy.approver_role, "supervisor");
  EXPECT_FALSE(out.remedy.decided_by);
  EXPECT_EQ(db->reader().get<storage::TicketStore>().ticket(t.id)->status, "new");

  auto got = notices(supervisor, "approval_request");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].ticket_id, t.id);
  EXPECT_NE(got[0].title.find("¥500.00"), std::string::npos) << got[0].title;
  EXPECT_TRUE(notices(manager, "approval_request").empty());
  EXPECT_TRUE(notices(head, "approval_request").empty());
  EXPECT_TRUE(notices(agent, "approval_request").empty());

  auto events = db->reader().get<storage::TimelineStore>().events(t.id);
  ASSERT_EQ(events.back().kind, "resolution");
  EXPECT_NE(events.back().body.find("待主管审批"), std::string::npos) << events.back().body;
  EXPECT_EQ(audit_actions(t.id).back(), "resolution.propose");

  // One pending resolution at a time.
  EXPECT_EQ(code_of([&] { propose(agent, t.id, {"apology", "", 0, "致歉"}); }), "approval_pending");
  EXPECT_EQ(db->reader().get<storage::RemedyStore>().remedies(t.id).size(), 1u);
}

TEST_F(ResolutionUseCases, AgentsCannotApproveAndNeitherCanTheRequester) {
  auto t = desk_ticket(agent);
  auto p = propose(agent, t.id, coupon(50'000)).remedy;
  EXPECT_EQ(code_of([&] { decide(agent2, p.id, true, ""); }), "forbidden");
  EXPECT_EQ(code_of([&] { decide(agent, p.id, true, ""); }), "forbidden");
  EXPECT_EQ(code_of([&] { decide(head, p.id, true, ""); }), "forbidden");
  EXPECT_EQ(db->reader().get<storage::RemedyStore>().remedy(p.id)->status, "pending");
  EXPECT_TRUE(as(agent2, [&](Context& c) { return pending_approvals(c); }).empty());

  // Nobody decides their own request, not even after a promotion that would cover it.
  auto t2 = desk_ticket(supervisor);
  auto own = propose(supervisor, t2.id, {"refund", "", 300'000, "全额退款"}).remedy;
  EXPECT_EQ(own.approver_role, "manager");
  auto promoted = supervisor;
  promoted.role = "manager";
  EXPECT_EQ(code_of([&] { decide(promoted, own.id, true, ""); }), "forbidden");
  auto visible = as(promoted, [&](Context& c) { return pending_approvals(c); });
  ASSERT_EQ(visible.size(), 1u);  // the agent's request only
  EXPECT_EQ(visible[0].remedy.id, p.id);
  EXPECT_EQ(decide(manager, own.id, true, "").remedy.status, "applied");
}

TEST_F(ResolutionUseCases, TheSupervisorApprovesAndTheTicketIsResolved) {
  auto t = desk_ticket(agent);
  auto p = propose(agent, t.id, coupon(50'000)).remedy;
  auto listed = as(supervisor, [&](Context& c) { return pending_approvals(c); });
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].remedy.id, p.id);
  EXPECT_EQ(listed[0].ticket.number, t.number);

  auto out = decide(supervisor, p.id, true, "");
  EXPECT_EQ(out.remedy.status, "applied");
  EXPECT_EQ(out.remedy.decided_by, supervisor.staff_id);
  EXPECT_EQ(out.remedy.decided_at, kNow);
  EXPECT_EQ(out.remedy.version, 2);
  EXPECT_EQ(out.ticket.status, "resolved");
  auto stored = *db->reader().get<storage::TicketStore>().ticket(t.id);
  EXPECT_EQ(stored.status, "resolved");
  EXPECT_EQ(stored.owner_id, agent.staff_id);  // ownership does not move

  auto told = notices(agent, "approval_decided");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_NE(told[0].title.find("已批准"), std::string::npos) << told[0].title;
  auto actions = audit_actions(t.id);
  EXPECT_NE(std::find(actions.begin(), actions.end(), "resolution.approve"), actions.end());
  // The status change is in the approver's name.
  auto audit = db->reader().get<storage::AuditStore>().audit("ticket", t.id);
  EXPECT_EQ(audit.back().action, "ticket.status");
  EXPECT_EQ(audit.back().actor_id, supervisor.staff_id);

  // A second decision, either way, is a conflict; nothing changes.
  EXPECT_EQ(code_of([&] { decide(supervisor, p.id, false, "重复"); }), "already_decided");
  EXPECT_EQ(code_of([&] { decide(manager, p.id, true, ""); }), "already_decided");
  EXPECT_EQ(db->reader().get<storage::RemedyStore>().remedy(p.id)->version, 2);
  EXPECT_TRUE(as(supervisor, [&](Context& c) { return pending_approvals(c); }).empty());
}

TEST_F(ResolutionUseCases, OverTheSupervisorsLimitTheManagerDecides) {
  auto t = desk_ticket(agent);
  auto p = propose(agent, t.id, {"compensation", "cash", 500'000, "现金补偿"}).remedy;
  EXPECT_EQ(p.approver_role, "manager");
  EXPECT_EQ(notices(manager, "approval_request").size(), 1u);
  EXPECT_TRUE(notices(supervisor, "approval_request").empty());

  EXPECT_EQ(code_of([&] { decide(supervisor, p.id, true, ""); }), "forbidden");
  EXPECT_TRUE(as(supervisor, [&](Context& c) { return pending_approvals(c); }).empty());
  EXPECT_EQ(as(manager, [&](Context& c) { return pending_approvals(c); }).size(), 1u);
  EXPECT_EQ(as(admin, [&](Context& c) { return pending_approvals(c); }).size(), 1u);

  auto out = decide(manager, p.id, true, "同意，特殊情况");
  EXPECT_EQ(out.remedy.status, "applied");
  EXPECT_EQ(out.remedy.decision_reason, "同意，特殊情况");
  EXPECT_EQ(db->reader().get<storage::TicketStore>().ticket(t.id)->status, "resolved");
}

TEST_F(ResolutionUseCases, AboveEveryLimitTheAdminDecidesAndIsNotified) {
  auto t = desk_ticket(agent);
  auto p = propose(agent, t.id, {"refund", "", 2'000'000, "整单退款"}).remedy;
  EXPECT_EQ(p.approver_role, "admin");
  EXPECT_EQ(notices(admin, "approval_request").size(), 1u);
  EXPECT_EQ(code_of([&] { decide(manager, p.id, true, ""); }), "forbidden");
  EXPECT_EQ(decide(admin, p.id, true, "").remedy.status, "applied");
}

TEST_F(ResolutionUseCases, RejectingNeedsAReasonAndLeavesTheTicketOpen) {
  auto t = desk_ticket(agent);
  auto p = propose(agent, t.id, coupon(50'000)).remedy;
  EXPECT_EQ(code_of([&] { decide(supervisor, p.id, false, ""); }), "required");
  EXPECT_EQ(code_of([&] { decide(supervisor, p.id, false, "  "); }), "required");
  EXPECT_EQ(code_of([&] { decide(supervisor, p.id, false, std::string(501, 'x')); }), "too_long");
  EXPECT_EQ(db->reader().get<storage::RemedyStore>().remedy(p.id)->status, "pending");

  auto out = decide(supervisor, p.id, false, "金额过高，请改为积分补偿");
  EXPECT_EQ(out.remedy.status, "rejected");
  EXPECT_EQ(out.remedy.decision_reason, "金额过高，请改为积分补偿");
  EXPECT_EQ(out.ticket.status, "new");
  EXPECT_EQ(db->reader().get<storage::TicketStore>().ticket(t.id)->status, "new");
  EXPECT_FALSE(db->reader().get<storage::TicketStore>().ticket(t.id)->resolved_at);
  auto told = notices(agent, "approval_decided");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_NE(told[0].body.find("金额过高"), std::string::npos);
  EXPECT_EQ(audit_actions(t.id).back(), "resolution.reject");
  EXPECT_EQ(code_of([&] { decide(supervisor, p.id, true, ""); }), "already_decided");

  // A new proposal is possible once the old one is decided.
  auto again = propose(agent, t.id, {"compensation", "points", 10'000, "赠送积分"});
  EXPECT_EQ(again.remedy.status, "applied");
  EXPECT_EQ(again.ticket.status, "resolved");
  EXPECT_EQ(db->reader().get<storage::RemedyStore>().remedies(t.id).size(), 2u);
}

TEST_F(ResolutionUseCases, AnotherStoreSeesNotFound) {
  auto t = desk_ticket(agent);
  auto p = propose(agent, t.id, coupon(50'000)).remedy;
  EXPECT_EQ(code_of([&] { decide(supervisor_b, p.id, true, ""); }), "not_found");
  EXPECT_EQ(code_of([&] { propose(supervisor_b, t.id, {"apology", "", 0, "致歉"}); }), "not_found");
  EXPECT_EQ(code_of([&] { as(supervisor_b, [&](Context& c) { return ticket_remedies(c, t.id); }); }), "not_found");
  EXPECT_TRUE(as(supervisor_b, [&](Context& c) { return pending_approvals(c); }).empty());
  EXPECT_EQ(code_of([&] { decide(supervisor, 999'999, true, ""); }), "not_found");
  EXPECT_EQ(db->reader().get<storage::RemedyStore>().remedy(p.id)->status, "pending");
}

TEST_F(ResolutionUseCases, OnlyTheOwnerOrASupervisorProposes) {
  auto t = desk_ticket(agent);
  EXPECT_EQ(code_of([&] { propose(agent2, t.id, {"apology", "", 0, "致歉"}); }), "forbidden");
  auto by_sup = propose(supervisor, t.id, {"explanation", "", 0, "已向顾客解释洗涤说明"});
  EXPECT_EQ(by_sup.remedy.status, "applied");
  EXPECT_EQ(by_sup.remedy.requested_by, supervisor.staff_id);
  // Finished tickets take no new resolution.
  EXPECT_EQ(code_of([&] { propose(agent, t.id, {"apology", "", 0, "致歉"}); }), "ticket_finished");
  // Unclaimed online contacts must be claimed first.
  auto online = as(agent, [&](Context& c) {
    return create_ticket(c, {.store_id = store_a, .type = "inquiry", .channel = "app", .subject = "营业时间"});
  });
  EXPECT_EQ(code_of([&] { propose(supervisor, online.id, {"explanation", "", 0, "已答复"}); }), "unclaimed");
  EXPECT_TRUE(db->reader().get<storage::RemedyStore>().remedies(online.id).empty());
}

TEST_F(ResolutionUseCases, BadInputStoresNothing) {
  auto t = desk_ticket(agent);
  auto field_of = [&](remedy::Proposal r) {
    try {
      propose(agent, t.id, r);
    } catch (const Error& e) {
      return e.field() + "/" + e.code();
    }
    return std::string("none");
  };
  EXPECT_EQ(field_of({"gift", "", 0, "x"}), "kind/invalid_enum");
  EXPECT_EQ(field_of({"compensation", "coupon", -100, "x"}), "amount_cents/invalid_amount");
  EXPECT_EQ(field_of({"apology", "", 100, "x"}), "amount_cents/invalid_amount");
  EXPECT_EQ(field_of({"compensation", "", 100, "x"}), "compensation/required");
  EXPECT_EQ(field_of({"refund", "", 100, " "}), "description/required");
  EXPECT_TRUE(db->reader().get<storage::RemedyStore>().remedies(t.id).empty());
  EXPECT_EQ(db->reader().get<storage::TicketStore>().ticket(t.id)->version, t.version);
  EXPECT_EQ(db->reader().get<storage::TimelineStore>().events(t.id).size(), 1u);
}

TEST_F(ResolutionUseCases, OnlyTheAdminChangesTheLimitsAndABadTableChangesNothing) {
  EXPECT_EQ(as(agent, [&](Context& c) { return authority_limits(c); }), remedy::default_limits());
  remedy::Limits raised{{"agent", 60'000}, {"dept_head", 60'000}, {"supervisor", 300'000}, {"manager", 1'000'000}};
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) { return set_authority_limits(c, raised); }); }), "forbidden");

  remedy::Limits not_monotone{{"agent", 60'000}, {"dept_head", 50'000}, {"supervisor", 200'000}};
  EXPECT_EQ(code_of([&] { as(admin, [&](Context& c) { return set_authority_limits(c, not_monotone); }); }),
            "limits_not_monotone");
  EXPECT_TRUE(db->reader().get<storage::RemedyStore>().authority_limits().empty());
  EXPECT_TRUE(db->reader().get<storage::AuditStore>().audit("authority_limits", 0).empty());

  auto set = as(admin, [&](Context& c) { return set_authority_limits(c, raised); });
  EXPECT_EQ(set, raised);
  EXPECT_EQ(as(supervisor, [&](Context& c) { return authority_limits(c); }), raised);
  auto audit = db->reader().get<storage::AuditStore>().audit("authority_limits", 0);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "authority_limits.update");
  EXPECT_EQ(audit[0].actor_id, admin.staff_id);

  // The new table is in force: ¥500 is now within the agent's limit.
  auto t = desk_ticket(agent);
  EXPECT_EQ(propose(agent, t.id, coupon(50'000)).remedy.status, "applied");

  // Replacing the whole table: a role left out has limit 0.
  auto partial = as(admin, [&](Context& c) { return set_authority_limits(c, {{"manager", 500'000}}); });
  EXPECT_EQ(partial.at("agent"), 0);
  EXPECT_EQ(partial.at("manager"), 500'000);
  auto t2 = desk_ticket(agent);
  EXPECT_EQ(propose(agent, t2.id, coupon(100)).remedy.approver_role, "manager");
}

}  // namespace
}  // namespace kefu::app
