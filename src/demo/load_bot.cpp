#include "demo/load_bot.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <memory>
#include <string>

#include "auth/app/auth.hpp"
#include "bot/app/bot.hpp"
#include "chat/app/chat_settings.hpp"
#include "chat/app/conversations.hpp"
#include "chat/app/desk.hpp"
#include "kb/app/knowledge.hpp"
#include "kb/domain/t2s.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::demo {
namespace {

constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute, kDay = 24 * kHour;

// What a customer does after the bot's first turn.
enum class Then {
  confirm,     // marks the answer 已解决 (or taps the first guess, then 已解决)
  reject,      // marks it 未解决 and asks again in other words
  ask_person,  // presses 转人工
  ask_again,   // asks something else the bot may not know
  leave,       // reads and goes
};

struct Journey {
  const char* queue;
  const char* first;  // the customer's first message
  Then then;
  const char* second;  // the next message when there is one
};

// Our own words: how customers of a department store's parking and general chat ask.
constexpr std::array<Journey, 16> kJourneys{{
    {"parking", "停车票在哪里领", Then::confirm, ""},
    {"parking", "车停一天大概要多少钱", Then::confirm, ""},
    {"parking", "停车场有充电桩吗", Then::ask_again, "电动车充电怎么收费"},
    {"parking", "出口缴费机不能扫码", Then::ask_person, ""},
    {"general", "商场几点开门", Then::leave, ""},
    {"general", "积分怎么换停车券", Then::confirm, ""},
    {"general", "可以带宠物进商场吗", Then::ask_again, "狗能不能带进去"},
    {"general", "买的鞋子尺码不合适能换吗", Then::reject, "鞋子穿了一次能退吗"},
    {"general", "发票怎么开", Then::confirm, ""},
    {"general", "东西丢了去哪里找", Then::leave, ""},
    {"general", "商场里有母婴室吗", Then::confirm, ""},
    {"general", "你们这服务太差了！！！投诉！", Then::leave, ""},
    {"general", "宠物能进吗", Then::ask_person, ""},
    {"general", "有没有轮椅可以借", Then::confirm, ""},
    {"parking", "月卡怎么办理", Then::ask_again, "包月停车多少钱"},
    {"general", "会员生日有什么优惠", Then::confirm, ""},
}};

people::Actor staff_actor(storage::Stores& r, const std::string& username) {
  for (const auto& s : r.get<storage::OrgStore>().staff_list())
    if (s.username == username) return app::actor_of(s);
  throw std::runtime_error("demo bot: no staff " + username);
}

// The bot's newest message in the chat: {seq, body as JSON}.
std::pair<int64_t, nlohmann::json> last_bot(storage::Stores& r, const std::string& token, int64_t at) {
  app::Context c{r, people::customer_actor(), at, nullptr};
  std::pair<int64_t, nlohmann::json> out{0, nullptr};
  for (const auto& m : app::customer_messages(c, token, 0, 200))
    if (m.sender == "bot") out = {m.seq, nlohmann::json::parse(m.body, nullptr, false)};
  return out;
}

}  // namespace

void load_demo_bot(storage::Stores& r, const text::Segmenter& segmenter, int64_t now) {
  int64_t store_id = 0;
  for (const auto& s : r.get<storage::OrgStore>().stores())
    if (s.code == "CD01") store_id = s.id;
  if (!store_id) return;
  // What the bot knows: the demo knowledge base as published (load_demo_kb ran before).
  const kb::TextTools tools{std::shared_ptr<const text::Segmenter>(&segmenter, [](const text::Segmenter*) {}),
                            kb::T2s::load()};
  app::KbKnowledge knowledge;
  knowledge.set(app::build_knowledge(r, tools, now));

  const auto supervisor = staff_actor(r, "gaoyan");
  const auto agent = staff_actor(r, "maxiaoyu");
  app::Context boss{r, supervisor, now - 11 * kDay, nullptr};
  auto settings = app::chat_settings(boss, store_id);
  settings.bot_queues = {"general", "parking"};  // the bot answered both queues these ten days
  app::put_chat_settings(boss, settings);

  const auto customer = people::customer_actor();
  int n = 0;
  for (int day = 10; day >= 1; --day) {
    for (int k = 0; k < 5; ++k, ++n) {
      const auto& j = kJourneys[(n * 7 + day) % kJourneys.size()];
      int64_t t = now - day * kDay + (10 + 2 * k) * kHour + (n * 13 % 55) * kMinute;
      app::Context c0{r, customer, t, nullptr};
      auto started = app::start_chat(
          c0,
          {.store_id = store_id, .queue = j.queue, .customer_name = "顾客", .remote = "demo-bot-" + std::to_string(n)});
      const auto id = started.conversation.id;
      auto say = [&](const std::string& text, const std::string& key) {
        t += 20'000;
        app::Context c{r, customer, t, nullptr};
        const auto said = app::customer_say(c, started.token, key, text, id);
        app::bot_turn(c, knowledge, said, {.remote = "demo-bot-" + std::to_string(n)});
      };
      say(j.first, "b1");
      auto [seq, bot] = last_bot(r, started.token, t);
      const auto act = bot.is_object() ? bot.value("act", "") : "";
      if (j.then == Then::confirm && act == "suggest" && !bot["suggestions"].empty()) {
        say(bot["suggestions"][0].value("question", ""), "b2");  // taps the first guess
        std::tie(seq, bot) = last_bot(r, started.token, t);
      }
      const auto answered = bot.is_object() && bot.value("act", "") == "answer";
      t += 30'000;
      app::Context c1{r, customer, t, nullptr};
      if ((j.then == Then::confirm || j.then == Then::reject) && answered)
        app::bot_feedback(c1, knowledge, started.token, seq, j.then == Then::confirm);
      if (j.then == Then::reject || j.then == Then::ask_again) say(j.second, "b3");
      if (j.then == Then::ask_person) {
        t += 10'000;
        app::Context c2{r, customer, t, nullptr};
        app::ask_for_person(c2, started.token);
      }
      // With people now (转人工, anger or two failures): the store's agent takes it and helps.
      app::Context at{r, agent, t + 45'000, nullptr};
      if (app::staff_conversation(at, id).status == "queued") {
        app::set_presence(at, "online");  // coming online, the agent may be given it at once
        if (app::staff_conversation(at, id).status == "queued") app::pick(at, id);
        app::agent_say(at, id, "h1", "您好，我是人工客服，刚才的问题我来为您处理。", false);
        app::Context end{r, agent, t + 5 * kMinute, nullptr};
        app::end_chat(end, id);
        app::set_presence(end, "offline");
      } else {
        app::Context bye{r, customer, t + kMinute, nullptr};
        app::customer_end(bye, started.token);
      }
    }
  }
  settings.bot_queues = {"parking"};  // today: the parking queue only
  app::Context today{r, supervisor, now - kHour, nullptr};
  app::put_chat_settings(today, settings);
}

}  // namespace kefu::demo
