// The FAQ bot in a conversation, on a real SQLite database with a fixed clock and a small
// knowledge base (a table: the words of a question → the entry and how sure).
#include "bot/app/bot.hpp"

#include <map>

#include "chat/app/chat_fixture.hpp"
#include "chat/app/chat_settings.hpp"
#include "chat/app/desk.hpp"
#include "org/storage/org_store.hpp"
#include "public_tickets/app/public_tickets.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;
using nlohmann::json;

class TableKnowledge : public Knowledge {
 public:
  bot::Heard hear(std::string_view text, int64_t) const override {
    auto it = heard.find(std::string(text));
    return it == heard.end() ? bot::Heard{} : it->second;
  }
  std::optional<std::string> answer(int64_t faq_id, int64_t store_id) const override {
    if (faq_id == 3) return "积分可在服务台兑换停车券";
    if (faq_id != 1) return std::nullopt;
    return store_id == 1 ? "本店会员卡在一楼总服务台办理" : "请到总服务台办理会员卡";
  }
  std::optional<std::string> small_talk(std::string_view text) const override {
    if (!ready_now) return std::nullopt;
    auto it = talk.find(std::string(text));
    return it == talk.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  bool ready() const override { return ready_now; }
  bool ready_now = true;
  std::map<std::string, std::string> talk{{"你好", "您好！请问有什么可以帮您？"}};
  void learn(Context&, const std::string& query, int64_t faq_id, std::string_view source, int64_t,
             int64_t) const override {
    learned.push_back(query + " → " + std::to_string(faq_id) + " (" + std::string(source) + ")");
  }
  std::map<std::string, bot::Heard> heard{
      {"会员卡怎么办", {"", {{1, "怎么办会员卡", 0.9}}, 0.9, 0}},
      {"停车", {"", {{2, "停车怎么收费", 0.5}, {3, "积分换停车券", 0.4}}, 0.45, 0}},
  };
  mutable std::vector<std::string> learned;
};

class Bot : public Chat {
 protected:
  void SetUp() override {
    Chat::SetUp();
    as(supervisor, [&](Context& c) {
      auto s = chat_settings(c, store_a);
      s.bot_queues = {"general"};
      return put_chat_settings(c, s);
    });
  }
  // What the customer's socket does: the message, then the bot's turn, in one write.
  storage::Appended ask(const ChatStarted& s, const std::string& id, const std::string& text, int64_t at = kNow) {
    return as(
        agent_b,
        [&](Context& c) {
          auto said = customer_say(c, s.token, id, text, s.conversation.id);
          bot_turn(c, kb, said, {.remote = "10.0.0.7"});
          return said;
        },
        at);
  }
  json last_said(const ChatStarted& s) {
    auto all = said_by_bot(s);
    return all.empty() ? json() : all.back();
  }
  // The bot's messages and the conversation's events, as the customer sees them.
  std::vector<json> said_by_bot(const ChatStarted& s) {
    std::vector<json> out;
    for (const auto& m : as(agent, [&](Context& c) { return customer_messages(c, s.token, 0, 100); }))
      if (m.sender == "bot") out.push_back(json::parse(m.body));
    return out;
  }
  std::optional<json> handoff(const ChatStarted& s) {
    for (const auto& m : as(agent, [&](Context& c) { return staff_messages(c, s.conversation.id, 0, 100); })) {
      auto e = json::parse(m.body, nullptr, false);
      if (m.kind == "event" && e.value("event", "") == "handoff") return e;
    }
    return std::nullopt;
  }
  TableKnowledge kb;
};

TEST_F(Bot, TheBotAnswersFirstInItsQueuesAndPeopleInTheOthers) {
  online(agent);
  auto s = start("general");
  EXPECT_EQ(s.conversation.status, "bot") << "the bot's queue: no agent takes it, though one is free";
  EXPECT_FALSE(s.conversation.agent_id);
  auto other = start("returns");
  EXPECT_EQ(other.conversation.status, "assigned") << "other queues go to people as before";

  ask(s, "c1", "会员卡怎么办");
  auto bot = said_by_bot(s);
  ASSERT_EQ(bot.size(), 1u);
  EXPECT_EQ(bot[0]["act"], "answer");
  EXPECT_EQ(bot[0]["faq_id"], 1);
  EXPECT_EQ(bot[0]["answer"], "本店会员卡在一楼总服务台办理") << "the store's own variant";
  EXPECT_EQ(conv(s.conversation.id).status, "bot");
}

TEST_F(Bot, TwoFailuresInARowHandTheChatToPeopleWithTheGuesses) {
  online(agent);
  auto s = start("general");
  ask(s, "c1", "停车");
  auto bot = said_by_bot(s);
  ASSERT_EQ(bot.size(), 1u);
  EXPECT_EQ(bot[0]["act"], "suggest");
  ASSERT_EQ(bot[0]["suggestions"].size(), 2u);
  EXPECT_EQ(bot[0]["suggestions"][0]["question"], "停车怎么收费");
  EXPECT_EQ(conv(s.conversation.id).status, "bot");

  ask(s, "c2", "你们有没有卖猫粮");  // nothing known: the second failure
  auto c = conv(s.conversation.id);
  EXPECT_EQ(c.status, "assigned") << "handed over and taken by the free agent";
  EXPECT_EQ(c.agent_id, agent.staff_id);
  auto h = handoff(s);
  ASSERT_TRUE(h);
  EXPECT_EQ((*h)["reason"], "unresolved");
  // The agent reads the whole transcript: the customer's words and the bot's.
  const auto seen = as(agent, [&](Context& ctx) { return staff_messages(ctx, s.conversation.id, 0, 100); });
  EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [](const auto& m) { return m.body == "停车"; }));
  EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [](const auto& m) { return m.sender == "bot"; }));

  ask(s, "c3", "停车");
  EXPECT_EQ(said_by_bot(s).size(), 1u) << "with people now, the bot says nothing more";

  // A ticket made from the chat has the bot's words as words, not its message format.
  const auto tid = as(agent, [&](Context& c) { return app::make_ticket(c, s.conversation.id, {}); });
  const auto description = db->reader().get<storage::TicketStore>().ticket(tid)->description;
  EXPECT_NE(description.find("智能客服：您是不是想问：停车怎么收费 / 积分换停车券"), std::string::npos) << description;
  EXPECT_EQ(description.find("\"act\""), std::string::npos) << description;
}

TEST_F(Bot, AskingForAPersonOrAngerHandsOverAtOnce) {
  auto s = start("general");
  ask(s, "c1", "转人工");
  EXPECT_EQ(conv(s.conversation.id).status, "queued") << "nobody online: it waits in its queue";
  EXPECT_EQ((*handoff(s))["reason"], "asked");
  EXPECT_TRUE(said_by_bot(s).empty());

  auto angry = start("general");
  ask(angry, "c1", "你们就是骗子！！！");
  EXPECT_EQ((*handoff(angry))["reason"], "angry");

  auto button = start("general");
  const auto after = as(agent_b, [&](Context& c) { return ask_for_person(c, button.token); });
  EXPECT_EQ(after.status, "queued");
  EXPECT_EQ((*handoff(button))["reason"], "asked");
}

TEST_F(Bot, TwoUnsolvedAnswersHandOverAndASolvedOneStartsTheCountAgain) {
  auto s = start("general");
  const auto verdict = [&](bool solved) {
    const auto answer = said_by_bot(s);
    int64_t seq = 0;
    for (const auto& m : as(agent, [&](Context& c) { return customer_messages(c, s.token, 0, 100); }))
      if (m.sender == "bot") seq = m.seq;
    as(agent_b, [&](Context& c) {
      bot_feedback(c, kb, s.token, seq, solved);
      return 0;
    });
    (void)answer;
  };
  ask(s, "c1", "会员卡怎么办");
  verdict(true);
  ask(s, "c2", "会员卡怎么办");
  verdict(false);
  EXPECT_EQ(conv(s.conversation.id).status, "bot") << "one 未解决 after a 已解决";
  verdict(false);
  EXPECT_EQ(conv(s.conversation.id).status, "bot") << "the same answer judged twice counts once";
  ask(s, "c3", "会员卡怎么办");
  verdict(false);
  EXPECT_EQ(conv(s.conversation.id).status, "queued") << "two 未解决 in a row";
  EXPECT_EQ((*handoff(s))["reason"], "unresolved");
}

TEST_F(Bot, AClickedGuessIsAnsweredAndLearnedAsTheAnswerToWhatWasAsked) {
  auto s = start("general");
  ask(s, "c1", "停车");          // the bot is unsure: two guesses
  ask(s, "c2", "积分换停车券");  // the customer taps the second
  const auto bot = said_by_bot(s);
  ASSERT_EQ(bot.size(), 2u);
  EXPECT_EQ(bot[1]["act"], "answer") << "the picked entry answers, however unsure the matcher is of the words";
  EXPECT_EQ(bot[1]["faq_id"], 3);
  EXPECT_EQ(kb.learned, (std::vector<std::string>{"停车 → 3 (clicked)"}));
  ask(s, "c3", "积分换停车券");  // typed again, no guesses before it: nothing to learn
  EXPECT_EQ(kb.learned.size(), 1u);
}

TEST_F(Bot, SolvedIsLearnedAndUnsolvedIsNot) {
  auto s = start("general");
  const auto verdict = [&](bool solved) {
    int64_t seq = 0;
    for (const auto& m : as(agent, [&](Context& c) { return customer_messages(c, s.token, 0, 100); }))
      if (m.sender == "bot") seq = m.seq;
    as(agent_b, [&](Context& c) {
      bot_feedback(c, kb, s.token, seq, solved);
      return 0;
    });
  };
  ask(s, "c1", "会员卡怎么办");
  verdict(false);
  EXPECT_TRUE(kb.learned.empty());
  ask(s, "c2", "会员卡怎么办");
  verdict(true);
  EXPECT_EQ(kb.learned, (std::vector<std::string>{"会员卡怎么办 → 1 (confirmed)"}));
}

TEST_F(Bot, AVerdictIsOnlyForAnAnswerOfTheCustomersOwnChat) {
  auto s = start("general");
  ask(s, "c1", "停车");  // a suggestion, not an answer
  EXPECT_EQ(code_of([&] {
              as(agent_b, [&](Context& c) {
                bot_feedback(c, kb, s.token, 2, true);
                return 0;
              });
            }),
            "not_found");
  EXPECT_EQ(code_of([&] {
              as(agent_b, [&](Context& c) {
                bot_feedback(c, kb, "kfc_forged", 2, true);
                return 0;
              });
            }),
            "invalid_chat_token");
}

TEST_F(Bot, SmallTalkIsAnsweredAndNeitherFailsNorBreaksTheRow) {
  auto s = start("general");
  ask(s, "c1", "停车");  // guesses: the first failure
  ask(s, "c2", "你好");
  EXPECT_EQ(last_said(s)["act"], "smalltalk");
  EXPECT_EQ(last_said(s)["text"], "您好！请问有什么可以帮您？");
  EXPECT_EQ(conv(s.conversation.id).status, "bot");
  ask(s, "c3", "你们有没有卖猫粮");
  EXPECT_EQ((*handoff(s))["reason"], "unresolved") << "the small talk did not break the row of failures";
}

TEST_F(Bot, KnowledgeStillBeingBuiltAsksToWaitOnceAndIsNoFailure) {
  kb.ready_now = false;
  auto s = start("general");
  ask(s, "c1", "停车");
  EXPECT_EQ(last_said(s)["act"], "wait");
  EXPECT_EQ(last_said(s)["text"], "正在准备，请稍候再问");
  ask(s, "c2", "你们有没有卖猫粮");
  ask(s, "c3", "你好");
  EXPECT_EQ(said_by_bot(s).size(), 1u) << "said once, not after every message";
  EXPECT_EQ(conv(s.conversation.id).status, "bot") << "no failure counted";
  kb.ready_now = true;
  ask(s, "c4", "会员卡怎么办");
  EXPECT_EQ(last_said(s)["act"], "answer");
}

TEST_F(Bot, TheStoresHoursTodayFromItsBusinessCalendar) {
  db->write_sync([&](storage::Stores& r) {
    auto store = *r.get<storage::OrgStore>().store(store_a);
    for (int wd = 0; wd < 7; ++wd) store.hours.push_back({wd, "10:00", "22:00"});
    r.get<storage::OrgStore>().update_store(store);
    // kNow is Sunday 2026-11-22 00:30 in Shanghai.
    r.get<storage::SlaConfigStore>().replace_special_days(store_a, {{"2026-11-22", {{"12:00", "18:00"}}, "店庆"}});
  });
  auto s = start("general");
  ask(s, "c1", "请问今天几点开门？");
  auto h = last_said(s);
  EXPECT_EQ(h["act"], "hours");
  EXPECT_EQ(h["text"], "今天（11月22日 周日 店庆）特别营业时间 12:00–18:00。现在不在营业时间，今天 12:00 开门。");
  EXPECT_EQ(h["today"]["name"], "店庆");
  EXPECT_FALSE(h["open_now"]);
  ask(s, "c2", "营业时间", kNow + 19 * kHour);  // 19:30: closed for the day
  EXPECT_NE(last_said(s)["text"].get<std::string>().find("明天（11月23日 周一）营业时间 10:00–22:00。"),
            std::string::npos)
      << last_said(s)["text"];
  EXPECT_EQ(conv(s.conversation.id).status, "bot");
}

TEST_F(Bot, ATicketsStatusByNumberPhoneAndCodeLikeTheTrackingPage) {
  const auto submitted = as(agent_b, [&](Context& c) {
    return submit_public_ticket(c, {.store_id = store_a,
                                    .type = "complaint",
                                    .subject = "试衣间没有灯",
                                    .description = "三楼试衣间的灯坏了",
                                    .phone = "13800138000",
                                    .remote = "10.0.0.9"});
  });
  const auto number = submitted.ticket.number;
  auto s = start("general");
  ask(s, "c1", "我的工单 " + number + " 怎么样了");
  auto r = last_said(s);
  EXPECT_EQ(r["act"], "ticket_status");
  EXPECT_FALSE(r["found"]);
  EXPECT_NE(r["text"].get<std::string>().find("手机号和查询码"), std::string::npos) << "asks for the phone and code";

  ask(s, "c2", number + " 138 0013 8000 " + submitted.tracking_code);
  r = last_said(s);
  EXPECT_TRUE(r["found"]) << r;
  EXPECT_EQ(r["number"], number);
  EXPECT_EQ(r["subject"], "试衣间没有灯");
  EXPECT_EQ(r["status_zh"], "新建");
  EXPECT_EQ(r.dump().find("access"), std::string::npos) << "no access token in the chat";

  ask(s, "c3", number + " 13900139000 " + submitted.tracking_code);
  EXPECT_FALSE(last_said(s)["found"]) << "another phone: the same not-found";
  EXPECT_NE(last_said(s)["text"].get<std::string>().find("没有找到"), std::string::npos);
  for (int i = 0; i < kTrackFailuresMax; ++i) ask(s, "w" + std::to_string(i), number + " 13900139000 AB3CDE");
  EXPECT_NE(last_said(s)["text"].get<std::string>().find("查询次数过多"), std::string::npos)
      << "the tracking page's throttle";
  ask(s, "c4", number + " 13800138000 " + submitted.tracking_code);
  EXPECT_FALSE(last_said(s)["found"]) << "throttled even with the right phone";
  EXPECT_EQ(conv(s.conversation.id).status, "bot") << "asides are no failures";
}

TEST_F(Bot, AStoreMovesTheThresholdsInItsChatSettings) {
  as(supervisor, [&](Context& c) {
    auto st = chat_settings(c, store_a);
    st.bot_answer = 0.95;
    return put_chat_settings(c, st);
  });
  auto s = start("general");
  ask(s, "c1", "会员卡怎么办");  // 0.9: below the store's 0.95
  EXPECT_EQ(last_said(s)["act"], "suggest");
  EXPECT_EQ(last_said(s)["suggestions"][0]["faq_id"], 1);
}

}  // namespace
}  // namespace kefu::app
