#pragma once
// The FAQ matcher (知识库匹配): which published FAQ entries answer a customer's question,
// and how sure it is. Pure: no storage, clock or I/O; the caller (kb/app) loads the KB,
// times the build, stores the saved model and decides per store what is visible.
//
// Pipeline for one query (see analyzer.hpp, bm25.hpp, features.hpp, model.hpp):
//   analyze → BM25 over words and over character n-grams, one document per entry (the
//   union of its standard, similar and learned questions) → the two rankings fused by
//   reciprocal rank → the top 30 entries re-ranked by the learned model, which scores the
//   query against each of an entry's questions (an entry's score = its best question's
//   probability) → confidence of the top item, calibrated on the training queries.
//
// Learning happens in build(): from the KB itself (each similar question is a query whose
// answer is its own entry, the other entries retrieved for it are negatives; plus, seeded,
// shortened copies of questions when the KB has few similar questions), from imported
// paraphrase pairs, and from usage signals (a query a customer clicked/confirmed or an
// agent linked to an entry: indexed as a learned question of that entry and used as a
// training query). What is learned: the weights of the pair features and a weight per
// word that decides between questions (features.hpp, TokenWeights). Same inputs and
// seed → the same model, bit for bit. Reversible: build again without a signal or pair.
//
// Typical use: at publish, build() (seconds for 10,000 entries), store save() with the
// KB version; at startup or on another node, load() with the same snapshot (no training).
//
// Thread safety: a built Matcher is immutable; match() and duplicates() are const and
// may run on many threads at once (per-thread scratch buffers).
//
// Errors: build() and load() throw std::invalid_argument for a bad input (duplicate
// faq_id, a signal naming an unknown entry) and load() for a model it cannot read;
// match() never throws for any UTF-8 or non-UTF-8 input (only its first 1,000 bytes count).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text/segmenter.hpp"
#include "kb/domain/analyzer.hpp"
#include "kb/domain/bm25.hpp"
#include "kb/domain/features.hpp"
#include "kb/domain/model.hpp"
#include "kb/domain/t2s.hpp"

namespace kefu::kb {

// One published FAQ entry, as far as matching cares.
struct FaqDoc {
  std::int64_t faq_id = 0;
  std::string question;              // standard question (标准问)
  std::vector<std::string> similar;  // similar questions (相似问法)
  std::vector<std::string> keywords;
};

// An imported paraphrase pair: do a and b ask the same thing?
struct ParaphrasePair {
  std::string a, b;
  bool same = false;
};

// Learned from use: query answered by faq_id (a clicked suggestion, an answer confirmed
// as helpful, a handed-over question an agent linked). Signals naming entries that are
// not in the KB are an error (filter them out when an entry is unpublished).
struct UsageSignal {
  std::string query;
  std::int64_t faq_id = 0;
};

// What is indexed: the entries, the admin's synonym groups, the usage signals.
struct KbSnapshot {
  std::vector<FaqDoc> docs;
  SynonymGroups synonyms;
  std::vector<UsageSignal> signals;
};

// The text tools, loaded once at startup and shared by every build.
struct TextTools {
  std::shared_ptr<const text::Segmenter> segmenter;  // Segmenter::load(KEFU_JIEBA_DICT) or builtin()
  std::shared_ptr<const T2s> t2s;                    // T2s::load(); null: no traditional → simplified
};

struct MatchItem {
  std::int64_t faq_id = 0;
  std::string question;  // the entry's standard question
  std::string matched;   // the entry's question (standard, similar or learned) that matched best
  float score = 0;       // [0, 1]: probability that matched asks the same as the query
  // [0, 1]: that this entry is the one that answers the query, calibrated like the
  // confidence (the entry's logit against the best other candidate's); for items[0] it is
  // the confidence. The score says the questions are alike, which near-topic questions of
  // different entries all are; this says which entry wins.
  float probability = 0;
};

struct MatchResult {
  std::vector<MatchItem> items;  // best first, at most top_k
  float confidence = 0;          // [0, 1]: that items[0] answers the query (0 when empty)
};

// Which entries a caller may see (a store's published entries); empty: all.
using FaqFilter = std::function<bool(std::int64_t faq_id)>;

// How far down the pipeline to go (evaluation compares them; the product uses kReranked).
enum class Stage { kWords, kFused, kReranked };

// What build() learned from, for the admin's "what was learned" view.
struct TrainingReport {
  std::size_t kb_queries = 0;      // similar questions used as queries
  std::size_t signal_queries = 0;  // usage signals used as queries
  std::size_t pseudo_queries = 0;  // shortened copies of questions
  std::size_t pairs = 0;           // imported paraphrase pairs
  std::size_t samples = 0;         // pair rows the model was fitted on
  std::size_t positives = 0;
  double heldout_top1 = 0;  // top-1 of the training queries, each scored by the model of the other fold
};

struct Duplicate {
  std::int64_t a = 0, b = 0;  // a < b
  float score = 0;            // the smaller share of one's questions the other entry takes
};

class Matcher {
 public:
  // Indexes kb and trains the re-ranker from kb, pairs and kb.signals (seeded).
  static Matcher build(const TextTools& tools, const KbSnapshot& kb, const std::vector<ParaphrasePair>& pairs,
                       std::uint64_t seed);
  // Indexes kb and uses a model saved by save() (no training): a restart or another node.
  static Matcher load(const TextTools& tools, const KbSnapshot& kb, std::string_view saved_model);

  // top_k is clamped to [1, 50].
  MatchResult match(std::string_view query, int top_k = 3, const FaqFilter& filter = {},
                    Stage stage = Stage::kReranked) const;

  // Pairs of entries that ask the same thing, best first, with score = the smaller of a's
  // share in b and b's share in a (both ways: a general entry takes a specific one's
  // questions without being its duplicate): the part of an entry's questions that, asked with
  // themselves left out, the other entry scores at least as high as what is left of their
  // own entry; pairs with score >= threshold. Entries with a single question
  // are not asked. Runs every indexed question as a query (and scores the candidates
  // against it): O(questions) matches.
  std::vector<Duplicate> duplicates(float threshold) const;

  // Probability that a and b ask the same thing (the re-ranker on one pair of texts, with
  // this KB's token statistics): for grouping unanswered questions, and for evaluation.
  float similarity(std::string_view a, std::string_view b) const;

  std::string save() const { return model_.save(); }
  const RerankModel& model() const { return model_; }
  const TrainingReport& report() const { return report_; }
  std::size_t entry_count() const { return entries_.size(); }
  std::size_t question_count() const { return rows_.size(); }

  // Internal, used by training (matcher_training.cpp).
  struct Candidate {
    std::uint32_t entry;
    float fused;                 // reciprocal-rank score
    float best_logit = 0;        // after re-ranking
    std::uint32_t best_row = 0;  // the row behind best_logit
  };
  struct Row {
    std::uint32_t entry;
    Prepared p;
    bool learned = false;  // from a usage signal
    bool standard = false;
  };

 private:
  struct Entry {
    std::int64_t faq_id;
    std::string question;
    std::vector<std::uint32_t> rows;
  };

  Matcher() = default;
  void index(const TextTools& tools, const KbSnapshot& kb);
  void train(const std::vector<ParaphrasePair>& pairs, std::uint64_t seed);
  // The fused candidates for q, best first (at most limit); rows in exclude_row skipped.
  std::vector<Candidate> retrieve(const Prepared& q, std::size_t limit, Stage stage, const FaqFilter& filter,
                                  std::int64_t exclude_row) const;
  // Features of q against every row of entry (except exclude_row), in the entry's row order.
  void entry_features(const Prepared& q, std::uint32_t entry, std::int64_t exclude_row, const TokenWeights& learned,
                      std::vector<std::pair<std::uint32_t, Features>>& out) const;
  MatchResult rerank(const Prepared& q, std::vector<Candidate> candidates, std::size_t top_k, Stage stage) const;

  std::shared_ptr<const Analyzer> analyzer_;
  std::vector<Entry> entries_;
  std::vector<Row> rows_;
  std::unordered_map<std::int64_t, std::uint32_t> by_id_;
  Bm25Index words_, grams_;
  RerankModel model_;
  TrainingReport report_;
};

}  // namespace kefu::kb
