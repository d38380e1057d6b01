// ScorecardStore over SQL (tables qa_scorecards, qa_settings), the same on SQLite and PostgreSQL.
#include "quality/storage/scorecard_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "quality/storage/qa_json.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCols =
    "SELECT id, store_id, channel, version, document, note, created_by, created_at FROM qa_scorecards";

template <class Stmt>
ScorecardVersion read_version(const Stmt& s) {
  ScorecardVersion v{s.i64(0), s.i64(1), s.i64(3), {}, s.text(5), s.i64(6), s.i64(7)};
  v.card.channel = quality::ChannelKind::of(s.text(2));
  // A stored document was validated when it was saved.
  auto doc = nlohmann::json::parse(s.text(4), nullptr, false);
  if (doc.is_array()) v.card.items = items_from_json(doc);
  return v;
}

template <class D>
class SqlScorecardStore final : public ScorecardStore {
 public:
  SqlScorecardStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::optional<ScorecardVersion> current_scorecard(int64_t store_id, quality::ChannelKind ch) override {
    auto s = db_.prepare(kCols + " WHERE store_id = ? AND channel = ? ORDER BY version DESC LIMIT 1");
    s->bind_all(store_id, ch);
    if (!s->step()) return std::nullopt;
    return read_version(*s);
  }

  std::optional<ScorecardVersion> scorecard_version(int64_t store_id, quality::ChannelKind ch,
                                                    int64_t version) override {
    auto s = db_.prepare(kCols + " WHERE store_id = ? AND channel = ? AND version = ?");
    s->bind_all(store_id, ch, version);
    if (!s->step()) return std::nullopt;
    return read_version(*s);
  }

  std::vector<ScorecardVersion> scorecard_versions(int64_t store_id, quality::ChannelKind ch, int limit) override {
    auto s = db_.prepare(kCols + " WHERE store_id = ? AND channel = ? ORDER BY version DESC LIMIT ?");
    s->bind_all(store_id, ch, static_cast<int64_t>(limit));
    std::vector<ScorecardVersion> out;
    while (s->step()) out.push_back(read_version(*s));
    return out;
  }

  bool insert_scorecard_version(const ScorecardVersion& v) override {
    db_.prepare(
           "INSERT INTO qa_scorecards(store_id, channel, version, document, note, created_by, created_at) "
           "VALUES (?,?,?,?,?,?,?) ON CONFLICT(store_id, channel, version) DO NOTHING")
        ->bind_all(v.store_id, v.card.channel, v.version, items_json(v.card.items).dump(), v.note, v.created_by,
                   v.created_at)
        .run();
    return db_.changes() == 1;
  }

  std::optional<QaSettingsRow> qa_settings(int64_t store_id) override {
    auto s = db_.prepare("SELECT store_id, document, updated_by, updated_at FROM qa_settings WHERE store_id = ?");
    s->bind(1, store_id);
    if (!s->step()) return std::nullopt;
    QaSettingsRow r{s->i64(0), {}, s->i64(2), s->i64(3)};
    auto doc = nlohmann::json::parse(s->text(1), nullptr, false);
    if (doc.is_object()) r.settings = settings_from_json(doc);
    return r;
  }

  void put_qa_settings(const QaSettingsRow& r) override {
    db_.prepare(
           "INSERT INTO qa_settings(store_id, document, updated_by, updated_at) VALUES (?,?,?,?) "
           "ON CONFLICT(store_id) DO UPDATE SET document = excluded.document, updated_by = excluded.updated_by, "
           "updated_at = excluded.updated_at")
        ->bind_all(r.store_id, settings_json(r.settings).dump(), r.updated_by, r.updated_at)
        .run();
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<ScorecardStore> ScorecardStore::open(Stores& s) {
  return make_store<ScorecardStore, SqlScorecardStore>(s);
}

}  // namespace kefu::storage
