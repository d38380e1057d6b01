// The FAQ bot in a conversation, on a real SQLite database with a fixed clock and a small
// knowledge base (a table: the words of a question → the entry and how sure).
#include "bot/app/bot.hpp"

#include <map>

#include "chat/app/chat_fixture.hpp"
#include "chat/app/chat_settings.hpp"
#include "chat/app/desk.hpp"
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
    return store_id == 1 ? "本店营业时间 10:00–22:00" : "营业时间 10:00–21:30";
  }
  void learn(Context&, const std::string& query, int64_t faq_id, std::string_view source, int64_t,
             int64_t) const override {
    learned.push_back(query + " → " + std::to_string(faq_id) + " (" + std::string(source) + ")");
  }
  std::map<std::string, bot::Heard> heard{
      {"几点关门", {"", {{1, "商场几点关门", 0.9}}, 0.9, 0}},
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
  storage::Appended ask(const ChatStarted& s, const std::string& id, const std::string& text) {
    return as(agent_b, [&](Context& c) {
      auto said = customer_say(c, s.token, id, text, s.conversation.id);
      bot_turn(c, kb, said);
      return said;
    });
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

  ask(s, "c1", "几点关门");
  auto bot = said_by_bot(s);
  ASSERT_EQ(bot.size(), 1u);
  EXPECT_EQ(bot[0]["act"], "answer");
  EXPECT_EQ(bot[0]["faq_id"], 1);
  EXPECT_EQ(bot[0]["answer"], "本店营业时间 10:00–22:00") << "the store's own variant";
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
  ask(s, "c1", "几点关门");
  verdict(true);
  ask(s, "c2", "几点关门");
  verdict(false);
  EXPECT_EQ(conv(s.conversation.id).status, "bot") << "one 未解决 after a 已解决";
  verdict(false);
  EXPECT_EQ(conv(s.conversation.id).status, "bot") << "the same answer judged twice counts once";
  ask(s, "c3", "几点关门");
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
  ask(s, "c1", "几点关门");
  verdict(false);
  EXPECT_TRUE(kb.learned.empty());
  ask(s, "c2", "几点关门");
  verdict(true);
  EXPECT_EQ(kb.learned, (std::vector<std::string>{"几点关门 → 1 (confirmed)"}));
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

}  // namespace
}  // namespace kefu::app
