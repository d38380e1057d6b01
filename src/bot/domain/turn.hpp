#pragma once
// The bot's turn (智能客服): what it does with a customer's message, given what the FAQ
// matcher made of it. Pure: the matcher's guesses, the anger signal and the conversation's
// bot state go in; the act and the next state come out.
//
// The rules, in order (the first that applies decides):
//  1. The customer asks for a person (人工, 转人工, 找客服, 真人 …): hand over at once
//     (reason `asked`). Customers decide; the page's 转人工 button says the same.
//  2. The message is angry (anger ≥ Thresholds::anger): hand over (`angry`). An angry
//     customer is not given a FAQ.
//  Asides: turns that neither fail nor break the row of failures (the state is unchanged):
//  a. The message is small talk of the knowledge base (你好, 谢谢, 再见 — the whole message,
//     normalised like the KB): its reply (`smalltalk`).
//  b. It names a ticket number (bot/domain/intents.hpp): the ticket's status (`ticket_status`;
//     the app checks the phone and tracking code like the public tracking page).
//  c. It asks for the store's hours (营业时间, 几点关门 …), unless the matcher is confident
//     (≥ Thresholds::answer) of an entry that the message is more like than a plain hours
//     question (Heard::hours_likeness): today's hours from the store's business calendar
//     (`hours`, bot/domain/hours.hpp).
//  d. The knowledge is not ready (a node still building it): "please wait" (`wait`).
//  3. The bot has already failed `failures_before_handoff` − 1 times in a row and fails
//     again: hand over (`unresolved`). A failure is a turn without an answer (nothing
//     confident enough) or an answer the customer marked 未解决; an answer not marked so
//     breaks the row.
//  4. The top guess's confidence ≥ Thresholds::answer: answer with it (the customer is asked
//     已解决 / 未解决). The failure count starts again.
//  5. Confidence ≥ Thresholds::suggest: offer up to three guesses whose own score reaches
//     it too (您是不是想问), a failure. The gate is the calibrated confidence, not the scores:
//     a matcher's per-entry scores order the guesses but need not be calibrated.
//  6. Nothing: say so and offer a person, a failure.
// Confidence is the matcher's calibrated probability that its top guess is right
// (kb/domain), so the thresholds read as probabilities and a store may move them.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::bot {

struct Thresholds {
  double answer = 0.6;  // answer on its own at or above this confidence
  // Offer guesses at or above this confidence (and score). On the demo knowledge base,
  // questions it has nothing on came out at 0.22–0.24 and a short related one (几点关门) at
  // 0.43; a store moves it with its own data.
  double suggest = 0.3;
  double anger = 0.7;  // hand over at or above this anger
  int failures_before_handoff = 2;
};

struct Guess {
  int64_t faq_id = 0;
  std::string question;
  double score = 0;  // the matcher's score of this entry, in [0, 1]
};

// What the bot knows about one customer message.
struct Heard {
  std::string text;            // as typed
  std::vector<Guess> guesses;  // best first
  double confidence = 0;       // that guesses[0] is right, in [0, 1]
  double anger = 0;            // in [0, 1] (anger())
  // The text as the knowledge base normalises it (Knowledge::canonical); empty: the
  // plain normalised text is used.
  std::string canonical;
  std::optional<std::string> small_talk;  // the KB's reply when the message is small talk
  bool ready = true;                      // false: the knowledge is still being built
  // How alike the message is to a plain question about the store's hours, by the matcher's
  // re-ranker (Knowledge::similarity against hours_prototypes()). An hours phrase gives way
  // to a confident top entry that scores higher (地下超市营业到几点 is the supermarket's
  // entry, not the store's calendar). 1: nothing to weigh it against.
  double hours_likeness = 1;
};

// The conversation's bot state, kept between turns.
struct State {
  int failures = 0;       // turns in a row the bot could not help
  int before_answer = 0;  // the row before the last answer: where 未解决 on it continues
  friend bool operator==(const State&, const State&) = default;
};

enum class Act { answer, suggest, apologise, handoff, smalltalk, ticket_status, hours, wait };

struct Turn {
  Act act = Act::apologise;
  std::optional<Guess> answer;     // Act::answer
  std::vector<Guess> suggestions;  // Act::suggest: at most kMaxSuggestions
  std::string handoff;             // Act::handoff: asked | angry | unresolved
  std::string reply;               // Act::smalltalk: the KB's reply
  State next;
};

inline constexpr std::size_t kMaxSuggestions = 3;

Turn decide(const Heard&, const State&, const Thresholds&);

// The customer's 已解决 / 未解决 on the last answer: solved starts the count again, unsolved
// makes the answer a failure in the row it interrupted. The caller hands over at once when
// the row reaches the limit (needs_person).
State on_feedback(State, bool solved);
// The bot answered: the row of failures pauses until the customer's verdict.
State answered(State);
bool needs_person(const State&, const Thresholds&);

// The conversation's bot state replayed from its history (oldest first): what the bot did
// and what the customer said of its answers. Stored nowhere else.
enum class Step { answered, failed, solved, unsolved, handed_over };
State replay(std::span<const Step>);

// Whether the customer asks for a person. The text as typed; matched on the normalised form
// (full width, case), so 转 人工 and 转人工 are the same.
bool asks_for_person(std::string_view text);

// A signal of anger in [0, 1] from the words and the punctuation of the message: strong
// complaint words (投诉, 骗子, 垃圾 …), insults, and shouting (！！！, ？？？). A signal, not a
// judgement: it only decides whether the bot steps aside.
double anger(std::string_view text);

}  // namespace kefu::bot
