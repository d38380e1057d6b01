// The storage contract of the live wallboard's reads (LiveStore), on every backend.
#include <gtest/gtest.h>

#include "callbacks/storage/callback_store.hpp"
#include "chat/storage/chat_agent_store.hpp"
#include "chat/storage/chat_desk_store.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "reports/storage/live_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kDay = 1795276800000LL;  // a midnight
constexpr int64_t kMin = 60'000;
constexpr int64_t kNow = kDay + 10 * 60 * kMin;  // 10:00

class LiveContract : public Contract {
 protected:
  int64_t add(ticket::Ticket t) {
    db->write_sync([&](Stores& r) { r.get<TicketStore>().insert_ticket(t); });
    return t.id;
  }
  ticket::Ticket today(int64_t store, ticket::Channel channel, const std::string& category = "") {
    auto t = make_ticket(store, kDay + 60 * kMin);
    t.channel = channel;
    t.category = category;
    t.status = "in_progress";
    return t;
  }
  int64_t conversation(int64_t store, const std::string& status, int64_t created, std::optional<int64_t> queued = {},
                       const std::string& queue = "general") {
    chat::Conversation c;
    c.store_id = store;
    c.queue = queue;
    c.status = status;
    c.visitor_digest = "v" + std::to_string(++visitors_);
    c.created_at = c.last_message_at = created;
    c.queued_at = queued;
    int64_t id = 0;
    db->write_sync([&](Stores& r) { id = r.get<ConversationStore>().insert_conversation(c); });
    return id;
  }
  std::vector<int64_t> both() const { return {store_a, store_b}; }
  int visitors_ = 0;
};

TEST_P(LiveContract, TodaysTicketsByChannelAndCategoryOpenAndResolved) {
  add(today(store_a, "hotline", "停车"));
  add(today(store_a, "hotline", "停车"));
  add(today(store_a, "service_desk", "退换货"));
  add(today(store_a, "app"));  // no category
  add(today(store_b, "hotline", "停车"));
  auto old = make_ticket(store_a, kDay - 5 * 60 * kMin);  // yesterday, still open
  old.status = "new";
  add(old);
  auto done = make_ticket(store_a, kDay - 60 * kMin);  // yesterday, resolved today
  done.status = "resolved";
  done.resolved_at = done.updated_at = kDay + 30 * kMin;
  add(done);
  auto closed_before = make_ticket(store_a, kDay - 120 * kMin);  // resolved yesterday
  closed_before.status = "closed";
  closed_before.resolved_at = kDay - 100 * kMin;
  closed_before.updated_at = kDay + 5 * kMin;  // closed today: not resolved today
  add(closed_before);

  auto a = db->reader().get<LiveStore>().ticket_counts({store_a}, kDay);
  EXPECT_EQ(a.created, 4);
  using P = std::vector<std::pair<std::string, int64_t>>;
  EXPECT_EQ(a.by_channel, (P{{"hotline", 2}, {"app", 1}, {"service_desk", 1}}));
  EXPECT_EQ(a.by_category, (P{{"停车", 2}, {"退换货", 1}}));
  EXPECT_EQ(a.open, 5);
  EXPECT_EQ(a.resolved, 1);

  auto ab = db->reader().get<LiveStore>().ticket_counts(both(), kDay);
  EXPECT_EQ(ab.created, 5);
  EXPECT_EQ(ab.by_category.front(), (std::pair<std::string, int64_t>{"停车", 3}));
  EXPECT_EQ(ab.open, 6);
  EXPECT_EQ(db->reader().get<LiveStore>().ticket_counts({}, kDay).created, 0);  // no stores, nothing
}

TEST_P(LiveContract, BreachingTakesEachTicketsEarliestDeadline) {
  auto soon = today(store_a, "hotline");  // resolution in 10 minutes, first response answered
  soon.resolution_due_at = kNow + 10 * kMin;
  auto sooner = today(store_a, "hotline");  // first response in 5, resolution in 2 hours
  sooner.first_response_due_at = kNow + 5 * kMin;
  sooner.resolution_due_at = kNow + 120 * kMin;
  sooner.owner_id.reset();
  auto late = today(store_a, "hotline");  // first response overdue, resolution later
  late.first_response_due_at = kNow - 15 * kMin;
  late.resolution_due_at = kNow + 20 * kMin;
  auto callback = make_ticket(store_a, kDay);  // resolved, callback overdue
  callback.status = "resolved";
  callback.callback_due_at = kNow - 60 * kMin;
  auto far = today(store_a, "hotline");
  far.resolution_due_at = kNow + 300 * kMin;
  auto other = today(store_b, "hotline");
  other.resolution_due_at = kNow + 1 * kMin;
  auto resolved = make_ticket(store_a, kDay);  // a resolved ticket's stale deadline is not running
  resolved.status = "resolved";
  resolved.resolution_due_at = kNow - 5 * kMin;
  const int64_t soon_id = add(soon), sooner_id = add(sooner), late_id = add(late), callback_id = add(callback);
  add(far);
  const int64_t other_id = add(other);
  add(resolved);

  auto& live = db->reader().get<LiveStore>();
  auto next = live.breaching({store_a}, kNow, kNow + 30 * kMin, 10);
  EXPECT_EQ(next.count, 2);
  ASSERT_EQ(next.tickets.size(), 2u);
  EXPECT_EQ(next.tickets[0].id, sooner_id);
  EXPECT_EQ(next.tickets[0].metric, "first_response");
  EXPECT_EQ(next.tickets[0].due_at, kNow + 5 * kMin);
  EXPECT_FALSE(next.tickets[0].owner_id);
  EXPECT_EQ(next.tickets[0].owner_name, "");
  EXPECT_EQ(next.tickets[1].id, soon_id);
  EXPECT_EQ(next.tickets[1].metric, "resolution");
  EXPECT_EQ(next.tickets[1].owner_name, "李");
  EXPECT_FALSE(next.tickets[1].number.empty());
  EXPECT_EQ(next.tickets[1].subject, "咨询");

  auto overdue = live.breaching({store_a}, std::nullopt, kNow, 10);
  EXPECT_EQ(overdue.count, 2);
  ASSERT_EQ(overdue.tickets.size(), 2u);
  EXPECT_EQ(overdue.tickets[0].id, callback_id);
  EXPECT_EQ(overdue.tickets[0].metric, "callback");
  EXPECT_EQ(overdue.tickets[1].id, late_id);
  EXPECT_EQ(overdue.tickets[1].metric, "first_response");

  // The limit cuts the list, never the count; stores scope both.
  auto one = live.breaching(both(), kNow, kNow + 30 * kMin, 1);
  EXPECT_EQ(one.count, 3);
  ASSERT_EQ(one.tickets.size(), 1u);
  EXPECT_EQ(one.tickets[0].id, other_id);
  EXPECT_EQ(live.breaching({store_b}, std::nullopt, kNow, 10).count, 0);
}

TEST_P(LiveContract, CsatGivenInTheRangeOnTheStoresTickets) {
  const int64_t t1 = add(today(store_a, "hotline")), t2 = add(today(store_a, "hotline"));
  const int64_t t3 = add(today(store_a, "hotline")), t4 = add(today(store_b, "hotline"));
  db->write_sync([&](Stores& r) {
    auto& cb = r.get<CallbackStore>();
    cb.insert_csat({t1, 5, "", kDay + 10 * kMin});
    cb.insert_csat({t2, 2, "", kDay + 20 * kMin});
    cb.insert_csat({t3, 4, "", kDay - 10 * kMin});  // yesterday
    cb.insert_csat({t4, 5, "", kDay + 10 * kMin});  // the other store
  });
  auto c = db->reader().get<LiveStore>().csat({store_a}, kDay, kNow);
  EXPECT_EQ(c.n, 2);
  EXPECT_EQ(c.sum, 7);
  EXPECT_EQ(c.good, 1);
  EXPECT_EQ(db->reader().get<LiveStore>().csat(both(), kDay, kNow).n, 3);
  EXPECT_EQ(db->reader().get<LiveStore>().csat({store_a}, kNow, kNow + kMin).n, 0);
}

TEST_P(LiveContract, ChatsStartedTodayAndTheQueuesNow) {
  const int64_t bot = conversation(store_a, "bot", kDay + 5 * kMin);
  conversation(store_a, "queued", kDay + 50 * kMin, kDay + 51 * kMin, "returns");
  conversation(store_a, "queued", kDay + 40 * kMin, kDay + 45 * kMin, "returns");
  conversation(store_a, "queued", kDay + 30 * kMin, kDay + 58 * kMin, "general");
  conversation(store_a, "ended", kDay - 30 * kMin);  // yesterday
  conversation(store_b, "queued", kDay + 10 * kMin, kDay + 10 * kMin, "parking");
  db->write_sync([&](Stores& r) {
    auto t = today(store_a, "live_chat");
    r.get<TicketStore>().insert_ticket(t);
    r.get<ChatDeskStore>().set_ticket(bot, t.id, kDay + 6 * kMin);
  });

  auto& live = db->reader().get<LiveStore>();
  auto chats = live.chats({store_a}, kDay);
  EXPECT_EQ(chats.started, 4);
  EXPECT_EQ(chats.without_ticket, 3);
  EXPECT_EQ(live.chats(both(), kDay).started, 5);

  auto queues = live.queues({store_a});
  ASSERT_EQ(queues.size(), 2u);  // the longest wait first
  EXPECT_EQ(queues[0].queue, "returns");
  EXPECT_EQ(queues[0].waiting, 2);
  EXPECT_EQ(queues[0].oldest_queued_at, kDay + 45 * kMin);
  EXPECT_EQ(queues[1].queue, "general");
  EXPECT_EQ(queues[1].waiting, 1);
  EXPECT_EQ(live.queues(both()).size(), 3u);
  EXPECT_TRUE(live.queues({}).empty());
}

TEST_P(LiveContract, AgentsOnlineBusyAndAwayCountedOnce) {
  int64_t b1 = 0, b2 = 0, b3 = 0, gone = 0;
  db->write_sync([&](Stores& r) {
    auto& org = r.get<OrgStore>();
    auto person = [&](const std::string& name, std::vector<int64_t> stores) {
      return org.insert_staff(
          {.username = name, .display_name = name, .role = "agent", .store_ids = stores, .password_hash = "h"});
    };
    b1 = person("b1", {store_a, store_b});
    b2 = person("b2", {store_a});
    b3 = person("b3", {store_b});
    gone = person("gone", {store_a});
    auto& agents = r.get<ChatAgentStore>();
    agents.put_agent({.staff_id = staff, .presence = "online", .presence_at = kNow});  // serving a chat
    agents.put_agent({.staff_id = b1, .presence = "online", .presence_at = kNow});     // free
    agents.put_agent({.staff_id = b2, .presence = "online", .presence_at = kNow, .on_call = true});
    agents.put_agent({.staff_id = b3, .presence = "away", .presence_at = kNow});
    agents.put_agent({.staff_id = gone, .presence = "offline", .presence_at = kNow});
  });
  const int64_t c = conversation(store_a, "queued", kNow - kMin, kNow - kMin);
  db->write_sync([&](Stores& r) { r.get<ConversationStore>().assign(c, "queued", std::nullopt, staff, kNow); });

  auto& live = db->reader().get<LiveStore>();
  auto a = live.agents({store_a});
  EXPECT_EQ(a.online, 3);
  EXPECT_EQ(a.busy, 2);
  EXPECT_EQ(a.away, 0);
  auto ab = live.agents(both());
  EXPECT_EQ(ab.online, 3);  // b1 works in both stores: once
  EXPECT_EQ(ab.away, 1);
  EXPECT_EQ(live.agents({store_b}).online, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, LiveContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
