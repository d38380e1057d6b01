#include "kb/app/kb_catalog.hpp"

#include <set>

#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "core/text/trim.hpp"
#include "kb/app/kb_access.hpp"
#include "kb/storage/kb_catalog_store.hpp"
#include "tickets/app/record.hpp"

namespace kefu::app {
namespace {

using storage::KbCatalogStore;

KbCatalogStore& catalog(Context& c) { return c.store<KbCatalogStore>(); }

Error not_found(const char* zh, const char* en) { return make_error(errors::kNotFound, {{"what", Text(zh, en)}}); }

Error invalid(const char* field, const char* zh, const char* en) {
  return make_error(errors::kInvalidField, {{"field", field}, {"problem", Text(zh, en)}}, field);
}

using text::trimmed;

nlohmann::json category_json(const kb::Category& k) {
  return {
      {"parent_id", k.parent_id ? nlohmann::json(*k.parent_id) : nullptr}, {"name", k.name}, {"position", k.position}};
}

// Name and parent rules; `self` is 0 for a new category.
void check_category(Context& c, const kb::Category& k) {
  check_text("name", k.name, kb::kMaxCategoryName, true);
  if (k.name.find('/') != std::string::npos) throw invalid("name", "不能包含 /", "it must not contain /");
  const auto all = catalog(c).categories();
  if (k.parent_id) {
    std::set<int64_t> ids;
    for (const auto& x : all) ids.insert(x.id);
    if (!ids.count(*k.parent_id))
      throw make_error(errors::kUnknownReference, {{"what", Text("上级分类", "parent category")}}, "parent_id");
    // Walking up from the parent must not meet the category itself.
    for (auto at = k.parent_id; at && k.id;) {
      if (*at == k.id)
        throw invalid("parent_id", "不能移到自己或自己的下级分类之下", "a category cannot go under itself");
      std::optional<int64_t> up;
      for (const auto& x : all)
        if (x.id == *at) up = x.parent_id;
      at = up;
    }
  }
  for (const auto& x : all)
    if (x.id != k.id && x.parent_id == k.parent_id && x.name == k.name)
      throw make_error(errors::kDuplicate, {{"what", Text("同级分类“" + k.name + "”", "sibling category " + k.name)}},
                       "name");
}

std::vector<std::string> checked_words(Context& c, const std::vector<std::string>& in, int64_t self) {
  std::vector<std::string> words;
  std::set<std::string> seen;
  for (const auto& w : in)
    if (auto t = trimmed(w); !t.empty() && seen.insert(t).second) words.push_back(t);
  if (words.size() < 2 || words.size() > kb::kMaxSynonyms)
    throw invalid("words", "同义词组应有 2–30 个词", "a synonym group has 2–30 words");
  for (const auto& w : words) check_text("words", w, kb::kMaxKeyword, true);
  for (const auto& g : catalog(c).synonyms()) {
    if (g.id == self) continue;
    for (const auto& w : g.words)
      if (seen.count(w))
        throw make_error(errors::kDuplicate, {{"what", Text("同义词“" + w + "”", "synonym " + w)}}, "words");
  }
  return words;
}

void check_small_talk(const std::string& pattern, const std::string& reply) {
  check_text("pattern", pattern, kb::kMaxPattern, true);
  check_text("reply", reply, kb::kMaxReply, true);
}

}  // namespace

std::vector<kb::Category> list_categories(Context& c) {
  kb_access::reader(c);
  return catalog(c).categories();
}

kb::Category create_category(Context& c, const CategoryInput& in) {
  kb_access::editor(c);
  kb::Category k{.parent_id = in.parent_id, .name = trimmed(in.name), .position = in.position};
  check_category(c, k);
  k.id = catalog(c).insert_category(k);
  audit(c, "kb_category.create", "kb_category", k.id, nullptr, category_json(k));
  return k;
}

kb::Category update_category(Context& c, int64_t id, const CategoryInput& in) {
  kb_access::editor(c);
  auto old = catalog(c).category(id);
  if (!old) throw not_found("分类", "category");
  kb::Category k{.id = id, .parent_id = in.parent_id, .name = trimmed(in.name), .position = in.position};
  check_category(c, k);
  catalog(c).update_category(k);
  audit(c, "kb_category.update", "kb_category", id, category_json(*old), category_json(k));
  return k;
}

void delete_category(Context& c, int64_t id) {
  kb_access::editor(c);
  auto old = catalog(c).category(id);
  if (!old) throw not_found("分类", "category");
  for (const auto& x : catalog(c).categories())
    if (x.parent_id == id) throw invalid("id", "请先删除或移走下级分类", "delete or move its subcategories first");
  if (catalog(c).faqs_in_category(id) > 0)
    throw invalid("id", "请先把其中的条目移到其他分类", "move its entries to another category first");
  catalog(c).delete_category(id);
  audit(c, "kb_category.delete", "kb_category", id, category_json(*old), nullptr);
}

std::vector<kb::SynonymGroup> list_synonyms(Context& c) {
  kb_access::reader(c);
  return catalog(c).synonyms();
}

kb::SynonymGroup create_synonyms(Context& c, const std::vector<std::string>& words) {
  kb_access::editor(c);
  kb::SynonymGroup g{.words = checked_words(c, words, 0), .updated_at = c.now_ms, .updated_by = c.actor.staff_id};
  g.id = catalog(c).insert_synonyms(g);
  audit(c, "kb_synonyms.create", "kb_synonyms", g.id, nullptr, {{"words", g.words}});
  return g;
}

kb::SynonymGroup update_synonyms(Context& c, int64_t id, const std::vector<std::string>& words) {
  kb_access::editor(c);
  kb::SynonymGroup g{
      .id = id, .words = checked_words(c, words, id), .updated_at = c.now_ms, .updated_by = c.actor.staff_id};
  if (!catalog(c).update_synonyms(g)) throw not_found("同义词组", "synonym group");
  audit(c, "kb_synonyms.update", "kb_synonyms", id, nullptr, {{"words", g.words}});
  return g;
}

void delete_synonyms(Context& c, int64_t id) {
  kb_access::editor(c);
  if (!catalog(c).delete_synonyms(id)) throw not_found("同义词组", "synonym group");
  audit(c, "kb_synonyms.delete", "kb_synonyms", id, nullptr, nullptr);
}

std::vector<kb::SmallTalk> list_small_talk(Context& c) {
  kb_access::reader(c);
  return catalog(c).small_talk();
}

kb::SmallTalk create_small_talk(Context& c, const std::string& pattern, const std::string& reply) {
  kb_access::editor(c);
  kb::SmallTalk t{.pattern = trimmed(pattern), .reply = reply, .updated_at = c.now_ms, .updated_by = c.actor.staff_id};
  check_small_talk(t.pattern, t.reply);
  t.id = catalog(c).insert_small_talk(t);
  audit(c, "kb_small_talk.create", "kb_small_talk", t.id, nullptr, {{"pattern", t.pattern}, {"reply", t.reply}});
  return t;
}

kb::SmallTalk update_small_talk(Context& c, int64_t id, const std::string& pattern, const std::string& reply) {
  kb_access::editor(c);
  kb::SmallTalk t{
      .id = id, .pattern = trimmed(pattern), .reply = reply, .updated_at = c.now_ms, .updated_by = c.actor.staff_id};
  check_small_talk(t.pattern, t.reply);
  if (!catalog(c).update_small_talk(t)) throw not_found("寒暄", "small talk");
  audit(c, "kb_small_talk.update", "kb_small_talk", id, nullptr, {{"pattern", t.pattern}, {"reply", t.reply}});
  return t;
}

void delete_small_talk(Context& c, int64_t id) {
  kb_access::editor(c);
  if (!catalog(c).delete_small_talk(id)) throw not_found("寒暄", "small talk");
  audit(c, "kb_small_talk.delete", "kb_small_talk", id, nullptr, nullptr);
}

int64_t category_at_path(Context& c, const std::string& path) {
  std::optional<int64_t> parent;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const auto name = trimmed(path.substr(start, end - start));
    start = end + 1;
    if (name.empty()) continue;
    std::optional<int64_t> found;
    for (const auto& x : catalog(c).categories())
      if (x.parent_id == parent && x.name == name) found = x.id;
    if (!found) {
      kb::Category k{.parent_id = parent, .name = name};
      check_text("category", k.name, kb::kMaxCategoryName, true);
      found = catalog(c).insert_category(k);
      audit(c, "kb_category.create", "kb_category", *found, nullptr, category_json(k));
    }
    parent = found;
  }
  if (!parent) throw invalid("category", "分类路径为空", "the category path is empty");
  return *parent;
}

std::string category_path(const std::vector<kb::Category>& all, int64_t id) {
  std::string out;
  std::optional<int64_t> at = id;
  for (int depth = 0; at && depth < 64; ++depth) {
    const kb::Category* found = nullptr;
    for (const auto& x : all)
      if (x.id == *at) found = &x;
    if (!found) break;
    out = found->name + (out.empty() ? "" : "/" + out);
    at = found->parent_id;
  }
  return out;
}

}  // namespace kefu::app
