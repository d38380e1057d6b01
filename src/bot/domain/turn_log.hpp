#pragma once
// The bot turn log (机器人运营): one record per turn of the bot — what the customer asked,
// what the bot did and why — and what came of it afterwards: the customer's verdict on an
// answer, a handoff later in the same conversation, and whether an admin has dealt with
// the question it could not answer. Plain values; the figures made of them are in
// ops_report.hpp, the grouping of unanswered questions in clusters.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/domain/turn.hpp"

namespace kefu::bot {

// At most this many of the matcher's guesses are kept with a turn.
inline constexpr std::size_t kLoggedGuesses = 5;

struct TurnRecord {
  int64_t id = 0;
  int64_t conversation_id = 0;
  int64_t store_id = 0;
  std::string queue;
  int64_t created_at = 0;
  std::string question;      // the customer's message as typed ("" for a handoff by the button)
  int64_t question_seq = 0;  // its number in the conversation; 0 when no message led to the turn
  // answer | suggest | apologise | handoff, and whatever acts the bot learns later: a free
  // code, never checked against a list here.
  std::string act;
  std::optional<int64_t> faq_id;  // the entry answered with (act answer)
  std::vector<Guess> guesses;     // the matcher's best, at most kLoggedGuesses
  double confidence = 0;          // the matcher's, in [0, 1]
  std::string handoff;            // act handoff: asked | angry | unresolved
  std::string verdict;            // "" | solved | unsolved (the customer's, on an answer)
  bool handed_over = false;       // a handoff happened at or after this turn, same conversation
  // A question the bot could not answer (leaves_question(), or an answer marked 未解决)
  // waiting for an admin; false once handled or for any other turn.
  bool unanswered = false;
  std::string handled;  // "" | resolved | dismissed
  std::optional<int64_t> handled_at;
  std::optional<int64_t> handled_by;
};

// Whether a turn leaves an unanswered question behind: guesses offered, an apology, or a
// handoff because the bot failed once more on the customer's question (not a handoff they
// asked for, nor an angry one: the bot was not asked a question it lacked).
inline bool leaves_question(const std::string& act, const std::string& handoff = "", const std::string& question = "") {
  if (act == "handoff") return handoff == "unresolved" && !question.empty();
  return act == "suggest" || act == "apologise";
}

}  // namespace kefu::bot
