#pragma once
// Generative answers (optional, per store: chat settings' `generative`). When the bot would
// answer or offer guesses, the customer's question and the matched entries' answers (top
// 3, bot/domain/phrasing.hpp) go to the store's OpenAI-compatible endpoint, and the bot's
// message carries the model's text (`generated`) and the entries it cites (`cites`).
//
// The call is slow (a model: seconds) and may fail, so it is made before the write, on no
// transaction and no io thread (chat/api runs phrase_before on its own small pool), and the
// write's turn uses it only if it still fits: the same question, the same act, the same
// top entry. Any error, a timeout or a reply that cites no entry: the plain answer.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/app/bot.hpp"
#include "bot/domain/phrasing.hpp"
#include "chat/domain/settings.hpp"

namespace kefu::app {

// An OpenAI-compatible chat endpoint (bot/api/chat_completions.hpp; a table in tests).
class Phraser {
 public:
  virtual ~Phraser() = default;
  // The model's reply to the prompt; nullopt on any error or after the endpoint's timeout.
  // Must not log the API key.
  virtual std::optional<std::string> complete(const chat::Generative&, const bot::Prompt&) const = 0;
};

// Whether the conversation is the bot's and its store has generative answers on: the
// caller's cheap check before it takes the slow path.
bool phrases(Context& reader, int64_t conversation_id);

// Before the write: the model's phrasing of what the bot would say to `text`; nullopt when
// the store has it off, the bot would not answer or suggest, or the model failed or cited
// nothing.
std::optional<Phrased> phrase_before(Context& reader, const Knowledge&, const Phraser&, int64_t conversation_id,
                                     std::string_view text);

}  // namespace kefu::app
