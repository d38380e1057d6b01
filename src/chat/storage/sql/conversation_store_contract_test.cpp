// The storage contract for live chat: numbered messages without holes or duplicates,
// first-come-first-served waiting, assignment given out once, agents' loads.
#include <gtest/gtest.h>

#include "chat/storage/conversation_store.hpp"
#include "core/storage/contract_fixture.hpp"

namespace kefu::storage {
namespace {

class ChatContract : public Contract {
 protected:
  int64_t open_conversation(int64_t store, const std::string& queue, int64_t at, const std::string& status = "queued") {
    int64_t id = 0;
    db->write_sync([&](Stores& r) {
      chat::Conversation c;
      c.store_id = store;
      c.queue = queue;
      c.status = status;
      c.visitor_digest = "v" + std::to_string(at);
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
  EXPECT_FALSE(chats().conversation(b)->first_reply_at);
  EXPECT_EQ(chats().conversation_by_visitor("v1001")->id, b);
  EXPECT_FALSE(chats().conversation_by_visitor("v9"));
}

TEST_P(ChatContract, WaitingIsFirstComeFirstServedPerStoreAndQueue) {
  auto late = open_conversation(store_a, "returns", 3000);
  auto early = open_conversation(store_a, "returns", 1000);
  open_conversation(store_a, "parking", 500);
  open_conversation(store_b, "returns", 400);
  open_conversation(store_a, "returns", 200, "bot");
  auto w = chats().waiting(store_a, "returns");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].id, early);
  EXPECT_EQ(w[1].id, late);
  EXPECT_EQ(w[0].status, "queued");
  EXPECT_EQ(w[0].queued_at, 1000);
}

TEST_P(ChatContract, AConversationIsGivenOutOnceAndAgentsCarryTheirLoad) {
  auto c = open_conversation(store_a, "general", 1000);
  db->write_sync([&](Stores& r) {
    r.get<ConversationStore>().put_agent(
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

  auto loads = chats().agent_loads(store_a);
  ASSERT_EQ(loads.size(), 1u);
  EXPECT_EQ(loads[0].agent.staff_id, staff);
  EXPECT_EQ(loads[0].agent.presence, "online");
  EXPECT_EQ(loads[0].agent.capacity, 3);
  EXPECT_EQ(loads[0].agent.queues, (std::vector<std::string>{"general", "returns"}));
  EXPECT_EQ(loads[0].agent.last_assigned_at, 1100);
  EXPECT_EQ(loads[0].role, "agent");
  EXPECT_EQ(loads[0].active, 1);
  EXPECT_TRUE(chats().agent_loads(store_b).empty()) << "not an agent of store B";
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
  EXPECT_EQ(chats().agent_loads(store_a)[0].active, 0);
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
    auto a = *r.get<ConversationStore>().agent(staff);
    a.presence = "away";
    a.capacity.reset();
    r.get<ConversationStore>().put_agent(a);
  });
  auto a = chats().agent(staff);
  EXPECT_EQ(a->presence, "away");
  EXPECT_FALSE(a->capacity);
  EXPECT_EQ(a->last_assigned_at, 1100);
  EXPECT_FALSE(chats().agent(staff + 100));
}

INSTANTIATE_TEST_SUITE_P(Backends, ChatContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
