// The automatic checks as a supervisor sees them: hits stored with the reply that caused
// them, once; red lines told at once; the timed rules after the chat ends or the window.
#include "quality/app/auto_checks.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "chat/app/chat_fixture.hpp"
#include "notifications/storage/notification_store.hpp"
#include "quality/app/auto_rules.hpp"
#include "quality/storage/auto_hit_store.hpp"
#include "sla/app/escalation.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app::testing {
namespace {

class AutoChecks : public Chat {
 protected:
  std::vector<storage::QaAutoHit> hits(storage::QaAutoHitQuery q = {}) {
    return db->reader().get<storage::QaAutoHitStore>().hits(q);
  }
  std::vector<std::string> codes(const std::vector<storage::QaAutoHit>& hs) {
    std::vector<std::string> out;
    for (const auto& h : hs) out.push_back(h.rule_code);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<storage::Notification> notices(const people::Actor& who) {
    return db->reader().get<storage::NotificationStore>().notifications(who.staff_id, std::nullopt, false, 50);
  }
  AutoRound job(int64_t at) {
    AutoRound out;
    db->write_sync([&](storage::Stores& r) {
      Context c{r, system_actor(), at, nullptr};
      auto a = auto_check_ended_chats(c);
      auto b = auto_check_ticket_promises(c);
      out = {a.seen + b.seen, a.stored + b.stored};
    });
    return out;
  }
  // A chat served by `agent` (assigned at kNow + 1000).
  ChatStarted served() {
    online(agent, kNow);
    auto s = start("general", kNow + 1000);
    EXPECT_EQ(conv(s.conversation.id).agent_id, agent.staff_id);
    return s;
  }
  storage::Appended say(const people::Actor& who, int64_t id, const std::string& cid, const std::string& body,
                        int64_t at) {
    return as(
        who, [&](Context& c) { return agent_say(c, id, cid, body, false); }, at);
  }
};

TEST_F(AutoChecks, ARedLineInALiveChatIsStoredWithTheMessageAndToldAtOnce) {
  auto s = served();
  auto m = say(agent, s.conversation.id, "a1", "您好，爱买不买！", kNow + 5000);
  auto got = hits();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].rule_code, "red_line_phrases");
  EXPECT_TRUE(got[0].red_line);
  EXPECT_EQ(got[0].subject_kind, "conversation");
  EXPECT_EQ(got[0].subject_id, s.conversation.id);
  EXPECT_EQ(got[0].message_ref, m.message.seq);
  EXPECT_EQ(got[0].staff_id, agent.staff_id);
  EXPECT_EQ(got[0].store_id, store_a);
  EXPECT_EQ(got[0].excerpt, "您好，爱买不买！");
  EXPECT_EQ(got[0].detail, "爱买不买");
  EXPECT_EQ(got[0].at, kNow + 5000);

  // No supervisor is at the chat desk: every supervisor of the store is told.
  auto told = notices(supervisor);
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].kind, "qa_red_line");
  auto data = nlohmann::json::parse(told[0].data);
  EXPECT_EQ(data["conversation_id"], s.conversation.id);
  EXPECT_EQ(data["seq"], m.message.seq);
  EXPECT_EQ(data["link"], "/chat?c=" + std::to_string(s.conversation.id) + "&seq=" + std::to_string(m.message.seq));
  EXPECT_TRUE(notices(agent).empty());
  EXPECT_TRUE(notices(manager).empty());  // supervisors exist

  // The same message sent again (a retry) is the same message: no second hit, no second notice.
  say(agent, s.conversation.id, "a1", "您好，爱买不买！", kNow + 6000);
  EXPECT_EQ(hits().size(), 1u);
  EXPECT_EQ(notices(supervisor).size(), 1u);
  // A normal-severity phrase is stored without an alert; a whisper is never checked.
  say(agent, s.conversation.id, "a2", "这个不归我管", kNow + 7000);
  as(
      agent, [&](Context& c) { return agent_say(c, s.conversation.id, "w1", "你烦不烦", true); }, kNow + 8000);
  EXPECT_EQ(codes(hits()), (std::vector<std::string>{"forbidden_phrases", "red_line_phrases"}));
  EXPECT_EQ(notices(supervisor).size(), 1u);
}

TEST_F(AutoChecks, OnlyTheSupervisorsOnDutyWhenSomeAre) {
  online(supervisor, kNow);
  auto s = served();
  say(agent, s.conversation.id, "a1", "您好。你烦不烦", kNow + 5000);
  EXPECT_EQ(notices(supervisor).size(), 1u);
}

TEST_F(AutoChecks, TheGreetingOfTheFirstMessage) {
  auto s = served();
  auto first = say(agent, s.conversation.id, "a1", "请稍等，我查一下", kNow + 5000);
  say(agent, s.conversation.id, "a2", "查到了", kNow + 9000);  // only the first message needs one
  auto got = hits();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].rule_code, "greeting");
  EXPECT_EQ(got[0].message_ref, first.message.seq);
  EXPECT_FALSE(got[0].red_line);
  EXPECT_TRUE(notices(supervisor).empty());

  auto late = start("general", kNow + 2000);
  say(agent, late.conversation.id, "b1", "您好，久等了", kNow + 2000 + 150'000);  // greeted 150 s after assignment
  got = hits({.subject_id = late.conversation.id});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].detail, "late 150s");
}

TEST_F(AutoChecks, TicketRepliesAndTheirPromises) {
  auto t = make_ticket(agent, kNow);
  auto e1 = as(
      agent, [&](Context& c) { return add_message(c, t.id, "您好，核实后回复您", true); }, kNow + kMinute);
  as(
      agent, [&](Context& c) { return add_message(c, t.id, "不归我管（内部备注不查）", false); }, kNow + 2 * kMinute);
  EXPECT_TRUE(hits().empty()) << "a greeting, no forbidden phrase; notes are not replies";

  auto t2 = make_ticket(agent, kNow);
  auto e2 = as(
      agent, [&](Context& c) { return add_message(c, t2.id, "已登记，明天答复您", true); }, kNow + kMinute);
  auto got = hits({.subject_kind = "ticket"});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].rule_code, "greeting");
  EXPECT_EQ(got[0].message_ref, e2.id);

  // The first ticket's promise is followed by a task; the second's by nothing.
  as(
      agent,
      [&](Context& c) {
        return create_task(c, t.id, {.department_id = security, .description = "请保安部核实", .due_at = kNow + kDay});
      },
      kNow + kHour);
  EXPECT_EQ(job(kNow + kHour).stored, 0) << "the window has not passed";
  EXPECT_EQ(job(kNow + kMinute + kDay + 1).stored, 1);
  got = hits({.rule_code = "promise_follow_up"});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].subject_id, t2.id);
  EXPECT_EQ(got[0].message_ref, e2.id);
  EXPECT_EQ(got[0].detail, "明天答复您");
  EXPECT_EQ(job(kNow + 2 * kDay).stored, 0) << "checked once";
  (void)e1;
}

TEST_F(AutoChecks, AnEndedChatIsCheckedOnceByTheJob) {
  auto s = served();
  const int64_t id = s.conversation.id;
  say(agent, id, "a1", "您好，请问有什么可以帮您", kNow + 5000);
  as(
      agent_b, [&](Context& c) { return customer_say(c, s.token, "c1", "我的退款怎么还没到"); }, kNow + 10'000);
  say(agent, id, "a2", "已为您查到，稍后联系您", kNow + 10'000 + 200'000);  // 200 s later, and a promise
  as(
      agent_b, [&](Context& c) { return customer_say(c, s.token, "c2", "什么玩意，骗子！！"); }, kNow + 250'000);
  EXPECT_EQ(job(kNow + 260'000).stored, 0) << "not ended yet";
  as(
      agent, [&](Context& c) { return end_chat(c, id); }, kNow + 300'000);
  auto round = job(kNow + 310'000);
  EXPECT_EQ(round.seen, 1);
  EXPECT_EQ(round.stored, 3);
  EXPECT_EQ(codes(hits({.subject_id = id})),
            (std::vector<std::string>{"end_sentiment", "promise_follow_up", "reply_gap"}));
  for (const auto& h : hits({.rule_code = "end_sentiment"})) {
    EXPECT_EQ(h.excerpt, "") << "the customer's words stay in the chat";
    EXPECT_EQ(h.staff_id, agent.staff_id);
  }
  EXPECT_EQ(job(kNow + 400'000).seen, 0);
}

TEST_F(AutoChecks, WhoWritesRules) {
  quality::AutoRule r;
  r.code = "no_slang";
  r.name = "网络用语";
  r.kind = "forbidden_phrase";
  r.phrases = {"yyds"};
  r.store_id = store_a;
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return create_auto_rule(c, r); }); }), "forbidden");
  auto other = r;
  other.store_id = store_b;
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return create_auto_rule(c, other); }); }), "not_found");
  auto chain = r;
  chain.store_id = 0;
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return create_auto_rule(c, chain); }); }), "forbidden");
  auto bad = r;
  bad.phrases = {};
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return create_auto_rule(c, bad); }); }), "invalid_field");

  auto saved = as(supervisor, [&](Context& c) { return create_auto_rule(c, r); });
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return create_auto_rule(c, r); }); }), "duplicate");
  as(admin, [&](Context& c) { return create_auto_rule(c, chain); });
  auto set = as(agent, [&](Context& c) { return auto_rules(c, store_a); });
  EXPECT_EQ(set.saved.size(), 2u);
  EXPECT_EQ(set.in_force.size(), quality::default_rules().size() + 1);

  saved.phrases = {"yyds", "绝绝子"};
  auto v2 = as(supervisor, [&](Context& c) { return update_auto_rule(c, saved.id, saved, 1); });
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return update_auto_rule(c, saved.id, saved, 1); }); }),
            "version_conflict");

  // The store's rule applies to its chats at once.
  auto s = served();
  say(agent, s.conversation.id, "a1", "您好，绝绝子", kNow + 5000);
  EXPECT_EQ(codes(hits()), std::vector<std::string>{"no_slang"});

  auto tried = as(supervisor, [&](Context& c) { return try_auto_rule(c, saved, "这个真的 YYDS", false, 0); });
  EXPECT_TRUE(tried.hit);
  EXPECT_EQ(tried.detail, "yyds");
  as(supervisor, [&](Context& c) {
    delete_auto_rule(c, saved.id);
    return 0;
  });
  EXPECT_EQ(as(agent, [&](Context& c) { return auto_rules(c, store_a); }).saved.size(), 1u);
}

TEST_F(AutoChecks, WhoSeesHits) {
  auto s = served();
  say(agent, s.conversation.id, "a1", "请稍等", kNow + 5000);  // a greeting hit for agent
  EXPECT_EQ(as(supervisor, [&](Context& c) { return auto_hits(c, {}); }).size(), 1u);
  EXPECT_EQ(as(agent, [&](Context& c) { return auto_hits(c, {}); }).size(), 1u);
  EXPECT_EQ(as(agent2, [&](Context& c) { return auto_hits(c, {}); }).size(), 0u) << "an agent sees their own";
  EXPECT_EQ(as(agent_b, [&](Context& c) { return auto_hits(c, {}); }).size(), 0u);
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return auto_hits(c, {.store_id = store_b}); }); }),
            "not_found");
  auto counts = as(supervisor, [&](Context& c) { return auto_hit_counts(c, store_a, kNow, kNow + kDay); });
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].rule_code, "greeting");
  EXPECT_EQ(counts[0].hits, 1);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return auto_hit_counts(c, store_a, kNow, kNow + kDay); }); }),
            "forbidden");
}

// What the checks add to each staff message and ticket reply, measured where they run: in
// the write, with the rules read from the store (the defaults: nothing saved) and the text
// matched. Printed for docs/quality-auto.md; the bound only catches a gross regression.
TEST_F(AutoChecks, CostPerMessage) {
  auto s = served();
  auto conv_before = conv(s.conversation.id);
  auto t = make_ticket(agent, kNow);
  constexpr int kRounds = 2000;
  const char* texts[] = {"好的，已经为您登记，请稍等，我们马上安排专柜核实库存。",
                         "会员当天消费满 200 元可领 2 小时停车券。",
                         "很抱歉给您带来不便，属于质量问题的话可以按三包规定处理。"};
  double chat_us = 0, ticket_us = 0;
  db->write_sync([&](storage::Stores& r) {
    Context c{r, agent, kNow + 5000, nullptr};
    chat::Message m;
    m.conversation_id = s.conversation.id;
    m.sender = "agent";
    m.staff_id = agent.staff_id;
    m.kind = "text";
    conv_before.first_reply_at = kNow;  // not the first message: the phrases only
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) {
      m.seq = 1000 + i;
      m.body = texts[i % 3];
      auto_check_chat_message(c, conv_before, m);
    }
    chat_us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / kRounds;
    ticket::Event e{0, t.id, "reply", agent.staff_id, "", "{}", true, kNow};
    start = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) {
      e.id = 100000 + i;
      e.body = texts[i % 3];
      auto_check_ticket_reply(c, t, e, false);
    }
    ticket_us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / kRounds;
  });
  std::printf("automatic checks: %.1f us per chat message, %.1f us per ticket reply (%d each, SQLite)\n", chat_us,
              ticket_us, kRounds);
  EXPECT_TRUE(hits().empty());
  EXPECT_LT(chat_us, 2000);
  EXPECT_LT(ticket_us, 2000);
}

}  // namespace
}  // namespace kefu::app::testing
