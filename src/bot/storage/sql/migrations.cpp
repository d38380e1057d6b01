// The schema of the FAQ bot's operations: the bot turn log (bot/domain/turn_log.hpp), one
// row per turn of the bot, updated by what followed it. The matcher's guesses are JSON text
// ([{faq_id, question, score}]); confidence is kept in millionths (the schema has no
// floating-point columns). faq_id is not a reference: the log outlives a deleted entry.
#include "bot/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kBot[] = {
    {.number = 1, .sql = R"SQL(
CREATE TABLE bot_turns(
  id {id}, conversation_id {int} NOT NULL REFERENCES conversations(id), store_id {int} NOT NULL REFERENCES stores(id),
  queue TEXT NOT NULL, created_at {int} NOT NULL, question TEXT NOT NULL, question_seq {int} NOT NULL,
  act TEXT NOT NULL, faq_id {int}, guesses TEXT NOT NULL, confidence_ppm {int} NOT NULL, handoff TEXT NOT NULL,
  verdict TEXT NOT NULL, handed_over {int} NOT NULL, unanswered {int} NOT NULL, handled TEXT NOT NULL,
  handled_at {int}, handled_by {int} REFERENCES staff(id));
CREATE INDEX bot_turns_store_time ON bot_turns(store_id, created_at);
CREATE INDEX bot_turns_conversation ON bot_turns(conversation_id, question_seq);
CREATE INDEX bot_turns_unanswered ON bot_turns(store_id, created_at) WHERE unanswered = 1;
CREATE INDEX bot_turns_handoffs ON bot_turns(created_at) WHERE act = 'handoff';
)SQL"},
};

constexpr CountedTable kTables[] = {{"bot_turns"}};

}  // namespace

SchemaModule bot_schema() { return {"bot", kBot, kTables}; }

}  // namespace kefu::storage::sql
