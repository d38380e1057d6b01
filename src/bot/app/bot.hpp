#pragma once
// The FAQ bot in a live-chat conversation (智能客服). A store's settings name the queues it
// answers first (chat settings' bot_queues); such a chat starts in status `bot`, and each
// customer message gets the bot's turn (bot/domain/turn.hpp) in the same write: an answer
// from the knowledge base (with 已解决 / 未解决), up to three guesses (您是不是想问), or an
// apology; asking for a person, anger or two failures in a row hand the chat to its queue
// with the whole transcript and the bot's guesses (chat's hand_over).
//
// The bot's words are messages from sender `bot`, kind `bot`, whose body is JSON:
//   {"act":"answer","faq_id":7,"question":"停车怎么收费","answer":"…"}
//   {"act":"suggest","text":"您是不是想问：","suggestions":[{"faq_id":7,"question":"…"}]}
//   {"act":"apologise","text":"…"}
//   {"act":"smalltalk","text":"您好！"}                       the KB's small talk (寒暄)
//   {"act":"wait","text":"正在准备，请稍候再问"}              the knowledge is still being built
//   {"act":"hours","text":"今天（…）营业时间 10:00–22:00。…","today":{…},"open_now":b,…}
//   {"act":"ticket_status","found":b,"number":"KF…","status":"…","status_zh":"…","text":"…"}
// With generative answers on (bot/app/phrasing.hpp), an answer or suggest also carries
// "generated":"…[1]…","cites":[7],"sources":[{"faq_id":7,"question":"…"}].
// Small talk, waiting, hours and ticket status are asides: not failures, and they do not
// break a row of failures (bot/domain/turn.hpp).
// and the customer's verdict on an answer is an event {"event":"bot_feedback","seq":N,"solved":b}.
// The bot's state is that history replayed (bot::replay), so nothing else is stored.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/domain/phrasing.hpp"
#include "bot/domain/turn.hpp"
#include "chat/app/conversations.hpp"
#include "chat/domain/settings.hpp"
#include "core/app/context.hpp"

namespace kefu::app {

// What the bot knows: the knowledge base's matcher and its answers (the kb capability
// provides one built from the store's published FAQs).
class Knowledge {
 public:
  virtual ~Knowledge() = default;
  // The store's entries that best match the text, best first, with the confidence that the
  // first is right (anger is the bot's to add).
  virtual bot::Heard hear(std::string_view text, int64_t store_id) const = 0;
  // The entry's answer for the store (its own variant, else the common one); nullopt when
  // the entry is gone or not published.
  virtual std::optional<std::string> answer(int64_t faq_id, int64_t store_id) const = 0;
  // Probability in [0, 1] that a and b ask the same thing, by this knowledge's measure (the
  // matcher's re-ranker): for grouping the questions the bot could not answer. 0 when it
  // knows nothing.
  virtual double similarity(std::string_view, std::string_view) const { return 0; }
  // False while the knowledge is still being built (a node just started): the bot then
  // asks the customer to wait a moment instead of counting a failure.
  virtual bool ready() const { return true; }
  // The knowledge base's reply when the whole message is one of its small-talk patterns
  // (寒暄: 你好, 谢谢, 再见), both normalised as the matcher reads questions; nullopt else.
  virtual std::optional<std::string> small_talk(std::string_view) const { return std::nullopt; }
  // The text as the matcher normalises it (NFKC casefold, traditional → simplified,
  // synonyms; letters, digits and Chinese characters only): for the bot's own intents
  // (bot/domain/intents.hpp). Empty: the bot normalises it itself.
  virtual std::string canonical(std::string_view) const { return {}; }
  // The customer showed which entry answered their words: a guess they clicked (source
  // "clicked") or an answer they marked 已解决 ("confirmed"). Kept in the same write, for the
  // knowledge's next build; nothing by default.
  virtual void learn(Context&, const std::string& /*query*/, int64_t /*faq_id*/, std::string_view /*source*/,
                     int64_t /*store_id*/, int64_t /*conversation_id*/) const {}
};

// A bot message's words as plain text (a ticket's description, a preview): the answer,
// the guesses on one line, or the apology.
std::string bot_text(const chat::Message&);

// Knowledge with nothing in it: every question is unknown (the bot apologises and hands over).
const Knowledge& no_knowledge();

// A store's thresholds (chat settings' bot_answer and bot_suggest; the rest the defaults).
bot::Thresholds thresholds_of(const chat::Settings&);

// A generative phrasing made before the write (bot/app/phrasing.hpp).
struct Phrased {
  std::string question;              // the customer's text it was made for
  std::vector<bot::Source> sources;  // the entries given to the model, best first (answers left out)
  std::string text;                  // the model's reply
  std::vector<int64_t> cites;        // the entries it cites (never empty)
};

// What the caller of a turn knows besides the message.
struct TurnInput {
  std::string remote;  // the customer's address: the ticket-status throttle (as the tracking page's)
  std::optional<bot::Thresholds> thresholds;  // nullopt: the store's (thresholds_of its chat settings)
  std::optional<Phrased> phrased;             // generative answers: made before the write
};

// What the bot makes of a customer's message before its turn: the matcher's guesses, the
// anger signal, small talk, the KB's normalisation and whether the knowledge is ready.
bot::Heard heard_by_bot(const Knowledge&, std::string_view text, int64_t store_id);
// The conversation's bot state: its history replayed (bot::replay).
bot::State bot_state(Context&, int64_t conversation_id);

// The bot's turn after a customer message was stored (`said`); nothing when the
// conversation is not the bot's or the message was a retry. A message that repeats one of
// the bot's guesses word for word is a click: that entry answers, and the question it
// answered is learned.
void bot_turn(Context&, const Knowledge&, const storage::Appended& said, const TurnInput& = {});

// The customer's 已解决 / 未解决 on the answer numbered `seq`: unsolved twice in a row hands
// the chat over; 已解决 is learned (the question answered by that entry). 404-like
// invalid_chat_token for another conversation's token.
void bot_feedback(Context&, const Knowledge&, const std::string& token, int64_t seq, bool solved,
                  std::optional<bot::Thresholds> = std::nullopt);

// The customer pressed 转人工: to people at once (reason `asked`).
chat::Conversation ask_for_person(Context&, const std::string& token);

}  // namespace kefu::app
