// FaqStore over SQL, the same on SQLite and PostgreSQL.
#include "kb/storage/faq_store.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "kb/storage/faq_json.hpp"

namespace kefu::storage {
namespace {

using namespace sql;
using nlohmann::json;

const std::string kCols =
    "id, external_id, category_id, status, audience, question, similar_questions, answer, keywords, valid_from, "
    "valid_to, "
    "version, created_at, created_by, updated_at, updated_by, published_at, published_by";

std::string text_of(const std::vector<std::string>& v) { return json(v).dump(); }

template <class S>
kb::Faq read_faq(S& s) {
  kb::Faq f;
  f.id = s.i64(0);
  if (!s.is_null(1)) f.external_id = s.text(1);
  f.category_id = s.opt_i64(2);
  f.status = s.text(3);
  f.content.audience = s.text(4);
  f.content.question = s.text(5);
  f.content.similar = strings_from_text(s.text(6));
  f.content.answer = s.text(7);
  f.content.keywords = strings_from_text(s.text(8));
  f.content.valid_from = s.opt_i64(9);
  f.content.valid_to = s.opt_i64(10);
  f.version = static_cast<int>(s.i64(11));
  f.created_at = s.i64(12);
  f.created_by = s.i64(13);
  f.updated_at = s.i64(14);
  f.updated_by = s.i64(15);
  f.published_at = s.opt_i64(16);
  f.published_by = s.opt_i64(17);
  return f;
}

std::string ascii_lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool content_has(const kb::FaqContent& c, const std::string& lowered) {
  auto has = [&](const std::string& s) { return ascii_lower(s).find(lowered) != std::string::npos; };
  if (has(c.question) || has(c.answer)) return true;
  return std::any_of(c.similar.begin(), c.similar.end(), has) || std::any_of(c.keywords.begin(), c.keywords.end(), has);
}

// The text filter runs here rather than in SQL: LIKE folds case on SQLite and not on
// PostgreSQL, and the lists and JSON columns would need unpacking there.
bool matches(const kb::Faq& f, const std::string& lowered) {
  if (lowered.empty()) return true;
  if (f.external_id && ascii_lower(*f.external_id).find(lowered) != std::string::npos) return true;
  return content_has(f.content, lowered) || (f.draft && content_has(f.draft->content, lowered));
}

template <class D>
class SqlFaqStore final : public FaqStore {
 public:
  SqlFaqStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<kb::Faq> faqs(const FaqFilter& f) override {
    std::string where = "id > ?";
    std::vector<Value> args{f.after_id};
    if (f.category_ids) {
      if (f.category_ids->empty()) return {};
      add_in(where, args, "category_id", *f.category_ids);
    }
    if (f.status) where += " AND status = ?", args.emplace_back(*f.status);
    if (f.audience) where += " AND audience = ?", args.emplace_back(*f.audience);
    if (f.store_id)
      where += " AND id IN (SELECT entry_id FROM kb_variants WHERE store_id = ?)", args.emplace_back(*f.store_id);
    if (f.with_draft_only) where += " AND id IN (SELECT entry_id FROM kb_drafts)";
    auto s = db_.prepare("SELECT " + kCols + " FROM kb_entries WHERE " + where + " ORDER BY id");
    bind_values(*s, args);
    std::vector<kb::Faq> rows;
    while (s->step()) rows.push_back(read_faq(*s));
    attach(rows);
    const std::string lowered = ascii_lower(f.text);
    std::vector<kb::Faq> out;
    for (auto& r : rows) {
      if (static_cast<int>(out.size()) >= f.limit) break;
      if (matches(r, lowered)) out.push_back(std::move(r));
    }
    return out;
  }

  std::optional<kb::Faq> faq(int64_t id) override {
    auto s = db_.prepare("SELECT " + kCols + " FROM kb_entries WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    std::vector<kb::Faq> one{read_faq(*s)};
    attach(one);
    return one[0];
  }

  std::optional<int64_t> faq_by_external_id(const std::string& external_id) override {
    auto s = db_.prepare("SELECT id FROM kb_entries WHERE external_id = ?");
    s->bind(1, external_id);
    if (!s->step()) return std::nullopt;
    return s->i64(0);
  }

  int64_t insert_faq(const kb::Faq& f) override {
    const auto& c = f.content;
    return D::insert(
        db_,
        "INSERT INTO kb_entries(external_id, category_id, status, audience, question, similar_questions, answer, "
        "keywords, valid_from, valid_to, version, created_at, created_by, updated_at, updated_by, "
        "published_at, published_by) VALUES (NULLIF(?, ''),?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        f.external_id.value_or(""), f.category_id, f.status, c.audience, c.question, text_of(c.similar), c.answer,
        text_of(c.keywords), c.valid_from, c.valid_to, static_cast<int64_t>(f.version), f.created_at, f.created_by,
        f.updated_at, f.updated_by, f.published_at, f.published_by);
  }

  bool update_faq(const kb::Faq& f) override {
    const auto& c = f.content;
    db_.prepare(
           "UPDATE kb_entries SET external_id = NULLIF(?, ''), category_id = ?, status = ?, audience = ?, "
           "question = ?, similar_questions = ?, answer = ?, keywords = ?, valid_from = ?, valid_to = ?, version = ?, "
           "updated_at = ?, updated_by = ?, published_at = ?, published_by = ? WHERE id = ?")
        ->bind_all(f.external_id.value_or(""), f.category_id, f.status, c.audience, c.question, text_of(c.similar),
                   c.answer, text_of(c.keywords), c.valid_from, c.valid_to, static_cast<int64_t>(f.version),
                   f.updated_at, f.updated_by, f.published_at, f.published_by, f.id)
        .run();
    return db_.changes() == 1;
  }

  bool delete_faq(int64_t id) override {
    for (auto table : {"kb_drafts", "kb_variants", "kb_versions", "kb_signals"})
      db_.prepare(std::string("DELETE FROM ") + table + " WHERE entry_id = ?")->bind_all(id).run();
    db_.prepare("DELETE FROM kb_entries WHERE id = ?")->bind_all(id).run();
    return db_.changes() == 1;
  }

  int move_faqs(const std::vector<int64_t>& ids, std::optional<int64_t> category_id, int64_t at, int64_t by) override {
    int moved = 0;
    for (auto id : ids) {
      db_.prepare("UPDATE kb_entries SET category_id = ?, updated_at = ?, updated_by = ? WHERE id = ?")
          ->bind_all(category_id, at, by, id)
          .run();
      moved += static_cast<int>(db_.changes());
    }
    return moved;
  }

  void put_draft(int64_t entry_id, const kb::FaqDraft& d) override {
    db_.prepare(
           "INSERT INTO kb_drafts(entry_id, content, updated_at, updated_by) VALUES (?,?,?,?) ON CONFLICT(entry_id) "
           "DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at, "
           "updated_by = excluded.updated_by")
        ->bind_all(entry_id, content_json(d.content).dump(), d.updated_at, d.updated_by)
        .run();
  }

  void drop_draft(int64_t entry_id) override {
    db_.prepare("DELETE FROM kb_drafts WHERE entry_id = ?")->bind_all(entry_id).run();
  }

  void put_variant(int64_t entry_id, int64_t store_id, const std::string& answer, int64_t at, int64_t by) override {
    if (answer.empty()) {
      db_.prepare("DELETE FROM kb_variants WHERE entry_id = ? AND store_id = ?")->bind_all(entry_id, store_id).run();
      return;
    }
    db_.prepare(
           "INSERT INTO kb_variants(entry_id, store_id, answer, updated_at, updated_by) VALUES (?,?,?,?,?) "
           "ON CONFLICT(entry_id, store_id) DO UPDATE SET answer = excluded.answer, "
           "updated_at = excluded.updated_at, updated_by = excluded.updated_by")
        ->bind_all(entry_id, store_id, answer, at, by)
        .run();
  }

  void insert_version(const kb::FaqVersion& v) override {
    db_.prepare(
           "INSERT INTO kb_versions(entry_id, version, content, variants, published_at, published_by) "
           "VALUES (?,?,?,?,?,?)")
        ->bind_all(v.entry_id, static_cast<int64_t>(v.version), content_json(v.content).dump(),
                   variants_json(v.variants).dump(), v.published_at, v.published_by)
        .run();
  }

  std::vector<kb::FaqVersion> versions(int64_t entry_id) override {
    auto s = db_.prepare(
        "SELECT entry_id, version, content, variants, published_at, published_by FROM kb_versions "
        "WHERE entry_id = ? ORDER BY version DESC");
    s->bind(1, entry_id);
    std::vector<kb::FaqVersion> out;
    while (s->step())
      out.push_back({s->i64(0), static_cast<int>(s->i64(1)), content_from(json::parse(s->text(2))),
                     variants_from(json::parse(s->text(3))), s->i64(4), s->i64(5)});
    return out;
  }

 private:
  // Each entry's variants and draft: one entry's by its id, a list's by reading the two
  // tables once (a knowledge base has a few thousand of them at most).
  void attach(std::vector<kb::Faq>& rows) {
    if (rows.empty()) return;
    std::map<int64_t, kb::Faq*> by_id;
    for (auto& r : rows) by_id[r.id] = &r;
    const bool one = rows.size() == 1;
    const std::string where = one ? " WHERE entry_id = ?" : "";
    auto v = db_.prepare("SELECT entry_id, store_id, answer FROM kb_variants" + where + " ORDER BY entry_id, store_id");
    if (one) v->bind(1, rows[0].id);
    while (v->step())
      if (auto it = by_id.find(v->i64(0)); it != by_id.end()) it->second->variants[v->i64(1)] = v->text(2);
    auto d = db_.prepare("SELECT entry_id, content, updated_at, updated_by FROM kb_drafts" + where);
    if (one) d->bind(1, rows[0].id);
    while (d->step())
      if (auto it = by_id.find(d->i64(0)); it != by_id.end())
        it->second->draft = kb::FaqDraft{content_from(json::parse(d->text(1))), d->i64(2), d->i64(3)};
  }

  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<FaqStore> FaqStore::open(Stores& s) { return make_store<FaqStore, SqlFaqStore>(s); }

}  // namespace kefu::storage
