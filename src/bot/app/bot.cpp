#include "bot/app/bot.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "bot/app/bot_log.hpp"
#include "chat/domain/errors.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/domain/error.hpp"

namespace kefu::app {
namespace {

using nlohmann::json;

constexpr int kHistory = 500;  // messages replayed for the bot's state (a bot chat is short)
constexpr const char* kSuggestText = "您是不是想问：";
constexpr const char* kSorryText = "抱歉，这个问题我还不会回答。您可以换个说法，或点击「转人工」联系客服。";

storage::ConversationStore& chats(Context& c) { return c.store<storage::ConversationStore>(); }

storage::Appended say(Context& c, int64_t id, const json& body) {
  chat::Message m;
  m.conversation_id = id;
  m.sender = "bot";
  m.kind = "bot";
  m.body = body.dump();
  m.created_at = c.now_ms;
  return chats(c).append_message(m);
}

json guesses_json(const std::vector<bot::Guess>& guesses) {
  auto out = json::array();
  for (const auto& g : guesses) out.push_back({{"faq_id", g.faq_id}, {"question", g.question}, {"score", g.score}});
  return out;
}

// The bot's history as steps, oldest first, from the conversation's messages.
std::vector<bot::Step> steps_of(const std::vector<chat::Message>& messages) {
  std::vector<bot::Step> steps;
  for (const auto& m : messages) {
    const auto body = json::parse(m.body, nullptr, false);
    if (!body.is_object()) continue;
    if (m.sender == "bot" && m.kind == "bot") {
      steps.push_back(body.value("act", "") == "answer" ? bot::Step::answered : bot::Step::failed);
    } else if (m.kind == "event") {
      const auto e = body.value("event", "");
      if (e == "bot_feedback") steps.push_back(body.value("solved", false) ? bot::Step::solved : bot::Step::unsolved);
      if (e == "handoff") steps.push_back(bot::Step::handed_over);
    }
  }
  return steps;
}

// The customer's words the bot's message at `at` answered: their last text before it.
std::optional<std::string> asked_before(const std::vector<chat::Message>& history,
                                        std::vector<chat::Message>::const_iterator at) {
  while (at != history.begin()) {
    --at;
    if (at->sender == "customer" && at->kind == "text") return at->body;
  }
  return std::nullopt;
}

// A click on one of the bot's guesses: the message repeats a guess of the bot's last
// message (a suggestion) word for word. What the customer first asked, and the guess.
struct Picked {
  std::string query;
  bot::Guess guess;
};

std::optional<Picked> picked_guess(const std::vector<chat::Message>& history, const chat::Message& said) {
  auto it = std::find_if(history.begin(), history.end(), [&](const auto& m) { return m.seq == said.seq; });
  while (it != history.begin()) {
    --it;
    if (it->sender != "bot") continue;
    const auto body = json::parse(it->body, nullptr, false);
    if (!body.is_object() || body.value("act", "") != "suggest") return std::nullopt;
    for (const auto& g : body.value("suggestions", json::array())) {
      if (!g.is_object() || g.value("question", "") != said.body) continue;
      auto query = asked_before(history, it);
      if (!query) return std::nullopt;
      return Picked{*query, {g.value("faq_id", int64_t{0}), g.value("question", ""), 1.0}};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

class Nothing final : public Knowledge {
 public:
  bot::Heard hear(std::string_view, int64_t) const override { return {}; }
  std::optional<std::string> answer(int64_t, int64_t) const override { return std::nullopt; }
};

}  // namespace

std::string bot_text(const chat::Message& m) {
  const auto body = json::parse(m.body, nullptr, false);
  if (!body.is_object()) return m.body;
  const auto act = body.value("act", "");
  if (act == "answer") return body.value("answer", "");
  if (act == "suggest") {
    std::string out = body.value("text", kSuggestText);
    bool first = true;
    for (const auto& g : body.value("suggestions", json::array())) {
      out += (first ? "" : " / ") + g.value("question", "");
      first = false;
    }
    return out;
  }
  return body.value("text", "");
}

const Knowledge& no_knowledge() {
  static const Nothing nothing;
  return nothing;
}

void bot_turn(Context& c, const Knowledge& knowledge, const storage::Appended& said, const bot::Thresholds& t) {
  // The append says whose chat it is, so people's chats cost the bot nothing.
  if (said.duplicate || said.message.sender != "customer" || said.status != "bot") return;
  const auto conv = chats(c).conversation(said.message.conversation_id);
  if (!conv || conv->status != "bot") return;
  const auto history = chats(c).messages_after(conv->id, 0, kHistory);
  auto heard = knowledge.hear(said.message.body, conv->store_id);
  if (auto picked = picked_guess(history, said.message)) {
    // A guess the customer picked is the answer to what they first asked: learned, and answered.
    knowledge.learn(c, picked->query, picked->guess.faq_id, "clicked", conv->store_id, conv->id);
    heard.guesses = {picked->guess};
    heard.confidence = 1.0;
  }
  heard.text = said.message.body;
  heard.anger = bot::anger(said.message.body);
  const auto turn = bot::decide(heard, bot::replay(steps_of(history)), t);
  log_turn(c, *conv, said.message, heard, turn);  // the bot turn log (bot_log.hpp), same commit
  switch (turn.act) {
    case bot::Act::answer:
      if (auto text = knowledge.answer(turn.answer->faq_id, conv->store_id)) {
        say(c, conv->id,
            {{"act", "answer"},
             {"faq_id", turn.answer->faq_id},
             {"question", turn.answer->question},
             {"answer", *text},
             {"confidence", heard.confidence}});
        return;
      }
      say(c, conv->id, {{"act", "apologise"}, {"text", kSorryText}});  // the entry went away meanwhile
      return;
    case bot::Act::suggest:
      say(c, conv->id,
          {{"act", "suggest"},
           {"text", kSuggestText},
           {"suggestions", guesses_json(turn.suggestions)},
           {"confidence", heard.confidence}});
      return;
    case bot::Act::apologise:
      say(c, conv->id, {{"act", "apologise"}, {"text", kSorryText}});
      return;
    case bot::Act::handoff:
      hand_over(c, conv->id,
                {{"reason", turn.handoff}, {"guesses", guesses_json(heard.guesses)}, {"confidence", heard.confidence}});
      return;
  }
}

void bot_feedback(Context& c, const Knowledge& knowledge, const std::string& token, int64_t seq, bool solved,
                  const bot::Thresholds& t) {
  const auto conv = chat_for_token(c, token);
  if (conv.status != "bot") return;  // with people already: the verdict no longer steers anything
  // One read of the history: the answer judged, an earlier verdict on it, the state.
  const auto history = chats(c).messages_after(conv.id, 0, kHistory);
  const auto answered = std::find_if(history.begin(), history.end(), [&](const auto& m) { return m.seq == seq; });
  if (answered == history.end() || answered->sender != "bot" ||
      json::parse(answered->body, nullptr, false).value("act", "") != "answer")
    throw make_error(errors::kNotFound, {{"what", Text("机器人回答", "bot answer")}}, "seq");
  for (auto m = answered; m != history.end(); ++m) {  // one verdict per answer
    const auto e = json::parse(m->body, nullptr, false);
    if (m->kind == "event" && e.is_object() && e.value("event", "") == "bot_feedback" && e.value("seq", 0) == seq)
      return;
  }
  chat_event(c, conv.id, {{"event", "bot_feedback"}, {"seq", seq}, {"solved", solved}});
  log_verdict(c, conv.id, seq, solved);
  if (solved)  // the answer was right for what the customer asked: learned
    if (auto query = asked_before(history, answered))
      knowledge.learn(c, *query, json::parse(answered->body).value("faq_id", int64_t{0}), "confirmed", conv.store_id,
                      conv.id);
  auto steps = steps_of(history);
  steps.push_back(solved ? bot::Step::solved : bot::Step::unsolved);
  if (!bot::needs_person(bot::replay(steps), t)) return;
  log_handoff(c, conv, "unresolved");
  hand_over(c, conv.id, {{"reason", "unresolved"}});
}

chat::Conversation ask_for_person(Context& c, const std::string& token) {
  const auto conv = chat_for_token(c, token);
  if (conv.status == "ended") throw make_error(errors::kConversationEnded);
  log_handoff(c, conv, "asked");
  return hand_over(c, conv.id, {{"reason", "asked"}});
}

}  // namespace kefu::app
