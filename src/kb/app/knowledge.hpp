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
#include <unordered_map>

#include "bot/app/bot.hpp"
#include "core/storage/stores.hpp"
#include "kb/domain/matcher.hpp"

namespace kefu::app {

struct KnowledgeSnapshot {
  std::shared_ptr<const kb::Matcher> matcher;  // null: no entry in force
  struct Answers {
    std::string common;
    std::unordered_map<int64_t, std::string> by_store;
  };
  std::unordered_map<int64_t, Answers> answers;  // faq_id → its answers
  // Small talk (寒暄): the pattern as analyzer reads it → the reply.
  std::shared_ptr<const kb::Analyzer> analyzer;
  std::unordered_map<std::string, std::string> small_talk;
  int64_t built_at = 0;
  int64_t next_change_at = 0;  // the next valid_from / valid_to after built_at (0: none)
  std::size_t entries = 0;
};

// Reads the knowledge base and builds a snapshot as of `now`.
std::shared_ptr<const KnowledgeSnapshot> build_knowledge(storage::Stores&, const kb::TextTools&, int64_t now);

class KbKnowledge final : public Knowledge {
 public:
  void set(std::shared_ptr<const KnowledgeSnapshot>);
  std::shared_ptr<const KnowledgeSnapshot> current() const;

  bot::Heard hear(std::string_view text, int64_t store_id) const override;
  std::optional<std::string> answer(int64_t faq_id, int64_t store_id) const override;
  double similarity(std::string_view a, std::string_view b) const override;
  bool ready() const override;
  std::optional<std::string> small_talk(std::string_view text) const override;
  std::string canonical(std::string_view text) const override;

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const KnowledgeSnapshot> snapshot_;
};

}  // namespace kefu::app
