#pragma once
// The bot turn log (bot/domain/turn_log.hpp): written in the bot's own write, one row per
// turn, then updated by what follows (a verdict, a handoff, an admin's action); read for
// the bot's figures and the list of questions it could not answer. See docs/bot.md.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bot/domain/ops_report.hpp"
#include "bot/domain/turn_log.hpp"
#include "core/storage/stores.hpp"

namespace kefu::storage {

// Which rows a report or a list reads: created_at in [from, to), the stores named (empty:
// every store).
struct BotLogRange {
  std::vector<int64_t> store_ids;
  int64_t from = 0;
  int64_t to = 0;
};

class BotTurnStore : public Store {
 public:
  static std::unique_ptr<BotTurnStore> open(Stores&);

  // Stores the turn (its id is ignored) and returns the new id.
  virtual int64_t insert_turn(const bot::TurnRecord&) = 0;
  // The conversation's turns, oldest first.
  virtual std::vector<bot::TurnRecord> turns_of(int64_t conversation_id) = 0;
  // The customer's verdict on the answer numbered `answer_seq`: it goes on the turn of the
  // latest question before it, when that turn was an answer. "unsolved" puts the question on
  // the unanswered list. False when there is no such answer.
  virtual bool set_verdict(int64_t conversation_id, int64_t answer_seq, const std::string& verdict) = 0;
  // A handoff happened: every turn of the conversation so far is marked handed_over.
  // Returns how many rows changed.
  virtual int mark_handed_over(int64_t conversation_id) = 0;

  // Unanswered questions not yet handled, newest first, at most `limit`.
  virtual std::vector<bot::TurnRecord> unanswered(const BotLogRange&, int limit) = 0;
  // Takes the unanswered questions with these exact texts (in the stores named; empty: any)
  // off the list: handled = resolved | dismissed, with when and who. Returns rows changed.
  virtual int mark_handled(const std::vector<int64_t>& store_ids, const std::vector<std::string>& questions,
                           const std::string& handled, int64_t at, int64_t by) = 0;

  // For the report, counted per store and quarter of an hour (bot/domain/ops_report.hpp):
  // conversations started (bot or not) …
  virtual std::vector<bot::QuarterCount> conversations_started(const BotLogRange&) = 0;
  // … bot conversations by when they started, with how many of them were handed over …
  virtual std::vector<bot::QuarterCount> bot_conversations(const BotLogRange&) = 0;
  // … handoffs by reason (key), by when they happened.
  virtual std::vector<bot::QuarterCount> handoffs(const BotLogRange&) = 0;
  // Answers per FAQ entry given in the range: verdicts and handoffs after them.
  virtual std::vector<bot::FaqCount> faq_counts(const BotLogRange&) = 0;
};

}  // namespace kefu::storage
