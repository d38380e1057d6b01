// The live wallboard's use case: tickets made through the ticket use cases under the
// fixture's policy (first response 30 min, resolution 240 min), read at fixed times.
#include "reports/app/live.hpp"

#include "sla/app/sla_fixture.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;
using Counts = std::vector<std::pair<std::string, int64_t>>;

class Live : public SlaUseCases {
 protected:
  LiveBoard board(const people::Actor& who, int64_t at, std::optional<int64_t> store = std::nullopt) {
    return as(
        who, [&](Context& c) { return live_board(c, store); }, at);
  }
};

TEST_F(Live, TicketsMoveFromDueSoonToOverdueAsTheClockRuns) {
  auto a = make_ticket(agent, kNow);
  auto b = make_ticket(agent, kNow + 5 * kMinute);
  make_ticket(agent_b, kNow, "inquiry", store_b);

  // 10 minutes in: both first responses are due within 30 minutes, the earlier first.
  auto at10 = board(supervisor, kNow + 10 * kMinute);
  EXPECT_EQ(at10.from, kNow - 30 * kMinute);  // midnight in Shanghai
  EXPECT_EQ(at10.store_name, "甲店");         // the supervisor works in one store
  EXPECT_EQ(at10.tickets.created, 2);
  EXPECT_EQ(at10.tickets.open, 2);
  EXPECT_EQ(at10.due_soon.count, 2);
  ASSERT_EQ(at10.due_soon.tickets.size(), 2u);
  EXPECT_EQ(at10.due_soon.tickets[0].id, a.id);
  EXPECT_EQ(at10.due_soon.tickets[0].metric, "first_response");
  EXPECT_EQ(at10.due_soon.tickets[0].due_at, kNow + 30 * kMinute);
  EXPECT_EQ(at10.overdue.count, 0);

  // At 32 minutes the first is overdue, the second still due soon.
  auto at32 = board(supervisor, kNow + 32 * kMinute);
  EXPECT_EQ(at32.overdue.count, 1);
  EXPECT_EQ(at32.overdue.tickets[0].id, a.id);
  EXPECT_EQ(at32.due_soon.count, 1);
  EXPECT_EQ(at32.due_soon.tickets[0].id, b.id);

  // Resolved: gone from both lists, counted as resolved today.
  move(agent, a.id, "resolved", kNow + 40 * kMinute);
  auto at41 = board(supervisor, kNow + 41 * kMinute);
  EXPECT_EQ(at41.tickets.resolved, 1);
  EXPECT_EQ(at41.tickets.open, 1);
  EXPECT_EQ(at41.overdue.count, 1);  // b's first response is now late
  EXPECT_EQ(at41.overdue.tickets[0].id, b.id);
}

TEST_F(Live, StoresAreTheCallersOrTheOnePicked) {
  make_ticket(agent, kNow);
  make_ticket(agent_b, kNow, "inquiry", store_b);
  EXPECT_EQ(board(admin, kNow + kMinute).tickets.created, 2);
  auto only_b = board(admin, kNow + kMinute, store_b);
  EXPECT_EQ(only_b.tickets.created, 1);
  EXPECT_EQ(only_b.store_name, "乙店");
  EXPECT_EQ(only_b.store_id, store_b);
  EXPECT_EQ(code_of([&] { board(supervisor, kNow, store_b); }), "not_found");
  EXPECT_EQ(code_of([&] { board(admin, kNow, 9999); }), "not_found");
}

TEST_F(Live, TodayEndsAtTheStoresMidnight) {
  make_ticket(agent, kNow - 40 * kMinute);  // 23:50 yesterday
  make_ticket(agent, kNow);
  auto b = board(supervisor, kNow + kMinute);
  EXPECT_EQ(b.tickets.created, 1);
  EXPECT_EQ(b.tickets.open, 2);
  EXPECT_EQ(b.contacts, (Counts{{"service_desk", 1}}));
}

// Conversations that became no ticket join the tickets' channels as live_chat.
TEST(LiveContacts, ChatsWithoutATicketCountAsLiveChat) {
  struct Case {
    Counts tickets;
    int64_t chats;
    Counts expected;
  };
  const Case cases[] = {
      {{}, 0, {}},
      {{}, 3, {{"live_chat", 3}}},
      {{{"hotline", 2}, {"live_chat", 1}}, 2, {{"live_chat", 3}, {"hotline", 2}}},
      {{{"hotline", 2}, {"app", 2}}, 0, {{"app", 2}, {"hotline", 2}}},
      {{{"hotline", 5}}, 1, {{"hotline", 5}, {"live_chat", 1}}},
  };
  for (const auto& c : cases) EXPECT_EQ(contacts_by_channel(c.tickets, c.chats), c.expected);
}

}  // namespace
}  // namespace kefu::app
