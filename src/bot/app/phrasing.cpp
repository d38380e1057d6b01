#include "bot/app/phrasing.hpp"

#include "chat/app/chat_settings.hpp"
#include "chat/storage/conversation_store.hpp"

namespace kefu::app {

bool phrases(Context& c, int64_t conversation_id) {
  const auto conv = c.store<storage::ConversationStore>().conversation(conversation_id);
  return conv && conv->status == "bot" && chat_settings(c, conv->store_id).generative.enabled;
}

std::optional<Phrased> phrase_before(Context& c, const Knowledge& knowledge, const Phraser& phraser,
                                     int64_t conversation_id, std::string_view text) {
  const auto conv = c.store<storage::ConversationStore>().conversation(conversation_id);
  if (!conv || conv->status != "bot") return std::nullopt;
  const auto settings = chat_settings(c, conv->store_id);
  if (!settings.generative.enabled) return std::nullopt;
  const auto heard = heard_by_bot(knowledge, text, conv->store_id);
  const auto t = thresholds_of(settings);
  const auto turn = bot::decide(heard, bot_state(c, conv->id), t);
  // The entries the bot would use, best first: the answer and the other guesses good
  // enough to offer, or the guesses offered.
  std::vector<bot::Guess> guesses;
  if (turn.act == bot::Act::answer) {
    guesses.push_back(*turn.answer);
    for (const auto& g : heard.guesses)
      if (g.faq_id != turn.answer->faq_id && g.score >= t.suggest) guesses.push_back(g);
  }
  if (turn.act == bot::Act::suggest) guesses = turn.suggestions;
  std::vector<bot::Source> sources;
  for (const auto& g : guesses)
    if (auto answer = knowledge.answer(g.faq_id, conv->store_id); answer && sources.size() < bot::kMaxPhrasingEntries)
      sources.push_back({g.faq_id, g.question, *answer});
  if (sources.empty()) return std::nullopt;
  auto reply = phraser.complete(settings.generative, bot::phrasing_prompt(text, sources));
  if (!reply) return std::nullopt;
  auto cites = bot::cited(*reply, sources);
  if (cites.empty()) return std::nullopt;  // uncited: it may say what no entry says
  for (auto& s : sources) s.answer.clear();
  return Phrased{std::string(text), std::move(sources), std::move(*reply), std::move(cites)};
}

}  // namespace kefu::app
