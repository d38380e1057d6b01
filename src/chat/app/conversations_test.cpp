// Live chat use cases on a real SQLite database with a fixed clock: queueing, assignment
// by load and capacity, numbered messages, whispers, transfer with history, ending.
#include "chat/app/conversations.hpp"

#include <nlohmann/json.hpp>

#include "chat/app/chat_fixture.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

TEST_F(Chat, ACustomerWaitsUntilAnAgentComesOnline) {
  auto s = start();
  EXPECT_EQ(s.conversation.status, "queued");
  EXPECT_EQ(s.token.rfind("kfc_", 0), 0u);
  EXPECT_EQ(s.place.position, 1);
  EXPECT_FALSE(s.place.staffed);
  EXPECT_FALSE(s.place.wait_ms) << "nobody online: no estimate, the page offers a message instead";

  online(agent, kNow + 1000);
  auto c = conv(s.conversation.id);
  EXPECT_EQ(c.status, "assigned");
  EXPECT_EQ(c.agent_id, agent.staff_id);
  EXPECT_EQ(c.assigned_at, kNow + 1000);
  EXPECT_EQ(events(s.token), (std::vector<std::string>{"queued", "assigned"}));
  EXPECT_EQ(place(s.conversation.id).position, 0);
}

TEST_F(Chat, PlacesComputedTogetherAreEachCustomersOwnPlace) {
  capacity(agent, 1);
  online(agent);
  auto a = start("general", kNow + 1);  // assigned
  auto b = start("general", kNow + 2);
  auto c = start("returns", kNow + 3);
  auto d = start("general", kNow + 4);
  auto e = start("returns", kNow + 5);
  std::vector<chat::Conversation> all;
  for (const auto* s : {&e, &a, &d, &b, &c}) all.push_back(conv(s->conversation.id));
  const auto places = as(agent, [&](Context& ctx) { return queue_places(ctx, all); });
  ASSERT_EQ(places.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto one = place(all[i].id);
    EXPECT_EQ(places[i].position, one.position) << i;
    EXPECT_EQ(places[i].wait_ms, one.wait_ms) << i;
    EXPECT_EQ(places[i].staffed, one.staffed) << i;
  }
  EXPECT_EQ(places[0].position, 2);  // e: second in returns
  EXPECT_EQ(places[1].position, 0);  // a: served
  EXPECT_EQ(places[2].position, 2);  // d: second in general
}

TEST_F(Chat, AssignmentFollowsLoadAndCapacityAndTheRestWaitInOrder) {
  capacity(agent, 1);
  capacity(agent2, 2);
  online(agent);
  online(agent2);
  auto a = start("general", kNow + 1);
  auto b = start("general", kNow + 2);
  auto c = start("general", kNow + 3);
  auto d = start("general", kNow + 4);
  auto e = start("general", kNow + 5);
  // a: both empty, agent1 idle longest (set online first, never assigned: tie on id);
  // b: agent1 full (1/1) → agent2; c: agent2 1/2 → agent2; d and e wait.
  EXPECT_EQ(conv(a.conversation.id).agent_id, agent.staff_id);
  EXPECT_EQ(conv(b.conversation.id).agent_id, agent2.staff_id);
  EXPECT_EQ(conv(c.conversation.id).agent_id, agent2.staff_id);
  EXPECT_EQ(d.place.position, 1);
  EXPECT_EQ(e.place.position, 2);
  EXPECT_TRUE(e.place.staffed);
  // 3 slots, 6 minutes a chat: a slot every 2 minutes.
  EXPECT_EQ(d.place.wait_ms, 2 * kMinute);
  EXPECT_EQ(e.place.wait_ms, 4 * kMinute);

  // agent1 ends a: d (first come) is theirs, e moves up.
  as(
      agent, [&](Context& ctx) { return end_chat(ctx, a.conversation.id); }, kNow + 10);
  EXPECT_EQ(conv(d.conversation.id).agent_id, agent.staff_id);
  EXPECT_EQ(place(e.conversation.id).position, 1);
  // The customer of e gives up: nothing else changes.
  as(
      agent, [&](Context& ctx) { return customer_end(ctx, e.token); }, kNow + 11);
  EXPECT_EQ(conv(e.conversation.id).status, "ended");
  EXPECT_EQ(conv(e.conversation.id).end_reason, "customer");
}

TEST_F(Chat, MessagesAreNumberedRetriesDoNotRepeatAndWhispersStayWithStaff) {
  online(agent);
  auto s = start();
  const int64_t id = s.conversation.id;
  auto first = as(agent_b, [&](Context& c) { return customer_say(c, s.token, "m1", "请问几点关门？"); });
  auto retry = as(agent_b, [&](Context& c) { return customer_say(c, s.token, "m1", "请问几点关门？"); });
  EXPECT_FALSE(first.duplicate);
  EXPECT_TRUE(retry.duplicate);
  EXPECT_EQ(retry.message.seq, first.message.seq);
  as(supervisor, [&](Context& c) { return agent_say(c, id, "w1", "注意：该顾客上周投诉过", true); });
  auto reply = as(agent, [&](Context& c) { return agent_say(c, id, "r1", "您好，今天营业到22:00", false); });
  EXPECT_EQ(reply.message.seq, first.message.seq + 2);

  auto seen = as(agent_b, [&](Context& c) { return customer_messages(c, s.token, first.message.seq, 10); });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].kind, "whisper");
  EXPECT_EQ(seen[0].body, "") << "the number stays, the words do not";
  EXPECT_EQ(seen[1].body, "您好，今天营业到22:00");
  EXPECT_FALSE(seen[1].staff_id) << "no staff identity for the customer";
  auto staff_view = as(agent, [&](Context& c) { return staff_messages(c, id, first.message.seq, 10); });
  EXPECT_EQ(staff_view[0].body, "注意：该顾客上周投诉过");
  EXPECT_EQ(conv(id).first_reply_at, kNow) << "a whisper is no reply";

  EXPECT_EQ(code_of([&] { as(agent2, [&](Context& c) { return agent_say(c, id, "x", "我来", false); }); }),
            "not_your_conversation");
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return staff_messages(c, id, 0, 10); }); }), "not_found");
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return customer_say(c, "kfc_forged-token", "m", "x"); }); }),
            "invalid_chat_token");
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return customer_say(c, s.token, "m2", ""); }); }), "required");
  as(agent, [&](Context& c) { return end_chat(c, id); });
  EXPECT_EQ(code_of([&] {
              as(
                  agent_b, [&](Context& c) { return customer_say(c, s.token, "m3", "还在吗"); },
                  kNow + kReopenWindowMs + 1);
            }),
            "conversation_ended")
      << "past the reopen window";
}

TEST_F(Chat, TransferTakesTheHistoryAlongAndPickingIsFirstComeOnly) {
  online(agent);
  auto s = start();
  const int64_t id = s.conversation.id;
  as(agent_b, [&](Context& c) { return customer_say(c, s.token, "m1", "孩子走丢了"); });
  auto moved = as(agent, [&](Context& c) { return transfer(c, id, agent2.staff_id, std::nullopt, "请保安部协助"); });
  EXPECT_EQ(moved.agent_id, agent2.staff_id);
  auto history = as(agent2, [&](Context& c) { return staff_messages(c, id, 0, 50); });
  ASSERT_GE(history.size(), 5u);
  EXPECT_EQ(history[2].body, "孩子走丢了");
  EXPECT_EQ(history[3].kind, "whisper");
  EXPECT_EQ(history[3].body, "请保安部协助");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return end_chat(c, id); }); }), "not_your_conversation");
  EXPECT_EQ(
      code_of([&] { as(agent, [&](Context& c) { return transfer(c, id, agent_b.staff_id, std::nullopt, ""); }); }),
      "not_your_conversation");
  EXPECT_EQ(
      code_of([&] { as(agent2, [&](Context& c) { return transfer(c, id, agent_b.staff_id, std::nullopt, ""); }); }),
      "unknown_reference")
      << "a colleague of another store cannot take it";

  // Back to the returns queue: nobody online serves it but agent1 (no skills = every queue).
  as(agent2, [&](Context& c) { return transfer(c, id, std::nullopt, std::string("returns"), ""); });
  EXPECT_EQ(conv(id).queue, "returns");
  EXPECT_EQ(conv(id).agent_id, agent.staff_id);

  // Picking: the first agent wins, the second is told.
  as(agent, [&](Context& c) { return set_presence(c, "away"); });
  auto waiting = start("parking");
  as(agent2, [&](Context& c) { return pick(c, waiting.conversation.id); });
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return pick(c, waiting.conversation.id); }); }),
            "conversation_taken");
  EXPECT_EQ(conv(waiting.conversation.id).agent_id, agent2.staff_id);
}

TEST_F(Chat, OnlySupervisorsSetCapacityForTheirOwnStores) {
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return set_chat_agent(c, agent2.staff_id, 3, {}); }); }),
            "forbidden");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return set_chat_agent(c, agent_b.staff_id, 3, {}); }); }),
            "not_found");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return set_chat_agent(c, agent.staff_id, 99, {}); }); }),
            "invalid_field");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return set_chat_agent(c, agent.staff_id, 2, {"vip"}); }); }),
            "invalid_enum");
  auto a = as(supervisor, [&](Context& c) { return set_chat_agent(c, agent.staff_id, 0, {"returns"}); });
  EXPECT_EQ(a.capacity, 0);
  online(agent);
  auto s = start("returns");
  EXPECT_EQ(s.conversation.status, "queued") << "capacity 0 takes no chats";
  EXPECT_FALSE(s.place.staffed);
}

}  // namespace
}  // namespace kefu::app
