#include "bot/app/bot.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "bot/app/asides.hpp"
#include "bot/app/bot_log.hpp"
#include "bot/domain/intents.hpp"
#include "chat/app/chat_settings.hpp"
#include "chat/domain/errors.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/domain/error.hpp"

namespace kefu::app {
namespace {

using nlohmann::json;

constexpr int kHistory = 500;  // messages replayed for the bot's state (a bot chat is short)
constexpr const char* kSuggestText = "您是不是想问：";
constexpr const char* kSorryText = "抱歉，这个问题我还不会回答。您可以换个说法，或点击「转人工」联系客服。";
constexpr const char* kWaitText = "正在准备，请稍候再问";

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
      const auto act = body.value("act", "");
      if (act == "answer") steps.push_back(bot::Step::answered);
      if (act == "suggest" || act == "apologise") steps.push_back(bot::Step::failed);  // asides count for nothing
    } else if (m.kind == "event") {
      const auto e = body.value("event", "");
      if (e == "bot_feedback") steps.push_back(body.value("solved", false) ? bot::Step::solved : bot::Step::unsolved);
      if (e == "handoff") steps.push_back(bot::Step::handed_over);
    }
  }
  return steps;
}

// The answer or guesses with the model's phrasing made before the write, when it was made
// for this message and starts from the same entry.
json with_phrasing(json body, const std::optional<Phrased>& p, std::string_view text, int64_t top) {
  if (!p || p->question != text || p->sources.empty() || p->sources.front().faq_id != top) return body;
  auto sources = json::array();
  for (const auto& s : p->sources) sources.push_back({{"faq_id", s.faq_id}, {"question", s.question}});
  body["generated"] = p->text;
  body["cites"] = p->cites;
  body["sources"] = sources;
  return body;
}

// Whether the bot's last word in the history was `act` (the wait is said once in a row).
bool last_bot_act_is(const std::vector<chat::Message>& history, std::string_view act) {
  for (auto m = history.rbegin(); m != history.rend(); ++m)
    if (m->sender == "bot") return json::parse(m->body, nullptr, false).value("act", "") == act;
  return false;
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

bot::Thresholds thresholds_of(const chat::Settings& s) {
  bot::Thresholds t;
  t.answer = s.bot_answer;
  t.suggest = s.bot_suggest;
  return t;
}

bot::Heard heard_by_bot(const Knowledge& knowledge, std::string_view text, int64_t store_id) {
  auto heard = knowledge.hear(text, store_id);
  heard.text = text;
  heard.anger = bot::anger(text);
  heard.canonical = knowledge.canonical(text);
  heard.small_talk = knowledge.small_talk(text);
  heard.ready = knowledge.ready();
  if (!heard.guesses.empty() && bot::asks_for_hours(heard.canonical.empty() ? text : heard.canonical)) {
    heard.hours_likeness = 0;
    for (const auto& p : bot::hours_prototypes())
      heard.hours_likeness = std::max(heard.hours_likeness, knowledge.similarity(text, p));
  }
  return heard;
}

bot::State bot_state(Context& c, int64_t conversation_id) {
  return bot::replay(steps_of(chats(c).messages_after(conversation_id, 0, kHistory)));
}

void bot_turn(Context& c, const Knowledge& knowledge, const storage::Appended& said, const TurnInput& in) {
  // The append says whose chat it is, so people's chats cost the bot nothing.
  if (said.duplicate || said.message.sender != "customer" || said.status != "bot") return;
  const auto conv = chats(c).conversation(said.message.conversation_id);
  if (!conv || conv->status != "bot") return;
  const auto& text = said.message.body;
  const auto history = chats(c).messages_after(conv->id, 0, kHistory);
  auto heard = heard_by_bot(knowledge, text, conv->store_id);
  if (auto picked = picked_guess(history, said.message)) {
    // A guess the customer picked is the answer to what they first asked: learned, and answered.
    knowledge.learn(c, picked->query, picked->guess.faq_id, "clicked", conv->store_id, conv->id);
    heard.guesses = {picked->guess};
    heard.confidence = 1.0;
  }
  const auto t = in.thresholds.value_or(thresholds_of(chat_settings(c, conv->store_id)));
  const auto turn = bot::decide(heard, bot::replay(steps_of(history)), t);
  log_turn(c, *conv, said.message, heard, turn);  // the bot turn log (bot_log.hpp), same commit
  switch (turn.act) {
    case bot::Act::answer:
      if (auto answer = knowledge.answer(turn.answer->faq_id, conv->store_id)) {
        say(c, conv->id,
            with_phrasing({{"act", "answer"},
                           {"faq_id", turn.answer->faq_id},
                           {"question", turn.answer->question},
                           {"answer", *answer},
                           {"confidence", heard.confidence}},
                          in.phrased, text, turn.answer->faq_id));
        return;
      }
      say(c, conv->id, {{"act", "apologise"}, {"text", kSorryText}});  // the entry went away meanwhile
      return;
    case bot::Act::suggest:
      say(c, conv->id,
          with_phrasing({{"act", "suggest"},
                         {"text", kSuggestText},
                         {"suggestions", guesses_json(turn.suggestions)},
                         {"confidence", heard.confidence}},
                        in.phrased, text, turn.suggestions.front().faq_id));
      return;
    case bot::Act::apologise:
      say(c, conv->id, {{"act", "apologise"}, {"text", kSorryText}});
      return;
    case bot::Act::handoff:
      hand_over(c, conv->id,
                {{"reason", turn.handoff}, {"guesses", guesses_json(heard.guesses)}, {"confidence", heard.confidence}});
      return;
    case bot::Act::smalltalk:
      say(c, conv->id, {{"act", "smalltalk"}, {"text", turn.reply}});
      return;
    case bot::Act::wait:
      if (!last_bot_act_is(history, "wait")) say(c, conv->id, {{"act", "wait"}, {"text", kWaitText}});
      return;
    case bot::Act::hours:
      say(c, conv->id, hours_reply(c, conv->store_id));
      return;
    case bot::Act::ticket_status:
      say(c, conv->id, ticket_reply(c, *bot::ticket_query(text), in.remote));
      return;
  }
}

void bot_feedback(Context& c, const Knowledge& knowledge, const std::string& token, int64_t seq, bool solved,
                  std::optional<bot::Thresholds> thresholds) {
  const auto conv = chat_for_token(c, token);
  if (conv.status != "bot") return;  // with people already: the verdict no longer steers anything
  const auto t = thresholds.value_or(thresholds_of(chat_settings(c, conv.store_id)));
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
