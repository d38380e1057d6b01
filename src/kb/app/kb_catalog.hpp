#pragma once
// The knowledge base's category tree, synonym groups (同义词) and small talk (寒暄).
// Every staff member with kb:read lists them; admins with kb:write change them.
// Categories: name 1–50 characters, unique among its siblings (409 duplicate); a parent
// that is the category itself or one of its descendants is 400 invalid_field; a category
// with subcategories or entries cannot be deleted (400 invalid_field). Synonym groups: 2–30
// words of 1–30 characters, a word in at most one group (409 duplicate). Small talk:
// pattern 1–100, reply 1–1000. Every change is audited.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "kb/domain/faq.hpp"

namespace kefu::app {

struct CategoryInput {
  std::optional<int64_t> parent_id;
  std::string name;
  int position = 0;
};

std::vector<kb::Category> list_categories(Context&);
kb::Category create_category(Context&, const CategoryInput&);
kb::Category update_category(Context&, int64_t id, const CategoryInput&);
void delete_category(Context&, int64_t id);

std::vector<kb::SynonymGroup> list_synonyms(Context&);
kb::SynonymGroup create_synonyms(Context&, const std::vector<std::string>& words);
kb::SynonymGroup update_synonyms(Context&, int64_t id, const std::vector<std::string>& words);
void delete_synonyms(Context&, int64_t id);

std::vector<kb::SmallTalk> list_small_talk(Context&);
kb::SmallTalk create_small_talk(Context&, const std::string& pattern, const std::string& reply);
kb::SmallTalk update_small_talk(Context&, int64_t id, const std::string& pattern, const std::string& reply);
void delete_small_talk(Context&, int64_t id);

// For the import: the category at this path of names ("商场服务/停车"), made when missing.
int64_t category_at_path(Context&, const std::string& path);
// The path of names of a category, "/"-joined.
std::string category_path(const std::vector<kb::Category>&, int64_t id);

}  // namespace kefu::app
