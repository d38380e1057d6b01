#include "bot/app/bot_log.hpp"

#include <algorithm>

#include "bot/domain/turn_log.hpp"
#include "bot/storage/bot_turn_store.hpp"

namespace kefu::app {
namespace {

storage::BotTurnStore& turns(Context& c) { return c.store<storage::BotTurnStore>(); }

bot::TurnRecord record_of(Context& c, const chat::Conversation& conv, std::string act) {
  bot::TurnRecord t;
  t.conversation_id = conv.id;
  t.store_id = conv.store_id;
  t.queue = conv.queue;
  t.created_at = c.now_ms;
  t.act = std::move(act);
  t.unanswered = bot::leaves_question(t.act);
  return t;
}

}  // namespace

std::string act_code(bot::Act a) {
  switch (a) {
    case bot::Act::answer:
      return "answer";
    case bot::Act::suggest:
      return "suggest";
    case bot::Act::apologise:
      return "apologise";
    case bot::Act::handoff:
      return "handoff";
    case bot::Act::smalltalk:
      return "smalltalk";
    case bot::Act::wait:
      return "wait";
    case bot::Act::hours:
      return "hours";
    case bot::Act::ticket_status:
      return "ticket_status";
  }
  return "other";  // an act this file does not name yet (the compiler warns: name it above)
}

void log_turn(Context& c, const chat::Conversation& conv, const chat::Message& said, const bot::Heard& heard,
              const bot::Turn& turn) {
  auto t = record_of(c, conv, act_code(turn.act));
  t.question = said.body;
  t.question_seq = said.seq;
  if (turn.answer) t.faq_id = turn.answer->faq_id;
  t.guesses.assign(heard.guesses.begin(), heard.guesses.begin() + std::min(heard.guesses.size(), bot::kLoggedGuesses));
  t.confidence = heard.confidence;
  t.handoff = turn.act == bot::Act::handoff ? turn.handoff : "";
  t.unanswered = bot::leaves_question(t.act, t.handoff, t.question);
  turns(c).insert_turn(t);
  if (turn.act == bot::Act::handoff) turns(c).mark_handed_over(conv.id);
}

void log_verdict(Context& c, int64_t conversation_id, int64_t answer_seq, bool solved) {
  turns(c).set_verdict(conversation_id, answer_seq, solved ? "solved" : "unsolved");
}

void log_handoff(Context& c, const chat::Conversation& conv, const std::string& reason) {
  if (conv.status != "bot") return;  // with people already: no handoff happens
  auto t = record_of(c, conv, "handoff");
  t.handoff = reason;
  turns(c).insert_turn(t);
  turns(c).mark_handed_over(conv.id);
}

}  // namespace kefu::app
