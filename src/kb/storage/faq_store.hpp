#pragma once
// The knowledge base's entries: their content, drafts, published versions and per-store
// answers (kb/domain/faq.hpp).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "kb/domain/faq.hpp"

namespace kefu::storage {

// What `faqs` lists: every filter set narrows; by id. `text` is looked for (ASCII letters
// in any case) in the question, the similar questions, the answer, the keywords and the
// external id, and in the draft's when there is one. `store_id`: entries with a variant
// for that store. `category_ids`: any of them (a subtree, expanded by the caller).
struct FaqFilter {
  std::string text;
  std::optional<std::vector<int64_t>> category_ids;
  std::optional<std::string> status;    // draft | published
  std::optional<std::string> audience;  // customer | internal
  std::optional<int64_t> store_id;
  bool with_draft_only = false;  // only entries with pending changes
  int64_t after_id = 0;          // keyset paging
  int limit = 1000;
};

class FaqStore : public Store {
 public:
  static std::unique_ptr<FaqStore> open(Stores&);

  // Entries with their variants and drafts.
  virtual std::vector<kb::Faq> faqs(const FaqFilter&) = 0;
  virtual std::optional<kb::Faq> faq(int64_t id) = 0;
  virtual std::optional<int64_t> faq_by_external_id(const std::string& external_id) = 0;
  // Inserts the entry row (not its variants or draft); returns the id.
  virtual int64_t insert_faq(const kb::Faq&) = 0;
  // Rewrites the entry row: external id, category, status, content, version, updated_*,
  // published_*. False when there is no such entry.
  virtual bool update_faq(const kb::Faq&) = 0;
  // The entry with its draft, variants and versions.
  virtual bool delete_faq(int64_t id) = 0;
  // Moves the entries to the category (none: uncategorised); the number moved.
  virtual int move_faqs(const std::vector<int64_t>& ids, std::optional<int64_t> category_id, int64_t at,
                        int64_t by) = 0;

  // Inserts or replaces the entry's draft; drop_draft removes it.
  virtual void put_draft(int64_t entry_id, const kb::FaqDraft&) = 0;
  virtual void drop_draft(int64_t entry_id) = 0;

  // Inserts or replaces a store's answer; an empty answer removes it.
  virtual void put_variant(int64_t entry_id, int64_t store_id, const std::string& answer, int64_t at, int64_t by) = 0;

  virtual void insert_version(const kb::FaqVersion&) = 0;
  // Newest first.
  virtual std::vector<kb::FaqVersion> versions(int64_t entry_id) = 0;
};

}  // namespace kefu::storage
