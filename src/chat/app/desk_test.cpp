// The workspace around a conversation, on a real SQLite database with a fixed clock: a
// ticket made from a chat and its owner, the customer's message when nobody is online,
// rating once after the end, invited colleagues, read marks, idle ends and reopening,
// presence without a console, the supervisor's live view.
#include "chat/app/desk.hpp"

#include <set>

#include "chat/app/chat_fixture.hpp"
#include "chat/app/chat_settings.hpp"
#include "chat/storage/chat_desk_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class Desk : public Chat {
 protected:
  // As the customer's socket sends: with the conversation its hello found (the token-only
  // path, as over REST, is conversations_test's).
  storage::Appended customer(const ChatStarted& s, const std::string& id, const std::string& body, int64_t at = kNow) {
    return as(
        agent_b, [&](Context& c) { return customer_say(c, s.token, id, body, s.conversation.id); }, at);
  }
  storage::Appended reply(const people::Actor& who, int64_t conv, const std::string& id, const std::string& body,
                          int64_t at = kNow) {
    return as(
        who, [&](Context& c) { return agent_say(c, conv, id, body, false); }, at);
  }
  ticket::Ticket ticket(int64_t id) { return *db->reader().get<storage::TicketStore>().ticket(id); }
};

TEST_F(Desk, AChatBecomesATicketOwnedByTheAgentWhoMadeIt) {
  online(agent);
  auto s = start();
  const auto id = s.conversation.id;
  customer(s, "c1", "我在三楼买的羽绒服拉链坏了");
  reply(agent, id, "a1", "您好，请问有小票吗？");
  as(agent, [&](Context& c) { return agent_say(c, id, "w1", "内部：查一下该品牌三包", true); });
  customer(s, "c2", "有的，昨天买的");

  const auto tid = as(agent, [&](Context& c) { return app::make_ticket(c, id, {.type = "return"}); });
  auto t = ticket(tid);
  EXPECT_EQ(t.owner_id, agent.staff_id) << "首问负责制: whoever turns the chat into a ticket owns it";
  EXPECT_EQ(t.channel, "live_chat");
  EXPECT_EQ(t.type, "return");
  EXPECT_EQ(t.subject, "我在三楼买的羽绒服拉链坏了") << "the customer's first words";
  EXPECT_NE(t.description.find("顾客：我在三楼买的羽绒服拉链坏了"), std::string::npos);
  EXPECT_NE(t.description.find("客服：您好，请问有小票吗？"), std::string::npos);
  EXPECT_EQ(t.description.find("内部"), std::string::npos) << "whispers stay out of the ticket";
  EXPECT_EQ(conv(id).ticket_id, tid);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return app::make_ticket(c, id, {}); }); }),
            "conversation_has_ticket");
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return app::make_ticket(c, id, {}); }); }), "not_found");
}

TEST_F(Desk, WithNobodyOnlineTheCustomerLeavesAMessageThatAnyAgentMayClaim) {
  auto s = start();
  customer(s, "c1", "请问周末停车怎么收费");
  const auto out = as(agent_b, [&](Context& c) {
    return leave_message(
        c, s.token, {.phone = "13800138000", .name = "王女士", .body = "请回电告知停车收费", .remote = "10.0.0.9"});
  });
  auto t = ticket(out.ticket.id);
  EXPECT_FALSE(t.owner_id) << "an online contact: the first agent who takes it owns it";
  EXPECT_EQ(t.channel, "live_chat");
  EXPECT_EQ(t.type, "inquiry");
  EXPECT_EQ(t.store_id, store_a);
  EXPECT_NE(t.description.find("请回电告知停车收费"), std::string::npos);
  EXPECT_NE(t.description.find("顾客：请问周末停车怎么收费"), std::string::npos) << "the chat so far goes along";
  EXPECT_FALSE(out.tracking_code.empty());
  auto c = conv(s.conversation.id);
  EXPECT_EQ(c.status, "ended");
  EXPECT_EQ(c.end_reason, "offline_message");
  EXPECT_EQ(c.ticket_id, out.ticket.id);
  EXPECT_EQ(code_of([&] {
              as(agent_b,
                 [&](Context& cx) { return leave_message(cx, s.token, {.phone = "13800138000", .body = "再留一次"}); });
            }),
            "conversation_has_ticket");
  EXPECT_EQ(code_of([&] { customer(s, "c2", "还在吗"); }), "conversation_ended")
      << "a conversation that became a ticket does not reopen";

  online(agent);
  auto served = start();
  EXPECT_EQ(code_of([&] {
              as(agent_b,
                 [&](Context& cx) { return leave_message(cx, served.token, {.phone = "13800138000", .body = "x"}); });
            }),
            "conversation_assigned");
}

TEST_F(Desk, TheCustomerRatesOnceAfterTheEnd) {
  online(agent);
  auto s = start();
  auto rate = [&](int n) {
    return code_of([&] { as(agent_b, [&](Context& c) { return rate_chat(c, s.token, n, "很耐心"); }); });
  };
  EXPECT_EQ(rate(5), "conversation_open");
  as(agent, [&](Context& c) { return end_chat(c, s.conversation.id); });
  EXPECT_EQ(rate(6), "invalid_rating");
  EXPECT_EQ(rate(5), "none");
  EXPECT_EQ(rate(4), "conversation_rated");
  EXPECT_EQ(conv(s.conversation.id).rating, 5);
  EXPECT_EQ(conv(s.conversation.id).rating_comment, "很耐心");
  EXPECT_EQ(code_of([&] { customer(s, "c9", "谢谢"); }), "conversation_ended") << "rated: no reopening";
}

TEST_F(Desk, AMessageSoonAfterTheEndReopensTheConversation) {
  online(agent);
  auto s = start();
  as(
      agent, [&](Context& c) { return end_chat(c, s.conversation.id); }, kNow + 1000);
  customer(s, "c1", "不好意思，还有一个问题", kNow + 5 * 60'000);
  auto c = conv(s.conversation.id);
  EXPECT_EQ(c.status, "assigned") << "back in the queue and taken by the free agent";
  EXPECT_EQ(c.agent_id, agent.staff_id);
  EXPECT_EQ(events(s.token), (std::vector<std::string>{"queued", "assigned", "ended", "text", "reopened", "assigned"}));
}

TEST_F(Desk, AnInvitedColleagueMayWriteToTheCustomer) {
  online(agent);
  auto s = start();
  const auto id = s.conversation.id;
  EXPECT_EQ(code_of([&] { reply(agent2, id, "x1", "我是保安部"); }), "not_your_conversation");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return invite(c, id, agent_b.staff_id, ""); }); }),
            "unknown_reference")
      << "only colleagues of the conversation's store";
  as(agent, [&](Context& c) { return invite(c, id, agent2.staff_id, "走失儿童，请保安部协助"); });
  EXPECT_EQ(reply(agent2, id, "x2", "您好，我是保安部，请描述孩子的衣着").message.staff_id, agent2.staff_id);
  auto mine = as(agent2, [&](Context& c) { return list_conversations(c, {.mine = true}); });
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].id, id) << "an invited colleague finds it in their own list";
  EXPECT_EQ(as(agent, [&](Context& c) { return conversation_participants(c, id); }),
            std::vector<int64_t>{agent2.staff_id});
}

TEST_F(Desk, ReadMarksOnlyMoveForward) {
  online(agent);
  auto s = start();
  const auto id = s.conversation.id;
  auto m = customer(s, "c1", "在吗");
  as(agent, [&](Context& c) {
    staff_read(c, id, m.message.seq);
    return 0;
  });
  EXPECT_EQ(conv(id).agent_read_seq, m.message.seq);
  as(agent, [&](Context& c) {
    staff_read(c, id, 1);
    return 0;
  });
  EXPECT_EQ(conv(id).agent_read_seq, m.message.seq) << "not backwards";
  as(supervisor, [&](Context& c) {
    staff_read(c, id, m.message.seq);
    return 0;
  });
  EXPECT_EQ(code_of([&] {
              as(agent_b, [&](Context& c) {
                customer_read(c, s.token, 999);
                return 0;
              });
            }),
            "invalid_field");
  as(agent_b, [&](Context& c) {
    customer_read(c, s.token, m.message.seq);
    return 0;
  });
  EXPECT_EQ(conv(id).customer_read_seq, m.message.seq);
}

TEST_F(Desk, SilentConversationsEndAndFreeTheAgentsSeat) {
  capacity(agent, 1);
  online(agent);
  auto first = start("general", kNow);
  auto second = start("general", kNow + 1000);
  EXPECT_EQ(conv(second.conversation.id).status, "queued");
  customer(second, "c1", "排队中", kNow + 10 * 60'000);
  const int ended = as(
      admin, [&](Context& c) { return end_idle(c); }, kNow + 15 * 60'000 + 1);
  EXPECT_EQ(ended, 1) << "only the first has been silent for the store's 15 minutes";
  auto c = conv(first.conversation.id);
  EXPECT_EQ(c.status, "ended");
  EXPECT_EQ(c.end_reason, "idle");
  EXPECT_EQ(conv(second.conversation.id).agent_id, agent.staff_id) << "the freed seat goes to the next in line";
}

TEST_F(Desk, AnAgentWithoutAConsoleGoesOffline) {
  online(agent, kNow);
  EXPECT_TRUE(as(
                  admin, [&](Context& c) { return expire_presence(c); }, kNow + kPresenceTimeoutMs - 1)
                  .empty());
  as(
      agent,
      [&](Context& c) {
        agent_seen(c);
        return 0;
      },
      kNow + 60'000);
  EXPECT_TRUE(as(
                  admin, [&](Context& c) { return expire_presence(c); }, kNow + 60'000 + kPresenceTimeoutMs - 1)
                  .empty())
      << "the heartbeat keeps them online";
  EXPECT_EQ(as(
                admin, [&](Context& c) { return expire_presence(c); }, kNow + 60'000 + kPresenceTimeoutMs + 1),
            std::vector<int64_t>{agent.staff_id});
  EXPECT_EQ(as(agent, [&](Context& c) { return chat_me(c); }).agent.presence, "offline");
}

TEST_F(Desk, TheLiveViewShowsLoadsQueuesAndLateReplies) {
  capacity(agent, 1);
  online(agent);
  auto served = start("general", kNow);
  auto waiting = start("general", kNow + 1000);
  const auto m = as(
      supervisor, [&](Context& c) { return monitor(c, store_a); }, kNow + 2 * 60'000);
  ASSERT_EQ(m.agents.size(), 1u) << "only staff with a chat state (agent2 never opened the chat)";
  auto a = std::find_if(m.agents.begin(), m.agents.end(), [&](const auto& x) { return x.staff_id == agent.staff_id; });
  EXPECT_EQ(a->presence, "online");
  EXPECT_EQ(a->active, 1);
  EXPECT_EQ(a->capacity, 1);
  auto general = std::find_if(m.queues.begin(), m.queues.end(), [](const auto& q) { return q.queue == "general"; });
  EXPECT_EQ(general->waiting, 1);
  EXPECT_EQ(general->longest_wait_ms, 2 * 60'000 - 1000);
  ASSERT_EQ(m.late.size(), 1u) << "no first reply 2 minutes after assignment (target 60 s)";
  EXPECT_EQ(m.late[0].id, served.conversation.id);
  (void)waiting;
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return monitor(c, store_a); }); }), "forbidden");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return monitor(c, store_b); }); }), "not_found");
}

TEST_F(Desk, EachConversationIsLateAgainstItsOwnQueuesTarget) {
  as(supervisor, [&](Context& c) {
    auto s = chat_settings(c, store_a);
    s.queue_targets["parking"] = {30, 60};    // parking questions: half a minute
    s.queue_targets["returns"] = {300, 600};  // a return needs the receipt looked at
    return put_chat_settings(c, s);
  });
  capacity(agent, 5);
  online(agent);
  auto parking = start("parking", kNow);
  auto returns = start("returns", kNow);
  auto general = start("general", kNow);
  const auto late_at = [&](int64_t at) {
    std::set<int64_t> ids;
    for (const auto& conv : as(
                                supervisor, [&](Context& c) { return monitor(c, store_a); }, at)
                                .late)
      ids.insert(conv.id);
    return ids;
  };
  EXPECT_EQ(late_at(kNow + 45'000), std::set<int64_t>{parking.conversation.id}) << "45 s: only parking's 30 s passed";
  EXPECT_EQ(late_at(kNow + 90'000), (std::set<int64_t>{parking.conversation.id, general.conversation.id}))
      << "90 s: the store's 60 s too, not returns' 300 s";

  reply(agent, returns.conversation.id, "r1", "请出示小票", kNow + 200'000);  // within 300 s
  reply(agent, general.conversation.id, "g1", "您好", kNow + 200'000);        // over 60 s
  const auto r =
      as(supervisor, [&](Context& c) { return chat_report(c, store_a, kNow - 1, kNow + 24 * 3600 * 1000LL); });
  EXPECT_EQ(r.first_reply_within, 1) << "200 s is within returns' target, not the store's";
  auto q = [&](const std::string& code) {
    return *std::find_if(r.queues.begin(), r.queues.end(), [&](const auto& x) { return x.queue == code; });
  };
  EXPECT_EQ(q("returns").first_replies, 1);
  EXPECT_EQ(q("returns").first_reply_within, 1);
  EXPECT_EQ(q("general").first_replies, 1);
  EXPECT_EQ(q("general").first_reply_within, 0);
  EXPECT_EQ(q("parking").first_replies, 0);
}

TEST_F(Desk, NoNewChatDuringAPhoneCall) {
  as(agent, [&](Context& c) { return set_presence(c, "online", true); });
  auto s = start();
  EXPECT_EQ(conv(s.conversation.id).status, "queued") << "on a call: the chat waits";
  as(
      agent, [&](Context& c) { return set_presence(c, "online"); }, kNow + 1000);
  EXPECT_EQ(conv(s.conversation.id).status, "queued") << "presence alone keeps the call";
  as(
      agent, [&](Context& c) { return set_presence(c, "online", false); }, kNow + 60'000);
  EXPECT_EQ(conv(s.conversation.id).agent_id, agent.staff_id) << "the call ended: the waiting chat is theirs";
}

TEST_F(Desk, TheStoresWelcomeGreetsTheCustomer) {
  as(supervisor, [&](Context& c) {
    auto s = chat_settings(c, store_a);
    s.welcome = "您好，欢迎咨询！";
    return put_chat_settings(c, s);
  });
  auto s = start();
  EXPECT_EQ(events(s.token), (std::vector<std::string>{"queued", "welcome"}));
  auto other = start("general", kNow, store_b);
  EXPECT_EQ(events(other.token), std::vector<std::string>{"queued"}) << "a store without its own text: none";
}

TEST_F(Desk, TheReportReplaysTheReplyTimesOfAPeriod) {
  online(agent, kNow);
  auto fast = start("general", kNow);                               // assigned at once
  reply(agent, fast.conversation.id, "a1", "您好", kNow + 20'000);  // first reply 20 s: within 60 s
  customer(fast, "c1", "停车券怎么领", kNow + 30'000);
  reply(agent, fast.conversation.id, "a2", "服务台凭小票领取", kNow + 30'000 + 200'000);  // a gap of 200 s > 180 s
  as(
      agent, [&](Context& c) { return end_chat(c, fast.conversation.id); }, kNow + 300'000);
  as(
      agent_b, [&](Context& c) { return rate_chat(c, fast.token, 4, ""); }, kNow + 310'000);

  as(
      agent, [&](Context& c) { return set_presence(c, "offline"); }, kNow + 1000);
  auto gone = start("returns", kNow + 2000);  // nobody online: the customer gives up
  as(
      agent_b, [&](Context& c) { return customer_end(c, gone.token); }, kNow + 60'000);
  auto later = start("general", kNow + 8 * 24 * 3600 * 1000LL);  // outside the period
  (void)later;

  const auto r =
      as(supervisor, [&](Context& c) { return chat_report(c, store_a, kNow - 1, kNow + 24 * 3600 * 1000LL); });
  EXPECT_EQ(r.conversations, 2);
  EXPECT_EQ(r.served, 1);
  EXPECT_EQ(r.abandoned, 1);
  EXPECT_EQ(r.first_reply.count, 1);
  EXPECT_EQ(r.first_reply.avg_ms, 20'000);
  EXPECT_EQ(r.first_reply_within, 1);
  EXPECT_EQ(r.gaps, 1);
  EXPECT_EQ(r.gaps_over, 1) << "200 s against the default 180 s";
  EXPECT_EQ(r.longest_gap_ms, 200'000);
  EXPECT_EQ(r.handling.avg_ms, 300'000);
  EXPECT_EQ(r.ratings, 1);
  EXPECT_DOUBLE_EQ(r.rating_avg, 4.0);
  auto returns = std::find_if(r.queues.begin(), r.queues.end(), [](const auto& q) { return q.queue == "returns"; });
  EXPECT_EQ(returns->abandoned, 1);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return chat_report(c, store_a, kNow, kNow + 1); }); }),
            "forbidden");
}

}  // namespace
}  // namespace kefu::app
