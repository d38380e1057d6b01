#pragma once
// The bot turn log's hooks (docs/bot.md): what bot.cpp calls, in the same write as the
// bot's words, so that a turn and its row commit together. Each is one line at its place in
// bot.cpp; everything else about the log is here and in bot/storage/.
#include <cstdint>
#include <string>

#include "bot/domain/turn.hpp"
#include "chat/domain/conversation.hpp"
#include "core/app/context.hpp"

namespace kefu::app {

// The bot's turn on the customer's message `said` in `conv` (still with the bot): what it
// heard and what it decided. A handoff marks every turn of the conversation handed over.
void log_turn(Context&, const chat::Conversation& conv, const chat::Message& said, const bot::Heard&, const bot::Turn&);

// The customer's 已解决 / 未解决 on the answer numbered `answer_seq`.
void log_verdict(Context&, int64_t conversation_id, int64_t answer_seq, bool solved);

// A handoff that no message of the customer led to (the 转人工 button: asked; two 未解决:
// unresolved): a turn of act handoff, and every turn before it marked handed over. Nothing
// when `conv` (as read before the handoff) is not with the bot.
void log_handoff(Context&, const chat::Conversation& conv, const std::string& reason);

// The log's name for an act of the bot (answer, suggest, apologise, handoff).
std::string act_code(bot::Act);

}  // namespace kefu::app
