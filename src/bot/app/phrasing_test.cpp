// Generative answers in a bot chat, with a table for the model: phrased before the write,
// carried by the bot's message when it still fits, and the plain answer on any failure.
#include "bot/app/phrasing.hpp"

#include "chat/app/chat_fixture.hpp"
#include "chat/app/chat_settings.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;
using nlohmann::json;

class Parking : public Knowledge {
 public:
  bot::Heard hear(std::string_view text, int64_t) const override {
    if (text == "停车多少钱") return {"", {{7, "停车怎么收费", 0.9}, {9, "积分换停车券", 0.5}}, 0.9, 0};
    if (text == "停车") return {"", {{7, "停车怎么收费", 0.5}, {9, "积分换停车券", 0.4}}, 0.45, 0};
    return {};
  }
  std::optional<std::string> answer(int64_t faq_id, int64_t) const override {
    return faq_id == 7 ? "每小时 5 元" : "100 积分换 1 小时";
  }
};

class Model : public Phraser {
 public:
  std::optional<std::string> complete(const chat::Generative& g, const bot::Prompt& p) const override {
    seen_key = g.api_key;
    prompts.push_back(p);
    return said;
  }
  std::optional<std::string> said = "停车每小时 5 元 [1]，也可用积分换停车券 [2]。";
  mutable std::string seen_key;
  mutable std::vector<bot::Prompt> prompts;
};

class Phrasing : public Chat {
 protected:
  void SetUp() override {
    Chat::SetUp();
    settings(true);
  }
  void settings(bool on) {
    as(supervisor, [&](Context& c) {
      auto s = chat_settings(c, store_a);
      s.bot_queues = {"general"};
      s.generative = {.enabled = on, .base_url = "http://127.0.0.1:9/", .model = "m", .api_key = "sk-secret"};
      return put_chat_settings(c, s);
    });
  }
  // What the route does: phrase on a reader, then the message and the bot's turn in one write.
  json ask(const ChatStarted& s, const std::string& id, const std::string& text) {
    Context reader{db->reader(), people::customer_actor(), kNow, nullptr};
    auto phrased = phrase_before(reader, kb, model, s.conversation.id, text);
    as(agent_b, [&](Context& c) {
      bot_turn(c, kb, customer_say(c, s.token, id, text, s.conversation.id), {.phrased = phrased});
      return 0;
    });
    json last;
    for (const auto& m : as(agent, [&](Context& c) { return customer_messages(c, s.token, 0, 100); }))
      if (m.sender == "bot") last = json::parse(m.body);
    return last;
  }
  Parking kb;
  Model model;
};

TEST_F(Phrasing, AnAnswerCarriesTheModelsTextAndItsCitations) {
  auto s = start("general");
  EXPECT_TRUE(as(agent, [&](Context& c) { return phrases(c, s.conversation.id); }));
  const auto said = ask(s, "c1", "停车多少钱");
  EXPECT_EQ(said["act"], "answer");
  EXPECT_EQ(said["answer"], "每小时 5 元") << "the plain answer stays";
  EXPECT_EQ(said["generated"], "停车每小时 5 元 [1]，也可用积分换停车券 [2]。");
  EXPECT_EQ(said["cites"], json::array({7, 9}));
  EXPECT_EQ(said["sources"][1]["question"], "积分换停车券");
  EXPECT_EQ(said.dump().find("100 积分"), std::string::npos) << "the entries' answers are not copied in";
  ASSERT_EQ(model.prompts.size(), 1u);
  EXPECT_NE(model.prompts[0].user.find("[1] 问：停车怎么收费\n答：每小时 5 元"), std::string::npos);
  EXPECT_NE(model.prompts[0].user.find("[2] 问：积分换停车券"), std::string::npos) << "the other good guess";
  EXPECT_EQ(model.seen_key, "sk-secret");
}

TEST_F(Phrasing, GuessesArePhrasedToo) {
  auto s = start("general");
  const auto said = ask(s, "c1", "停车");
  EXPECT_EQ(said["act"], "suggest");
  EXPECT_EQ(said["cites"], json::array({7, 9}));
}

TEST_F(Phrasing, AFailedUncitedOrStalePhrasingLeavesThePlainAnswer) {
  auto s = start("general");
  model.said = std::nullopt;  // an error or a timeout
  auto said = ask(s, "c1", "停车多少钱");
  EXPECT_EQ(said["act"], "answer");
  EXPECT_FALSE(said.contains("generated"));
  model.said = "停车免费！";  // cites nothing: may say what no entry says
  said = ask(s, "c2", "停车多少钱");
  EXPECT_FALSE(said.contains("generated"));
  // Made for another text than the one written: not used.
  Context reader{db->reader(), people::customer_actor(), kNow, nullptr};
  model.said = "每小时 5 元 [1]";
  auto phrased = phrase_before(reader, kb, model, s.conversation.id, "停车多少钱");
  as(agent_b, [&](Context& c) {
    bot_turn(c, kb, customer_say(c, s.token, "c3", "停车", s.conversation.id), {.phrased = phrased});
    return 0;
  });
  const auto messages = as(agent, [&](Context& c) { return customer_messages(c, s.token, 0, 100); });
  EXPECT_FALSE(json::parse(messages.back().body).contains("generated"));
}

TEST_F(Phrasing, OffByDefaultAndNoModelCallWhenOff) {
  settings(false);
  auto s = start("general");
  EXPECT_FALSE(as(agent, [&](Context& c) { return phrases(c, s.conversation.id); }));
  const auto said = ask(s, "c1", "停车多少钱");
  EXPECT_FALSE(said.contains("generated"));
  EXPECT_TRUE(model.prompts.empty());
}

}  // namespace
}  // namespace kefu::app
