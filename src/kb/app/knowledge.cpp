#include "kb/app/knowledge.hpp"

#include <algorithm>

#include "kb/storage/faq_store.hpp"
#include "kb/storage/kb_catalog_store.hpp"

namespace kefu::app {
namespace {

constexpr int kPage = 1000;
constexpr std::uint64_t kSeed = 20261204;  // training is deterministic: the same KB, the same model
constexpr int kGuesses = 5;                // what the bot weighs (it offers at most 3)

// The next moment after `now` at which an entry's validity starts or ends (0: none).
int64_t next_change(const kb::Faq& f, int64_t now, int64_t known) {
  for (auto at : {f.content.valid_from, f.content.valid_to})
    if (at && *at > now && (known == 0 || *at < known)) known = *at;
  return known;
}

}  // namespace

std::shared_ptr<const KnowledgeSnapshot> build_knowledge(storage::Stores& stores, const kb::TextTools& tools,
                                                         int64_t now) {
  auto out = std::make_shared<KnowledgeSnapshot>();
  out->built_at = now;
  kb::KbSnapshot kb;
  auto& faqs = stores.get<storage::FaqStore>();
  storage::FaqFilter f{.status = std::string("published"), .audience = std::string("customer"), .limit = kPage};
  for (;;) {
    const auto page = faqs.faqs(f);
    for (const auto& e : page) {
      out->next_change_at = next_change(e, now, out->next_change_at);
      if (!kb::in_force(e, now)) continue;
      kb.docs.push_back({e.id, e.content.question, e.content.similar, e.content.keywords});
      auto& a = out->answers[e.id];
      a.common = e.content.answer;
      for (const auto& [store, text] : e.variants) a.by_store[store] = text;
    }
    if (static_cast<int>(page.size()) < kPage) break;
    f.after_id = page.back().id;
  }
  auto& catalog = stores.get<storage::KbCatalogStore>();
  for (const auto& g : catalog.synonyms()) kb.synonyms.push_back(g.words);
  out->analyzer =
      std::make_shared<const kb::Analyzer>(tools.segmenter, tools.t2s, kb.synonyms, std::vector<std::string>{});
  for (const auto& t : catalog.small_talk())
    if (auto key = out->analyzer->analyze(t.pattern).text; !key.empty()) out->small_talk.emplace(key, t.reply);
  out->entries = kb.docs.size();
  if (!kb.docs.empty()) out->matcher = std::make_shared<const kb::Matcher>(kb::Matcher::build(tools, kb, {}, kSeed));
  return out;
}

void KbKnowledge::set(std::shared_ptr<const KnowledgeSnapshot> s) {
  std::lock_guard lock(mu_);
  snapshot_ = std::move(s);
}

std::shared_ptr<const KnowledgeSnapshot> KbKnowledge::current() const {
  std::lock_guard lock(mu_);
  return snapshot_;
}

bot::Heard KbKnowledge::hear(std::string_view text, int64_t) const {
  const auto s = current();
  bot::Heard heard;
  if (!s || !s->matcher) return heard;
  const auto result = s->matcher->match(text, kGuesses);
  for (const auto& item : result.items) heard.guesses.push_back({item.faq_id, item.question, item.score});
  heard.confidence = result.confidence;
  return heard;
}

std::optional<std::string> KbKnowledge::answer(int64_t faq_id, int64_t store_id) const {
  const auto s = current();
  if (!s) return std::nullopt;
  auto it = s->answers.find(faq_id);
  if (it == s->answers.end()) return std::nullopt;
  if (auto v = it->second.by_store.find(store_id); v != it->second.by_store.end()) return v->second;
  return it->second.common;
}

double KbKnowledge::similarity(std::string_view a, std::string_view b) const {
  const auto s = current();
  return s && s->matcher ? s->matcher->similarity(a, b) : 0.0;
}

bool KbKnowledge::ready() const { return current() != nullptr; }

std::optional<std::string> KbKnowledge::small_talk(std::string_view text) const {
  const auto s = current();
  if (!s || !s->analyzer || s->small_talk.empty()) return std::nullopt;
  auto it = s->small_talk.find(s->analyzer->analyze(text).text);
  if (it == s->small_talk.end()) return std::nullopt;
  return it->second;
}

std::string KbKnowledge::canonical(std::string_view text) const {
  const auto s = current();
  return s && s->analyzer ? s->analyzer->analyze(text).text : std::string();
}

}  // namespace kefu::app
