#include "kb/app/knowledge.hpp"

#include <algorithm>

#include <chrono>

#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "kb/app/kb_access.hpp"
#include "kb/app/kb_learning.hpp"
#include "kb/storage/faq_store.hpp"
#include "kb/storage/kb_catalog_store.hpp"
#include "kb/storage/kb_learning_store.hpp"
#include "org/storage/org_store.hpp"

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
  const auto started = std::chrono::steady_clock::now();
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
      a.question = e.content.question;
      a.common = e.content.answer;
      a.external_id = e.external_id;
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
  // What was learned, for the entries in force (a signal for an entry out of force waits).
  auto& learned = stores.get<storage::KbLearningStore>();
  for (const auto& g : learned.active_signals())
    if (out->answers.count(g.entry_id)) kb.signals.push_back({g.query, g.entry_id});
  std::vector<kb::ParaphrasePair> pairs;
  for (const auto& p : learned.active_pairs()) pairs.push_back({p.a, p.b, p.same});
  out->entries = kb.docs.size();
  out->signals = kb.signals.size();
  out->pairs = pairs.size();
  if (!kb.docs.empty()) out->matcher = std::make_shared<const kb::Matcher>(kb::Matcher::build(tools, kb, pairs, kSeed));
  out->build_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
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

void KbKnowledge::learn(Context& c, const std::string& query, int64_t faq_id, std::string_view source, int64_t store_id,
                        int64_t conversation_id) const {
  record_customer_signal(c, query, faq_id, source, store_id, conversation_id);
}

KnowledgeMatch KbKnowledge::match(std::string_view question, std::optional<int64_t> store_id, int top_k) const {
  KnowledgeMatch out;
  const auto s = current();
  if (!s || !s->matcher) return out;
  const auto result = s->matcher->match(question, std::clamp(top_k, 1, 10));
  for (const auto& item : result.items) {
    const auto& a = s->answers.at(item.faq_id);
    const auto v = store_id ? a.by_store.find(*store_id) : a.by_store.end();
    out.items.push_back({item.faq_id, a.external_id, item.question, item.score, item.probability,
                         v != a.by_store.end() ? v->second : a.common});
  }
  out.confidence = result.confidence;
  return out;
}

KnowledgeMatch match_faqs(Context& c, const KbKnowledge* knowledge, const MatchInput& in) {
  kb_access::reader(c);
  check_text("question", in.question, kb::kMaxQuestion, true);
  if (in.top_k < 1 || in.top_k > 10)
    throw make_error(errors::kInvalidField, {{"field", "top_k"}, {"problem", Text("应为 1–10", "must be 1–10")}},
                     "top_k");
  if (in.store_id && !c.store<storage::OrgStore>().store_exists(*in.store_id))
    throw make_error(errors::kUnknownReference, {{"what", Text("门店", "store")}}, "store_id");
  if (!knowledge) return {};
  return knowledge->match(in.question, in.store_id, static_cast<int>(in.top_k));
}

}  // namespace kefu::app
