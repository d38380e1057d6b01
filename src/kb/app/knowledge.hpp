#pragma once
// What the FAQ bot knows (app::Knowledge, bot/app/bot.hpp), from the knowledge base: the
// published customer entries in force, indexed by the matcher (kb/domain/matcher.hpp)
// with the admin's synonym groups, and each entry's answers (its own and each store's).
//
// A snapshot is built from the database at once (build_knowledge) and then only read, by
// any number of threads; KbKnowledge holds the current one and swaps in a new one when the
// knowledge base changes (publish, import, synonyms) or an entry's validity starts or ends.
// Building 10,000 entries takes ~2 s of one core (docs/benchmarks.md), so it runs off the
// request path: the old snapshot answers until the new one is ready.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "bot/app/bot.hpp"
#include "core/storage/stores.hpp"
#include "kb/domain/matcher.hpp"

namespace kefu::app {

struct KnowledgeSnapshot {
  std::shared_ptr<const kb::Matcher> matcher;  // null: no entry in force
  struct Answers {
    std::string question;  // the standard question
    std::string common;
    std::unordered_map<int64_t, std::string> by_store;
    std::optional<std::string> external_id;
  };
  std::unordered_map<int64_t, Answers> answers;  // faq_id → its answers
  // Small talk (寒暄): the pattern as analyzer reads it → the reply.
  std::shared_ptr<const kb::Analyzer> analyzer;
  std::unordered_map<std::string, std::string> small_talk;
  int64_t built_at = 0;
  int64_t next_change_at = 0;  // the next valid_from / valid_to after built_at (0: none)
  std::size_t entries = 0;
  std::size_t signals = 0, pairs = 0;  // what was learned from besides the entries
  int64_t build_ms = 0;                // how long the build took
};

// The matcher's answer for an integration (POST /api/v1/kb/match).
struct KnowledgeMatch {
  struct Item {
    int64_t faq_id = 0;
    std::optional<std::string> external_id;
    std::string question;
    double score = 0;
    double probability = 0;  // that this entry is the one (calibrated; kb::MatchItem)
    std::string answer;      // the store's (its variant, else the entry's own), Markdown
  };
  std::vector<Item> items;
  double confidence = 0;
};

// Reads the knowledge base and builds a snapshot as of `now`.
std::shared_ptr<const KnowledgeSnapshot> build_knowledge(storage::Stores&, const kb::TextTools&, int64_t now);

// Entries whose questions match each other (GET /api/v1/kb/duplicates), found over one
// snapshot. Finding them runs every indexed question as a query (~18 s of one core at
// 10,000 entries, docs/benchmarks.md), so it runs in the background on request and is kept
// until the snapshot changes.
struct KnowledgeDuplicates {
  enum class Status { none, computing, ready } status = Status::none;
  int64_t built_at = 0;              // of the snapshot the list is for
  int64_t computed_ms = 0;           // how long finding them took
  std::vector<kb::Duplicate> items;  // score ≥ kDuplicateFloor, best first
};
inline constexpr float kDuplicateFloor = 0.2f;  // the lowest min_score offered

class KbKnowledge final : public Knowledge {
 public:
  ~KbKnowledge() override;
  void set(std::shared_ptr<const KnowledgeSnapshot>);
  std::shared_ptr<const KnowledgeSnapshot> current() const;

  bot::Heard hear(std::string_view text, int64_t store_id) const override;
  std::optional<std::string> answer(int64_t faq_id, int64_t store_id) const override;
  double similarity(std::string_view a, std::string_view b) const override;
  bool ready() const override;
  std::optional<std::string> small_talk(std::string_view text) const override;
  std::string canonical(std::string_view text) const override;
  void learn(Context&, const std::string& query, int64_t faq_id, std::string_view source, int64_t store_id,
             int64_t conversation_id) const override;

  // The entries best matching the question (top_k clamped to [1, 10]) with their answers for
  // the store (none: each entry's own).
  KnowledgeMatch match(std::string_view question, std::optional<int64_t> store_id, int top_k) const;

  // The duplicates of the current snapshot: ready when found for it; otherwise starts
  // finding them (one search at a time) and says computing (or none when nothing is known).
  KnowledgeDuplicates duplicates() const;

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const KnowledgeSnapshot> snapshot_;
  mutable KnowledgeDuplicates duplicates_;  // under mu_
  mutable std::thread finder_;              // the search in progress (or done, to be joined)
};

// POST /api/v1/kb/match: staff with kb:read ask what the bot would find. `knowledge` null
// or still building: no items. The question is required (≤ 200 characters, like an entry's);
// top_k in [1, 10]; a store that does not exist is unknown_reference. Answers are what every
// customer of the store reads, so any store may be named.
struct MatchInput {
  std::string question;
  std::optional<int64_t> store_id;
  int64_t top_k = 3;
};
KnowledgeMatch match_faqs(Context&, const KbKnowledge* knowledge, const MatchInput&);

}  // namespace kefu::app
