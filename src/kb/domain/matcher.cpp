#include "kb/domain/matcher.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "kb/domain/logistic.hpp"

namespace kefu::kb {
namespace {

// Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): score = Σ 1 / (k + rank).
// k = 60 is the paper's value, used unchanged; it makes the fusion insensitive to the
// two BM25 scales (word scores and n-gram scores are not comparable).
constexpr float kRrfK = 60;
// How deep each ranking goes into the fusion, and how many fused entries the re-ranker
// scores: deeper costs latency linearly; 30 keeps p99 under 1 ms at 10,000 entries
// (docs/benchmarks.md) while the correct entry is rarely below it when it is found at all.
constexpr std::size_t kFusionDepth = 100;
constexpr std::size_t kRerankDepth = 30;
constexpr int kMaxTopK = 50;

struct Scratch {
  std::vector<float> entries;  // a score per entry, zero between uses
  std::vector<std::uint32_t> touched_entries;
};

Scratch& scratch(std::size_t entries) {
  thread_local Scratch s;
  if (s.entries.size() < entries) s.entries.resize(entries, 0);
  return s;
}

inline bool better(const std::pair<float, std::uint32_t>& a, const std::pair<float, std::uint32_t>& b) {
  return a.first != b.first ? a.first > b.first : a.second < b.second;
}

}  // namespace

void Matcher::index(const TextTools& tools, const KbSnapshot& kb) {
  if (!tools.segmenter) throw std::invalid_argument("the matcher needs a segmenter");
  std::vector<std::string> keywords;
  for (const auto& doc : kb.docs) keywords.insert(keywords.end(), doc.keywords.begin(), doc.keywords.end());
  analyzer_ = std::make_shared<const Analyzer>(tools.segmenter, tools.t2s, kb.synonyms, keywords);

  const auto add_row = [&](std::uint32_t entry, std::string_view text, bool standard, bool learned) {
    Analysis a = analyzer_->analyze(text);
    if (a.chars.empty()) return;
    entries_[entry].rows.push_back(static_cast<std::uint32_t>(rows_.size()));
    rows_.push_back({entry, Prepared{std::move(a), {}, {}, 0, 0}, learned, standard});
  };
  for (const auto& doc : kb.docs) {
    const auto entry = static_cast<std::uint32_t>(entries_.size());
    if (!by_id_.emplace(doc.faq_id, entry).second) {
      throw std::invalid_argument("duplicate faq_id " + std::to_string(doc.faq_id));
    }
    entries_.push_back({doc.faq_id, doc.question, {}});
    add_row(entry, doc.question, true, false);
    for (const auto& s : doc.similar) add_row(entry, s, false, false);
  }
  for (const auto& signal : kb.signals) {
    const auto it = by_id_.find(signal.faq_id);
    if (it == by_id_.end()) throw std::invalid_argument("signal for unknown faq_id " + std::to_string(signal.faq_id));
    add_row(it->second, signal.query, false, true);
  }
  std::vector<const std::vector<Token>*> words, grams;
  for (const auto& entry : entries_) {
    words.clear(), grams.clear();
    for (std::uint32_t r : entry.rows) {
      words.push_back(&rows_[r].p.analysis.words);
      grams.push_back(&rows_[r].p.analysis.grams);
    }
    words_.add(words);
    grams_.add(grams);
  }
  words_.finalize();
  grams_.finalize();
  const FeatureContext ctx{words_, grams_};
  // The token lists live on in their weighed form (Prepared::words/grams) only.
  for (auto& row : rows_) {
    row.p = prepare(ctx, std::move(row.p.analysis));
    row.p.analysis.words = {};
    row.p.analysis.grams = {};
  }
}

Matcher Matcher::build(const TextTools& tools, const KbSnapshot& kb, const std::vector<ParaphrasePair>& pairs,
                       std::uint64_t seed) {
  Matcher m;
  m.index(tools, kb);
  m.train(pairs, seed);
  return m;
}

Matcher Matcher::load(const TextTools& tools, const KbSnapshot& kb, std::string_view saved_model) {
  auto model = RerankModel::parse(saved_model);
  if (!model) throw std::invalid_argument("unreadable or outdated matcher model: rebuild it");
  Matcher m;
  m.index(tools, kb);
  m.model_ = *model;
  return m;
}

std::vector<Matcher::Candidate> Matcher::retrieve(const Prepared& q, std::size_t limit, Stage stage,
                                                  const FaqFilter& filter, std::int64_t exclude_row) const {
  Scratch& s = scratch(entries_.size());
  // One ranking of entries per index. exclude_row: a training query's own question still
  // counts in its entry's document here (the union is not cheaply undone); its features
  // leave it out (entry_features).
  const auto ranking = [&](const Bm25Index& index, const Weighed& tokens) {
    s.touched_entries.clear();
    index.score(tokens, s.entries, s.touched_entries);
    std::vector<std::pair<float, std::uint32_t>> ranked;
    ranked.reserve(s.touched_entries.size());
    for (std::uint32_t e : s.touched_entries) {
      if (!filter || filter(entries_[e].faq_id)) ranked.emplace_back(s.entries[e], e);
      s.entries[e] = 0;
    }
    const std::size_t depth = std::min(ranked.size(), kFusionDepth);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(depth), ranked.end(),
                      [](const auto& a, const auto& b) { return better(a, b); });
    ranked.resize(depth);
    return ranked;
  };

  std::vector<Candidate> out;
  const auto by_words = ranking(words_, q.words);
  if (stage == Stage::kWords) {
    for (std::size_t i = 0; i < by_words.size() && out.size() < limit; ++i) {
      out.push_back({by_words[i].second, by_words[i].first});
    }
    return out;
  }
  const auto by_grams = ranking(grams_, q.grams);
  s.touched_entries.clear();
  for (const auto* list : {&by_words, &by_grams}) {
    for (std::size_t rank = 0; rank < list->size(); ++rank) {
      const std::uint32_t e = (*list)[rank].second;
      if (s.entries[e] == 0) s.touched_entries.push_back(e);
      s.entries[e] += 1 / (kRrfK + static_cast<float>(rank + 1));
    }
  }
  std::vector<std::pair<float, std::uint32_t>> fused;
  fused.reserve(s.touched_entries.size());
  for (std::uint32_t e : s.touched_entries) {
    fused.emplace_back(s.entries[e], e);
    s.entries[e] = 0;
  }
  const std::size_t depth = std::min(fused.size(), limit);
  std::partial_sort(fused.begin(), fused.begin() + static_cast<std::ptrdiff_t>(depth), fused.end(),
                    [](const auto& a, const auto& b) { return better(a, b); });
  for (std::size_t i = 0; i < depth; ++i) out.push_back({fused[i].second, fused[i].first});
  return out;
}

void Matcher::entry_features(const Prepared& q, std::uint32_t entry, std::int64_t exclude_row,
                             const TokenWeights& learned, std::vector<std::pair<std::uint32_t, Features>>& out) const {
  const FeatureContext ctx{words_, grams_, &learned};
  for (std::uint32_t r : entries_[entry].rows) {
    if (static_cast<std::int64_t>(r) == exclude_row) continue;
    out.emplace_back(r, pair_features(ctx, q, rows_[r].p));
  }
}

MatchResult Matcher::rerank(const Prepared& q, std::vector<Candidate> candidates, std::size_t top_k,
                            Stage stage) const {
  MatchResult result;
  if (stage == Stage::kReranked && !candidates.empty()) {
    std::vector<std::pair<std::uint32_t, Features>> feats;
    for (auto& c : candidates) {
      feats.clear();
      entry_features(q, c.entry, -1, model_.token_weights, feats);
      c.best_logit = -std::numeric_limits<float>::infinity();
      for (const auto& [row, f] : feats) {
        const float z = model_.logit(f);
        if (z > c.best_logit) c.best_logit = z, c.best_row = row;
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.best_logit > b.best_logit; });
    const float second = candidates.size() > 1 ? candidates[1].best_logit : -std::numeric_limits<float>::infinity();
    result.confidence = model_.confidence(candidates[0].best_logit, second);
  }
  for (std::size_t i = 0; i < candidates.size() && i < top_k; ++i) {
    const Candidate& c = candidates[i];
    const Entry& e = entries_[c.entry];
    const bool reranked = stage == Stage::kReranked;
    const std::uint32_t row = reranked ? c.best_row : e.rows.front();
    const float score = reranked ? static_cast<float>(sigmoid(c.best_logit)) : c.fused;
    float probability = score;
    if (reranked) {
      const float other =
          i == 0 ? (candidates.size() > 1 ? candidates[1].best_logit : -std::numeric_limits<float>::infinity())
                 : candidates[0].best_logit;
      probability = model_.confidence(c.best_logit, other);
    }
    result.items.push_back({e.faq_id, e.question, rows_[row].p.analysis.text, score, probability});
  }
  return result;
}

MatchResult Matcher::match(std::string_view query, int top_k, const FaqFilter& filter, Stage stage) const {
  const auto k = static_cast<std::size_t>(std::clamp(top_k, 1, kMaxTopK));
  Analysis a = analyzer_->analyze(query);
  if (a.chars.empty() || entries_.empty()) return {};
  const Prepared q = prepare(FeatureContext{words_, grams_}, std::move(a));
  const std::size_t depth = stage == Stage::kReranked ? std::max(k, kRerankDepth) : k;
  return rerank(q, retrieve(q, depth, stage, filter, -1), k, stage);
}

float Matcher::similarity(std::string_view a, std::string_view b) const {
  const FeatureContext ctx{words_, grams_, &model_.token_weights};
  const Prepared pa = prepare(ctx, analyzer_->analyze(a)), pb = prepare(ctx, analyzer_->analyze(b));
  if (pa.analysis.chars.empty() || pb.analysis.chars.empty()) return 0;
  return std::max(model_.probability(pair_features(ctx, pa, pb)), model_.probability(pair_features(ctx, pb, pa)));
}

std::vector<Duplicate> Matcher::duplicates(float threshold) const {
  // Each question of an entry is asked with itself left out (its entry keeps its other
  // questions). Another entry "takes" the question when the re-ranker scores it at least as
  // high as what is left of the question's own entry.
  // A's share in B is the part of A's questions B takes. Two entries that ask the same
  // thing take much of each other's questions (the matcher cannot tell them apart: that is
  // the sign); a single similar question that strays to a neighbour gives 1/n at most, and
  // only one way.
  std::unordered_map<std::uint64_t, float> across;  // (from, to) packed -> questions taken
  std::vector<std::uint32_t> asked(entries_.size(), 0);
  std::vector<std::pair<std::uint32_t, Features>> feats;
  const auto best_logit = [&](const Prepared& q, std::uint32_t entry, std::int64_t exclude) {
    feats.clear();
    entry_features(q, entry, exclude, model_.token_weights, feats);
    float z = -std::numeric_limits<float>::infinity();
    for (const auto& [row, f] : feats) z = std::max(z, model_.logit(f));
    return z;
  };
  for (std::uint32_t e = 0; e < entries_.size(); ++e) {
    if (entries_[e].rows.size() < 2) continue;  // nothing of its own would be left to match
    for (std::uint32_t r : entries_[e].rows) {
      if (rows_[r].learned) continue;
      ++asked[e];
      const Prepared& q = rows_[r].p;
      const float own = best_logit(q, e, r);
      for (const auto& c : retrieve(q, kRerankDepth, Stage::kFused, {}, r)) {
        if (c.entry == e) continue;
        const float z = best_logit(q, c.entry, -1);
        if (z >= own) across[(static_cast<std::uint64_t>(e) << 32) | c.entry] += 1;
      }
    }
  }
  // Both ways: a general entry (买的东西可以退吗) takes the questions of a specific one
  // (打折商品能退吗) without being its duplicate — that is a neighbour to word apart, and the
  // specific entry keeps its own questions. Duplicates take each other's.
  std::unordered_map<std::uint64_t, float> best;  // (a, b) packed, a < b -> the smaller share
  for (const auto& [key, sum] : across) {
    const auto from = static_cast<std::uint32_t>(key >> 32), to = static_cast<std::uint32_t>(key & 0xFFFFFFFF);
    if (from > to) continue;  // each pair once, from its smaller side
    const auto back = across.find((static_cast<std::uint64_t>(to) << 32) | from);
    if (back == across.end()) continue;
    best[key] = std::min(sum / static_cast<float>(asked[from]), back->second / static_cast<float>(asked[to]));
  }
  std::vector<Duplicate> out;
  for (const auto& [key, score] : best) {
    if (score < threshold) continue;
    const std::int64_t a = entries_[key >> 32].faq_id, b = entries_[key & 0xFFFFFFFF].faq_id;
    out.push_back({std::min(a, b), std::max(a, b), score});
  }
  std::sort(out.begin(), out.end(), [](const Duplicate& x, const Duplicate& y) {
    return x.score != y.score ? x.score > y.score : std::pair(x.a, x.b) < std::pair(y.a, y.b);
  });
  return out;
}

}  // namespace kefu::kb
