#pragma once
// What the knowledge base keeps beside its entries: the category tree, synonym groups
// (同义词) and small talk (寒暄).
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/storage/stores.hpp"
#include "kb/domain/faq.hpp"

namespace kefu::storage {

class KbCatalogStore : public Store {
 public:
  static std::unique_ptr<KbCatalogStore> open(Stores&);

  // Every category, by parent, position, then id.
  virtual std::vector<kb::Category> categories() = 0;
  virtual std::optional<kb::Category> category(int64_t id) = 0;
  virtual int64_t insert_category(const kb::Category&) = 0;
  // Parent, name, position; false when there is no such category.
  virtual bool update_category(const kb::Category&) = 0;
  // False when there is none. The caller checks it has no children and no entries.
  virtual bool delete_category(int64_t id) = 0;
  // Entries in the category (not its children).
  virtual int64_t faqs_in_category(int64_t id) = 0;

  // By id.
  virtual std::vector<kb::SynonymGroup> synonyms() = 0;
  virtual int64_t insert_synonyms(const kb::SynonymGroup&) = 0;
  // Words and updated_*; false when there is none.
  virtual bool update_synonyms(const kb::SynonymGroup&) = 0;
  virtual bool delete_synonyms(int64_t id) = 0;

  // By id.
  virtual std::vector<kb::SmallTalk> small_talk() = 0;
  virtual int64_t insert_small_talk(const kb::SmallTalk&) = 0;
  virtual bool update_small_talk(const kb::SmallTalk&) = 0;
  virtual bool delete_small_talk(int64_t id) = 0;

  // Changes whenever an entry, a store's answer, a synonym group or small talk is added, changed or
  // removed: what the bot's knowledge is rebuilt on (kb/app/knowledge.hpp). Cheap: counts
  // and latest times of four tables.
  virtual std::string stamp() = 0;
};

}  // namespace kefu::storage
