// KbCatalogStore over SQL, the same on SQLite and PostgreSQL.
#include "kb/storage/kb_catalog_store.hpp"

#include <nlohmann/json.hpp>

#include "core/storage/sql/make.hpp"
#include "kb/storage/faq_json.hpp"

namespace kefu::storage {
namespace {

using namespace sql;
using nlohmann::json;

template <class D>
class SqlKbCatalogStore final : public KbCatalogStore {
 public:
  SqlKbCatalogStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<kb::Category> categories() override {
    // Roots first (NULL parents sort first on SQLite, last on PostgreSQL: made explicit).
    auto s = db_.prepare(
        "SELECT id, parent_id, name, position FROM kb_categories "
        "ORDER BY CASE WHEN parent_id IS NULL THEN 0 ELSE 1 END, parent_id, position, id");
    std::vector<kb::Category> out;
    while (s->step()) out.push_back({s->i64(0), s->opt_i64(1), s->text(2), static_cast<int>(s->i64(3))});
    return out;
  }

  std::optional<kb::Category> category(int64_t id) override {
    auto s = db_.prepare("SELECT id, parent_id, name, position FROM kb_categories WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return kb::Category{s->i64(0), s->opt_i64(1), s->text(2), static_cast<int>(s->i64(3))};
  }

  int64_t insert_category(const kb::Category& c) override {
    return D::insert(db_, "INSERT INTO kb_categories(parent_id, name, position) VALUES (?,?,?)", c.parent_id, c.name,
                     static_cast<int64_t>(c.position));
  }

  bool update_category(const kb::Category& c) override {
    db_.prepare("UPDATE kb_categories SET parent_id = ?, name = ?, position = ? WHERE id = ?")
        ->bind_all(c.parent_id, c.name, static_cast<int64_t>(c.position), c.id)
        .run();
    return db_.changes() == 1;
  }

  bool delete_category(int64_t id) override {
    db_.prepare("DELETE FROM kb_categories WHERE id = ?")->bind_all(id).run();
    return db_.changes() == 1;
  }

  int64_t faqs_in_category(int64_t id) override {
    auto s = db_.prepare("SELECT COUNT(*) FROM kb_entries WHERE category_id = ?");
    s->bind(1, id);
    s->step();
    return s->i64(0);
  }

  std::vector<kb::SynonymGroup> synonyms() override {
    auto s = db_.prepare("SELECT id, words, updated_at, updated_by FROM kb_synonyms ORDER BY id");
    std::vector<kb::SynonymGroup> out;
    while (s->step()) out.push_back({s->i64(0), strings_from_text(s->text(1)), s->i64(2), s->i64(3)});
    return out;
  }

  int64_t insert_synonyms(const kb::SynonymGroup& g) override {
    return D::insert(db_, "INSERT INTO kb_synonyms(words, updated_at, updated_by) VALUES (?,?,?)", json(g.words).dump(),
                     g.updated_at, g.updated_by);
  }

  bool update_synonyms(const kb::SynonymGroup& g) override {
    db_.prepare("UPDATE kb_synonyms SET words = ?, updated_at = ?, updated_by = ? WHERE id = ?")
        ->bind_all(json(g.words).dump(), g.updated_at, g.updated_by, g.id)
        .run();
    return db_.changes() == 1;
  }

  bool delete_synonyms(int64_t id) override {
    db_.prepare("DELETE FROM kb_synonyms WHERE id = ?")->bind_all(id).run();
    return db_.changes() == 1;
  }

  std::string stamp() override {
    auto s = db_.prepare(
        "SELECT (SELECT COUNT(*) FROM kb_entries), (SELECT COALESCE(MAX(updated_at), 0) FROM kb_entries), "
        "(SELECT COUNT(*) FROM kb_variants), (SELECT COALESCE(MAX(updated_at), 0) FROM kb_variants), "
        "(SELECT COUNT(*) FROM kb_synonyms), (SELECT COALESCE(MAX(updated_at), 0) FROM kb_synonyms), "
        "(SELECT COUNT(*) FROM kb_small_talk), (SELECT COALESCE(MAX(updated_at), 0) FROM kb_small_talk)");
    s->step();
    std::string out;
    for (int i = 0; i < 8; ++i) out += (i ? ":" : "") + std::to_string(s->i64(i));
    return out;
  }

  std::vector<kb::SmallTalk> small_talk() override {
    auto s = db_.prepare("SELECT id, pattern, reply, updated_at, updated_by FROM kb_small_talk ORDER BY id");
    std::vector<kb::SmallTalk> out;
    while (s->step()) out.push_back({s->i64(0), s->text(1), s->text(2), s->i64(3), s->i64(4)});
    return out;
  }

  int64_t insert_small_talk(const kb::SmallTalk& t) override {
    return D::insert(db_, "INSERT INTO kb_small_talk(pattern, reply, updated_at, updated_by) VALUES (?,?,?,?)",
                     t.pattern, t.reply, t.updated_at, t.updated_by);
  }

  bool update_small_talk(const kb::SmallTalk& t) override {
    db_.prepare("UPDATE kb_small_talk SET pattern = ?, reply = ?, updated_at = ?, updated_by = ? WHERE id = ?")
        ->bind_all(t.pattern, t.reply, t.updated_at, t.updated_by, t.id)
        .run();
    return db_.changes() == 1;
  }

  bool delete_small_talk(int64_t id) override {
    db_.prepare("DELETE FROM kb_small_talk WHERE id = ?")->bind_all(id).run();
    return db_.changes() == 1;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<KbCatalogStore> KbCatalogStore::open(Stores& s) {
  return make_store<KbCatalogStore, SqlKbCatalogStore>(s);
}

}  // namespace kefu::storage
