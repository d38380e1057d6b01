// Callback (回访) use cases: real SQLite file, fixed clock, no HTTP.
#include "callbacks/app/callback.hpp"

#include <nlohmann/json.hpp>

#include "core/storage/platform_stores.hpp"
#include "sla/app/sla.hpp"
#include "sla/app/sla_fixture.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class Callback : public SlaUseCases {
 protected:
  ticket::Ticket callback(const people::Actor& who, int64_t id, const std::string& outcome, int64_t at,
                          const std::string& note = "") {
    return as(
        who, [&](Context& c) { return record_callback(c, id, outcome, note); }, at);
  }
  std::vector<ticket::Event> events(int64_t id) { return db->reader().get<storage::TimelineStore>().events(id); }
  sla::ClockState callback_clock(const ticket::Ticket& t) {
    return load_sla(db->reader(), *db->reader().get<storage::TicketStore>().ticket(t.id)).clocks.callback;
  }
};

TEST_F(Callback, AResolvedTicketHasACallbackDueADayAfterResolution) {
  auto t = resolved_ticket(agent);
  EXPECT_EQ(t.callback_due_at, kNow + kHour + kDay);
  EXPECT_EQ(callback_clock(t).phase, sla::Phase::running);
}

TEST_F(Callback, SatisfiedFulfilsTheClockAndClosesTheTicket) {
  auto t = resolved_ticket(agent);
  auto done = callback(agent, t.id, "satisfied", kNow + 2 * kHour, "顾客表示满意");
  EXPECT_EQ(done.status, "closed");
  EXPECT_EQ(done.closed_at, kNow + 2 * kHour);
  EXPECT_FALSE(done.callback_due_at);
  EXPECT_EQ(callback_clock(t).phase, sla::Phase::fulfilled);

  auto ev = events(t.id);
  auto cb = std::find_if(ev.begin(), ev.end(), [](const auto& e) { return e.kind == "callback"; });
  ASSERT_NE(cb, ev.end());
  auto data = nlohmann::json::parse(cb->data);
  EXPECT_EQ(data["outcome"], "satisfied");
  EXPECT_EQ(data["note"], "顾客表示满意");
  EXPECT_EQ(cb->actor_id, agent.staff_id);
  EXPECT_EQ(ev.back().kind, "status");
  EXPECT_EQ(db->reader().get<storage::AuditStore>().audit("ticket", t.id).back().action, "ticket.callback");

  // Done: a second callback is not due.
  EXPECT_EQ(code_of([&] { callback(agent, t.id, "satisfied", kNow + 3 * kHour); }), "callback_not_due");
  EXPECT_TRUE(as(agent, [&](Context& c) { return callbacks_due(c, kNow + 10 * kDay); }).empty());
}

TEST_F(Callback, NotSatisfiedReopensTheTicket) {
  auto t = resolved_ticket(agent);
  auto done = callback(agent, t.id, "not_satisfied", kNow + 2 * kHour, "顾客说还是起球");
  EXPECT_EQ(done.status, "in_progress");
  EXPECT_EQ(done.reopen_count, 1);
  EXPECT_FALSE(done.resolved_at);
  EXPECT_FALSE(done.callback_due_at);
  EXPECT_EQ(done.resolution_due_at, kNow + 2 * kHour + 4 * kHour);  // a fresh resolution cycle
  EXPECT_EQ(callback_clock(t).phase, sla::Phase::fulfilled);        // done, not cancelled by the reopen
  auto ev = events(t.id);
  EXPECT_EQ(ev.back().kind, "status");
  EXPECT_EQ(ev.back().body, "回访不满意，重新处理");
  EXPECT_EQ(code_of([&] { callback(agent, t.id, "satisfied", kNow + 3 * kHour); }), "callback_not_due");

  // Resolved again: a new callback falls due.
  auto again = move(agent, t.id, "resolved", kNow + 4 * kHour);
  EXPECT_EQ(again.callback_due_at, kNow + 4 * kHour + kDay);
}

TEST_F(Callback, UnreachableKeepsTheCallbackDue) {
  auto t = resolved_ticket(agent);
  auto after = callback(agent, t.id, "unreachable", kNow + 2 * kHour, "电话无人接听");
  EXPECT_EQ(after.status, "resolved");
  EXPECT_EQ(after.callback_due_at, t.callback_due_at);
  EXPECT_EQ(after.version, t.version);
  EXPECT_EQ(callback_clock(t).phase, sla::Phase::running);
  EXPECT_EQ(events(t.id).back().kind, "callback");
  EXPECT_EQ(callback(agent, t.id, "satisfied", kNow + 3 * kHour).status, "closed");
}

TEST_F(Callback, AClosedTicketWhoseClockRunsStillTakesItsCallback) {
  auto t = resolved_ticket(agent);
  auto closed = move(agent, t.id, "closed", kNow + 2 * kHour);
  EXPECT_EQ(closed.callback_due_at, t.callback_due_at);  // closing changes no clock
  auto done = callback(agent, t.id, "satisfied", kNow + 3 * kHour);
  EXPECT_EQ(done.status, "closed");
  EXPECT_FALSE(done.callback_due_at);
  EXPECT_EQ(done.version, closed.version + 1);
}

TEST_F(Callback, WithoutACallbackClockAResolvedTicketStillTakesOne) {
  auto t = resolved_ticket(agent, kNow, "praise");  // no policy applies to praise
  EXPECT_FALSE(t.sla_policy_id);
  EXPECT_FALSE(t.callback_due_at);
  EXPECT_EQ(callback(agent, t.id, "satisfied", kNow + 2 * kHour).status, "closed");
  EXPECT_EQ(code_of([&] { callback(agent, t.id, "satisfied", kNow + 3 * kHour); }), "callback_not_due");
}

TEST_F(Callback, RefusesWhatIsNotACallback) {
  auto open = make_ticket(agent);
  EXPECT_EQ(code_of([&] { callback(agent, open.id, "satisfied", kNow); }), "callback_not_due");
  auto t = resolved_ticket(agent);
  EXPECT_EQ(code_of([&] { callback(agent, t.id, "happy", kNow + 2 * kHour); }), "invalid_enum");
  EXPECT_EQ(code_of([&] { callback(agent, t.id, "satisfied", kNow + 2 * kHour, std::string(501, 'x')); }), "too_long");
  EXPECT_EQ(code_of([&] { callback(agent_b, t.id, "satisfied", kNow + 2 * kHour); }), "not_found");
  EXPECT_EQ(code_of([&] { callback(agent2, t.id, "satisfied", kNow + 2 * kHour); }), "forbidden");
  EXPECT_EQ(callback(supervisor, t.id, "satisfied", kNow + 2 * kHour).status, "closed");
}

TEST_F(Callback, TheDueListIsScopedAndSoonestFirst) {
  auto later = resolved_ticket(agent, kNow + kHour);
  auto sooner = resolved_ticket(agent2, kNow);
  auto done = resolved_ticket(agent, kNow);
  callback(agent, done.id, "satisfied", kNow + 3 * kHour);
  auto t_b = as(agent_b, [&](Context& c) {
    return create_ticket(c, {.store_id = store_b, .type = "inquiry", .channel = "hotline", .subject = "营业时间"});
  });
  move(agent_b, t_b.id, "resolved", kNow + kHour);

  auto due = as(agent, [&](Context& c) { return callbacks_due(c, kNow + 10 * kDay); });
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, sooner.id);
  EXPECT_EQ(due[1].id, later.id);
  // Only what falls due before the time.
  auto first = as(agent, [&](Context& c) { return callbacks_due(c, kNow + kHour + kDay + 1); });
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].id, sooner.id);
  EXPECT_EQ(as(admin, [&](Context& c) { return callbacks_due(c, kNow + 10 * kDay); }).size(), 3u);
  auto b = as(agent_b, [&](Context& c) { return callbacks_due(c, kNow + 10 * kDay); });
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].id, t_b.id);
}

}  // namespace
}  // namespace kefu::app
