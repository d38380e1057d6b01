// The storage contract for live chat: numbered messages without holes or duplicates,
// first-come-first-served waiting, assignment given out once, agents' loads.
#include <gtest/gtest.h>

#include "chat/storage/chat_agent_store.hpp"
#include "chat/storage/chat_desk_store.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "members/storage/member_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

class ChatContract : public Contract {
 protected:
  int visitors = 0;
  int64_t open_conversation(int64_t store, const std::string& queue, int64_t at, const std::string& status = "queued") {
    int64_t id = 0;
    db->write_sync([&](Stores& r) {
      chat::Conversation c;
      c.store_id = store;
      c.queue = queue;
      c.status = status;
      c.visitor_digest = "v" + std::to_string(at) + "-" + std::to_string(++visitors);
      c.created_at = c.last_message_at = at;
      if (status == "queued") c.queued_at = at;
      id = r.get<ConversationStore>().insert_conversation(c);
    });
    return id;
  }
  Appended say(int64_t conv, const std::string& sender, const std::string& client_id, const std::string& body,
               int64_t at) {
    Appended out;
    db->write_sync([&](Stores& r) {
      chat::Message m;
      m.conversation_id = conv;
      m.sender = sender;
      if (sender == "agent") m.staff_id = staff;
      m.client_msg_id = client_id;
      m.kind = "text";
      m.body = body;
      m.created_at = at;
      out = r.get<ConversationStore>().append_message(m);
    });
    return out;
  }
  ConversationStore& chats() { return db->reader().get<ConversationStore>(); }
  ChatDeskStore& desk() { return db->reader().get<ChatDeskStore>(); }
  ChatAgentStore& agents() { return db->reader().get<ChatAgentStore>(); }
  template <class F>
  auto in_write(F f) {
    decltype(f(std::declval<ChatDeskStore&>())) out{};
    db->write_sync([&](Stores& r) { out = f(r.get<ChatDeskStore>()); });
    return out;
  }
  template <class F>
  auto in_agents(F f) {
    decltype(f(std::declval<ChatAgentStore&>())) out{};
    db->write_sync([&](Stores& r) { out = f(r.get<ChatAgentStore>()); });
    return out;
  }
};

TEST_P(ChatContract, MessagesAreNumberedPerConversationAndARetryIsTheSameMessage) {
  auto a = open_conversation(store_a, "general", 1000);
  auto b = open_conversation(store_a, "general", 1001);
  EXPECT_EQ(say(a, "customer", "c-1", "你好", 1100).message.seq, 1);
  EXPECT_EQ(say(b, "customer", "c-1", "停车怎么收费", 1101).message.seq, 1) << "numbers are per conversation";
  auto again = say(a, "customer", "c-1", "你好（重发）", 1200);
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.message.seq, 1);
  EXPECT_EQ(again.message.body, "你好") << "the stored message, not the retry";
  EXPECT_EQ(say(a, "agent", "c-1", "您好，请讲", 1300).message.seq, 2) << "another sender's ids are its own";
  EXPECT_EQ(say(a, "system", "", "已转接", 1400).message.seq, 3);
  EXPECT_EQ(say(a, "system", "", "已转接", 1401).message.seq, 4) << "no client id: never a duplicate";

  auto after = chats().messages_after(a, 1, 10);
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after[0].seq, 2);
  EXPECT_EQ(after[0].staff_id, staff);
  EXPECT_EQ(after[0].body, "您好，请讲");
  EXPECT_EQ(after[2].seq, 4);
  EXPECT_EQ(chats().messages_after(a, 0, 2).size(), 2u);
  EXPECT_TRUE(chats().messages_after(a, 4, 10).empty());
  auto conv = chats().conversation(a);
  ASSERT_TRUE(conv);
  EXPECT_EQ(conv->last_seq, 4);
  EXPECT_EQ(conv->last_message_at, 1401);
  EXPECT_EQ(conv->first_reply_at, 1300) << "the first agent message";
  EXPECT_EQ(conv->active_at, 1000) << "activity moves in steps of kActivityStepMs";
  say(a, "customer", "c-2", "还在吗", 1000 + chat::kActivityStepMs);
  conv = chats().conversation(a);
  EXPECT_EQ(conv->active_at, 1000 + chat::kActivityStepMs);
  EXPECT_EQ(conv->last_message_at, 1000 + chat::kActivityStepMs);
  EXPECT_FALSE(chats().conversation(b)->first_reply_at);
  EXPECT_EQ(chats().conversation_by_visitor(chats().conversation(b)->visitor_digest)->id, b);
  EXPECT_FALSE(chats().conversation_by_visitor("v9"));
  EXPECT_ANY_THROW(say(a + b + 100, "customer", "c-9", "没有这个会话", 1500)) << "no such conversation";
  EXPECT_TRUE(chats().messages_after(a + b + 100, 0, 10).empty());
}

TEST_P(ChatContract, AMessageForAnOpenConversationOnlyGoesInWhileItIsOpen) {
  auto a = open_conversation(store_a, "general", 1000);
  auto m = [&](const std::string& id, const std::string& body, int64_t at) {
    chat::Message msg;
    msg.conversation_id = a;
    msg.sender = "customer";
    msg.client_msg_id = id;
    msg.kind = "text";
    msg.body = body;
    msg.created_at = at;
    return msg;
  };
  auto put = [&](const chat::Message& msg) {
    std::optional<Appended> out;
    db->write_sync([&](Stores& r) { out = r.get<ConversationStore>().append_while_open(msg); });
    return out;
  };
  auto first = put(m("c1", "你好", 1100));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->message.seq, 1);
  EXPECT_FALSE(first->duplicate);
  EXPECT_EQ(first->status, "queued") << "the conversation's status comes with the append";
  auto again = put(m("c1", "你好（重发）", 1200));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->message.body, "你好");
  db->write_sync([&](Stores& r) { r.get<ConversationStore>().end_conversation(a, "agent", 1300); });
  EXPECT_FALSE(put(m("c2", "还在吗", 1400))) << "ended: not taken";
  EXPECT_EQ(chats().conversation(a)->last_seq, 1) << "nothing stored, no number used";
  auto gone = m("c3", "x", 1500);
  gone.conversation_id = a + 1000;
  EXPECT_FALSE(put(gone)) << "no such conversation";
}

TEST_P(ChatContract, WaitingIsFirstComeFirstServedPerStoreAndQueue) {
  auto late = open_conversation(store_a, "returns", 3000);
  auto early = open_conversation(store_a, "returns", 1000);
  open_conversation(store_a, "parking", 500);
  open_conversation(store_b, "returns", 400);
  open_conversation(store_a, "returns", 200, "bot");
  auto w = chats().waiting(store_a, "returns", 0);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].id, early);
  EXPECT_EQ(w[1].id, late);
  EXPECT_EQ(w[0].status, "queued");
  EXPECT_EQ(w[0].queued_at, 1000);
  ASSERT_EQ(chats().waiting(store_a, "returns", 1).size(), 1u) << "the head of the line alone";
  EXPECT_EQ(chats().waiting(store_a, "returns", 1)[0].id, early);
  EXPECT_EQ(chats().waiting_count(store_a, "returns"), 2);
  EXPECT_EQ(chats().waiting_count(store_b, "returns"), 1);
  EXPECT_EQ(chats().waiting_ahead(w[0]), 0);
  EXPECT_EQ(chats().waiting_ahead(w[1]), 1);
  // Queued at the same moment: the older id is ahead.
  auto twin = open_conversation(store_a, "returns", 3000);
  EXPECT_EQ(chats().waiting_ahead(*chats().conversation(twin)), 2);
}

TEST_P(ChatContract, AConversationIsGivenOutOnceAndAgentsCarryTheirLoad) {
  auto c = open_conversation(store_a, "general", 1000);
  db->write_sync([&](Stores& r) {
    r.get<ChatAgentStore>().put_agent(
        {.staff_id = staff, .presence = "online", .presence_at = 900, .capacity = 3, .queues = {"general", "returns"}});
  });
  bool first = false, second = true;
  db->write_sync([&](Stores& r) { first = r.get<ConversationStore>().assign(c, "queued", std::nullopt, staff, 1100); });
  db->write_sync(
      [&](Stores& r) { second = r.get<ConversationStore>().assign(c, "queued", std::nullopt, staff, 1101); });
  EXPECT_TRUE(first);
  EXPECT_FALSE(second) << "the second node sees it taken";
  auto conv = chats().conversation(c);
  EXPECT_EQ(conv->status, "assigned");
  EXPECT_EQ(conv->agent_id, staff);
  EXPECT_EQ(conv->assigned_at, 1100);

  auto loads = agents().agent_loads(store_a);
  ASSERT_EQ(loads.size(), 1u);
  EXPECT_EQ(loads[0].agent.staff_id, staff);
  EXPECT_EQ(loads[0].agent.presence, "online");
  EXPECT_EQ(loads[0].agent.capacity, 3);
  EXPECT_EQ(loads[0].agent.queues, (std::vector<std::string>{"general", "returns"}));
  EXPECT_EQ(loads[0].agent.last_assigned_at, 1100);
  EXPECT_EQ(loads[0].role, "agent");
  EXPECT_EQ(loads[0].active, 1);
  EXPECT_TRUE(agents().agent_loads(store_b).empty()) << "not an agent of store B";
  ASSERT_EQ(chats().agent_conversations(staff).size(), 1u);

  // A transfer from this agent to another (here: the same id, from the right holder).
  bool wrong_holder = true;
  db->write_sync(
      [&](Stores& r) { wrong_holder = r.get<ConversationStore>().assign(c, "assigned", staff + 1, staff, 1200); });
  EXPECT_FALSE(wrong_holder);

  bool back = false, ended = false, twice = true;
  db->write_sync([&](Stores& r) { back = r.get<ConversationStore>().requeue(c, "returns", 1300); });
  EXPECT_TRUE(back);
  conv = chats().conversation(c);
  EXPECT_EQ(conv->status, "queued");
  EXPECT_EQ(conv->queue, "returns");
  EXPECT_FALSE(conv->agent_id);
  EXPECT_EQ(agents().agent_loads(store_a)[0].active, 0);
  db->write_sync([&](Stores& r) { ended = r.get<ConversationStore>().end_conversation(c, "customer", 1400); });
  db->write_sync([&](Stores& r) { twice = r.get<ConversationStore>().end_conversation(c, "idle", 1500); });
  EXPECT_TRUE(ended);
  EXPECT_FALSE(twice);
  conv = chats().conversation(c);
  EXPECT_EQ(conv->ended_at, 1400);
  EXPECT_EQ(conv->end_reason, "customer");
  EXPECT_TRUE(chats().agent_conversations(staff).empty());

  // Presence changes keep the rest; no row means no chat state.
  db->write_sync([&](Stores& r) {
    auto a = *r.get<ChatAgentStore>().agent(staff);
    a.presence = "away";
    a.capacity.reset();
    r.get<ChatAgentStore>().put_agent(a);
  });
  auto a = agents().agent(staff);
  EXPECT_EQ(a->presence, "away");
  EXPECT_FALSE(a->capacity);
  EXPECT_FALSE(a->last_assigned_at)
      << "read from the conversations: the only one went back to the queue, so no assignment counts";
  EXPECT_FALSE(agents().agent(staff + 100));
}

TEST_P(ChatContract, TheDeskListsByStoreStatusAndPersonNewestFirst) {
  auto a = open_conversation(store_a, "general", 1000);
  auto b = open_conversation(store_a, "returns", 2000);
  auto c = open_conversation(store_b, "general", 3000);
  auto ended = open_conversation(store_a, "general", 500);
  db->write_sync([&](Stores& r) {
    r.get<ChatAgentStore>().put_agent({.staff_id = staff, .presence = "online", .presence_at = 900});
    r.get<ConversationStore>().assign(a, "queued", std::nullopt, staff, 1100);
    r.get<ConversationStore>().end_conversation(ended, "agent", 600);
  });
  auto ids = [](const std::vector<chat::Conversation>& list) {
    std::vector<int64_t> out;
    for (const auto& x : list) out.push_back(x.id);
    return out;
  };
  EXPECT_EQ(ids(desk().conversations({.store_ids = {store_a}})), (std::vector<int64_t>{b, a, ended}));
  EXPECT_EQ(ids(desk().conversations({.store_ids = {store_a}, .status = "open"})), (std::vector<int64_t>{b, a}));
  EXPECT_EQ(ids(desk().conversations({.store_ids = {store_a}, .status = "queued"})), (std::vector<int64_t>{b}));
  EXPECT_EQ(ids(desk().conversations({.all_stores = true, .status = "open"})), (std::vector<int64_t>{c, b, a}));
  EXPECT_TRUE(desk().conversations({}).empty()) << "no stores, no conversations";
  EXPECT_EQ(ids(desk().conversations({.store_ids = {store_a}, .before_activity = 2000})),
            (std::vector<int64_t>{a, ended}));
  EXPECT_EQ(ids(desk().conversations({.store_ids = {store_a}, .limit = 1})), (std::vector<int64_t>{b}));
  EXPECT_EQ(ids(desk().conversations({.store_ids = {store_a}, .created_from = 1000, .created_to = 2000})),
            (std::vector<int64_t>{a}))
      << "created in [from, to)";

  // Mine: assigned to me, or I was invited.
  EXPECT_EQ(ids(desk().conversations({.store_ids = {store_a}, .staff_id = staff})), (std::vector<int64_t>{a}));
  EXPECT_TRUE(in_write([&](ChatDeskStore& d) { return d.add_participant(b, staff, std::nullopt, 2100); }));
  EXPECT_FALSE(in_write([&](ChatDeskStore& d) { return d.add_participant(b, staff, std::nullopt, 2200); }));
  EXPECT_EQ(ids(desk().conversations({.store_ids = {store_a}, .staff_id = staff})), (std::vector<int64_t>{b, a}));
  EXPECT_EQ(desk().participants(b), std::vector<int64_t>{staff});
  EXPECT_TRUE(desk().participants(a).empty());
}

TEST_P(ChatContract, ReadMarksRatingMemberAndTicketStayOnTheConversation) {
  auto a = open_conversation(store_a, "general", 1000);
  say(a, "customer", "c1", "在吗", 1100);
  say(a, "customer", "c2", "有人吗", 1200);
  EXPECT_TRUE(in_write([&](ChatDeskStore& d) { return d.set_read(a, false, 2, 1300); }));
  EXPECT_FALSE(in_write([&](ChatDeskStore& d) { return d.set_read(a, false, 1, 1400); })) << "never backwards";
  EXPECT_FALSE(in_write([&](ChatDeskStore& d) { return d.set_read(a, true, 3, 1400); })) << "not beyond the last";
  EXPECT_TRUE(in_write([&](ChatDeskStore& d) { return d.set_read(a, true, 1, 1400); }));
  auto conv = chats().conversation(a);
  EXPECT_EQ(conv->agent_read_seq, 2);
  EXPECT_EQ(conv->customer_read_seq, 1);

  int64_t member = 0, ticket = 0;
  db->write_sync([&](Stores& r) {
    member = r.get<MemberStore>().insert_member(
        {.member_no = "M0001", .name = "王女士", .phone = "13800138000", .home_store_id = store_a});
    auto t = make_ticket(store_a, 1500);
    ticket = r.get<TicketStore>().insert_ticket(t);
    r.get<ChatDeskStore>().set_member(a, member, 1500);
    r.get<ChatDeskStore>().set_ticket(a, ticket, 1500);
  });
  EXPECT_TRUE(in_write([&](ChatDeskStore& d) { return d.set_rating(a, 4, "还可以", 1600); }));
  EXPECT_FALSE(in_write([&](ChatDeskStore& d) { return d.set_rating(a, 1, "改评", 1700); })) << "once";
  conv = chats().conversation(a);
  EXPECT_EQ(conv->member_id, member);
  EXPECT_EQ(conv->ticket_id, ticket);
  EXPECT_EQ(conv->rating, 4);
  EXPECT_EQ(conv->rating_comment, "还可以");
  db->write_sync([&](Stores& r) { r.get<ChatDeskStore>().set_member(a, std::nullopt, 1800); });
  EXPECT_FALSE(chats().conversation(a)->member_id);
}

TEST_P(ChatContract, PhotosAreKeptByConversationAndTheirBlobsStayInUse) {
  auto a = open_conversation(store_a, "general", 1000);
  const auto id = in_write([&](ChatDeskStore& d) {
    return d.insert_photo({.conversation_id = a,
                           .sha256 = "ab12",
                           .content_type = "image/png",
                           .size = 68,
                           .filename = "票据.png",
                           .sender = "customer",
                           .created_at = 1100});
  });
  auto p = desk().photo(id);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->conversation_id, a);
  EXPECT_EQ(p->filename, "票据.png");
  EXPECT_EQ(p->size, 68);
  EXPECT_EQ(p->sender, "customer");
  EXPECT_FALSE(desk().photo(id + 1));
  EXPECT_TRUE(desk().photo_in_use("ab12"));
  EXPECT_FALSE(desk().photo_in_use("cd34"));
}

TEST_P(ChatContract, EveryChangeIsInTheFeedAndIdleOnesAreFound) {
  const auto start = desk().last_feed_id();
  auto a = open_conversation(store_a, "general", 1000);
  auto b = open_conversation(store_b, "general", 1001);
  say(a, "customer", "c1", "你好", 5000);
  db->write_sync([&](Stores& r) { r.get<ConversationStore>().end_conversation(b, "customer", 6000); });
  auto rows = desk().feed_after(start, 100);
  ASSERT_EQ(rows.size(), 4u) << "two starts, a message, an end";
  EXPECT_EQ(rows[0].conversation_id, a);
  EXPECT_EQ(rows[2].conversation_id, a);
  EXPECT_EQ(rows[3].conversation_id, b);
  EXPECT_EQ(rows[3].store_id, store_b);
  // Each row brings the conversation as it is now and the message its change appended.
  EXPECT_FALSE(rows[0].message) << "a start appends no message";
  EXPECT_EQ(rows[0].conversation.status, "queued");
  EXPECT_EQ(rows[0].conversation.last_seq, 1) << "now, not when the row was written";
  ASSERT_TRUE(rows[2].message);
  EXPECT_EQ(rows[2].message->body, "你好");
  EXPECT_EQ(rows[2].message->seq, 1);
  EXPECT_EQ(rows[3].conversation.status, "ended");
  EXPECT_FALSE(rows[3].message);
  EXPECT_EQ(desk().last_feed_id(), rows.back().id);
  EXPECT_EQ(desk().feed_after(rows[1].id, 1).size(), 1u);

  auto idle = desk().idle(5000, 10);
  ASSERT_EQ(idle.size(), 0u) << "a spoke at 5000; b has ended";
  idle = desk().idle(5001, 10);
  ASSERT_EQ(idle.size(), 1u);
  EXPECT_EQ(idle[0].id, a);

  EXPECT_EQ(in_write([&](ChatDeskStore& d) { return d.prune_feed(5000); }), 2) << "the rows written before 5000";
  EXPECT_EQ(desk().feed_after(start, 100).size(), 2u);

  // An ended conversation reopens into its queue, once.
  bool reopened = false, again = true;
  db->write_sync([&](Stores& r) { reopened = r.get<ConversationStore>().reopen(b, 7000); });
  db->write_sync([&](Stores& r) { again = r.get<ConversationStore>().reopen(b, 7001); });
  EXPECT_TRUE(reopened);
  EXPECT_FALSE(again) << "only an ended conversation reopens";
  auto conv = chats().conversation(b);
  EXPECT_EQ(conv->status, "queued");
  EXPECT_EQ(conv->queued_at, 7000);
  EXPECT_FALSE(conv->ended_at);
  EXPECT_EQ(conv->end_reason, "");
  EXPECT_EQ(desk().feed_after(start, 100).back().conversation_id, b);
}

TEST_P(ChatContract, PresenceEndsWithoutAHeartbeat) {
  db->write_sync([&](Stores& r) {
    r.get<ChatAgentStore>().put_agent({.staff_id = staff, .presence = "online", .presence_at = 1000});
    r.get<ChatAgentStore>().touch_agent(staff, 1000);
  });
  EXPECT_TRUE(in_agents([&](ChatAgentStore& d) { return d.expire_presence(1000, 1500); }).empty());
  db->write_sync([&](Stores& r) { r.get<ChatAgentStore>().touch_agent(staff, 2000); });
  EXPECT_TRUE(in_agents([&](ChatAgentStore& d) { return d.expire_presence(1500, 2500); }).empty());
  EXPECT_EQ(in_agents([&](ChatAgentStore& d) { return d.expire_presence(2001, 3000); }), std::vector<int64_t>{staff});
  auto a = agents().agent(staff);
  EXPECT_EQ(a->presence, "offline");
  EXPECT_EQ(a->presence_at, 3000);
  EXPECT_TRUE(in_agents([&](ChatAgentStore& d) { return d.expire_presence(9000, 9000); }).empty()) << "already offline";
}

INSTANTIATE_TEST_SUITE_P(Backends, ChatContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
