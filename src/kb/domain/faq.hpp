#pragma once
// The knowledge base (知识库): FAQ entries and internal articles, their category tree,
// synonym groups (同义词) and small talk (寒暄). Plain values; the rules on them are below
// (which answer a store gets, whether an entry is in force at a time).
//
// An entry's content (question, similar questions, answer, keywords, audience, validity)
// is versioned: publishing copies the working content into the entry and keeps a version
// row; editing a published entry writes a draft beside it, which replaces the entry's
// content when it is published. The category and the per-store answers (variants) are not
// part of a draft: moving an entry and a store's own answer take effect at once (a
// version row records the variants as they were at its publication).
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kefu::kb {

// What a version keeps and a draft holds.
struct FaqContent {
  std::string question;               // the standard question (标准问)
  std::vector<std::string> similar;   // similar questions (相似问法)
  std::string answer;                 // Markdown (a small subset; rendered sanitised)
  std::vector<std::string> keywords;  // words the matcher should weigh
  std::string audience = "customer";  // customer | internal (staff only: SOPs, 话术, policies)
  std::optional<int64_t> valid_from;  // ms; none: from always
  std::optional<int64_t> valid_to;    // ms, exclusive; none: for ever
  friend bool operator==(const FaqContent&, const FaqContent&) = default;
};

struct FaqDraft {
  FaqContent content;
  int64_t updated_at = 0;
  int64_t updated_by = 0;
  friend bool operator==(const FaqDraft&, const FaqDraft&) = default;
};

struct Faq {
  int64_t id = 0;
  std::optional<std::string> external_id;  // unique when set (integrations, imports)
  std::optional<int64_t> category_id;
  std::string status = "draft";             // draft (never published) | published
  FaqContent content;                       // the published content (or the first draft's, before publication)
  int version = 0;                          // the number of the last published version; 0 before
  std::map<int64_t, std::string> variants;  // store_id → that store's own answer
  std::optional<FaqDraft> draft;            // pending changes of a published entry
  int64_t created_at = 0;
  int64_t created_by = 0;
  int64_t updated_at = 0;
  int64_t updated_by = 0;
  std::optional<int64_t> published_at;
  std::optional<int64_t> published_by;
  friend bool operator==(const Faq&, const Faq&) = default;
};

// One publication: who, when, and the content (with the variants of that moment).
struct FaqVersion {
  int64_t entry_id = 0;
  int version = 0;
  FaqContent content;
  std::map<int64_t, std::string> variants;
  int64_t published_at = 0;
  int64_t published_by = 0;
  friend bool operator==(const FaqVersion&, const FaqVersion&) = default;
};

struct Category {
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  std::string name;
  int position = 0;  // order among its siblings
  friend bool operator==(const Category&, const Category&) = default;
};

// Words that mean the same here (停车券 / 停车票; 退货 / 退款 / 退钱).
struct SynonymGroup {
  int64_t id = 0;
  std::vector<std::string> words;
  int64_t updated_at = 0;
  int64_t updated_by = 0;
  friend bool operator==(const SynonymGroup&, const SynonymGroup&) = default;
};

// Small talk (寒暄): a customer's pattern (你好, 谢谢, 再见) and the bot's reply.
struct SmallTalk {
  int64_t id = 0;
  std::string pattern;
  std::string reply;
  int64_t updated_at = 0;
  int64_t updated_by = 0;
  friend bool operator==(const SmallTalk&, const SmallTalk&) = default;
};

// The answer a store's customers get: the store's variant, else the entry's own.
inline const std::string& answer_for(const Faq& f, std::optional<int64_t> store_id) {
  if (store_id)
    if (auto it = f.variants.find(*store_id); it != f.variants.end()) return it->second;
  return f.content.answer;
}

// Published and within its validity at `now`.
inline bool in_force(const Faq& f, int64_t now) {
  if (f.status != "published") return false;
  if (f.content.valid_from && now < *f.content.valid_from) return false;
  if (f.content.valid_to && now >= *f.content.valid_to) return false;
  return true;
}

// Field limits, in characters.
inline constexpr std::size_t kMaxQuestion = 200;
inline constexpr std::size_t kMaxSimilar = 100;  // similar questions per entry
inline constexpr std::size_t kMaxAnswer = 20000;
inline constexpr std::size_t kMaxKeywords = 50;
inline constexpr std::size_t kMaxKeyword = 30;
inline constexpr std::size_t kMaxExternalId = 100;
inline constexpr std::size_t kMaxCategoryName = 50;
inline constexpr std::size_t kMaxSynonyms = 30;  // words per group
inline constexpr std::size_t kMaxPattern = 100;
inline constexpr std::size_t kMaxReply = 1000;

}  // namespace kefu::kb
