// CannedStore over SQL, the same on SQLite and PostgreSQL.
#include "chat/storage/canned_store.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kCannedCols = "id, store_id, owner_id, shortcut, title, body, created_at, updated_at, created_by";
// A probability kept in thousandths (the bot's thresholds).
int64_t permille(double p) { return std::llround(p * 1000); }

const std::string kSettingsCols =
    "store_id, idle_end_minutes, first_reply_seconds, reply_gap_seconds, welcome, offline_text, updated_at, "
    "updated_by, queue_targets, bot_queues, bot_answer_permille, bot_suggest_permille, gen_enabled, gen_base_url, "
    "gen_model, gen_api_key, gen_timeout_ms";

template <class S>
chat::CannedReply read_canned(S& s) {
  return {s.i64(0), s.opt_i64(1), s.opt_i64(2), s.text(3), s.text(4), s.text(5), s.i64(6), s.i64(7), s.i64(8)};
}

std::string ascii_lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The text filter runs here rather than in SQL: LIKE folds case on SQLite and not on
// PostgreSQL, and a caller's list is a few hundred short rows at most.
bool matches(const chat::CannedReply& r, const std::string& lowered) {
  for (const auto* field : {&r.shortcut, &r.title, &r.body})
    if (ascii_lower(*field).find(lowered) != std::string::npos) return true;
  return false;
}

template <class D>
class SqlCannedStore final : public CannedStore {
 public:
  using Stmt = typename D::Stmt;
  SqlCannedStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<chat::CannedReply> canned_for(const CannedFilter& f) override {
    std::string where = "owner_id = ?";
    if (!f.store_ids)
      where += " OR store_id IS NOT NULL";
    else if (!f.store_ids->empty())
      where += " OR store_id IN (" + placeholders(f.store_ids->size()) + ")";
    // Shortcuts compare byte-wise on both backends, whatever the database's collation.
    auto s = db_.prepare("SELECT " + kCannedCols + " FROM chat_canned WHERE " + where + " ORDER BY shortcut" +
                         D::kBytes + ", id");
    int i = 1;
    s->bind(i++, f.owner_id);
    if (f.store_ids)
      for (auto id : *f.store_ids) s->bind(i++, id);
    const std::string lowered = ascii_lower(f.text);
    std::vector<chat::CannedReply> out;
    while (s->step() && static_cast<int>(out.size()) < f.limit) {
      auto r = read_canned(*s);
      if (lowered.empty() || matches(r, lowered)) out.push_back(std::move(r));
    }
    return out;
  }

  std::optional<chat::CannedReply> canned(int64_t id) override {
    auto s = db_.prepare("SELECT " + kCannedCols + " FROM chat_canned WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_canned(*s);
  }

  bool shortcut_taken(const chat::CannedReply& r, int64_t except_id) override {
    auto s = r.store_id ? db_.prepare(
                              "SELECT 1 FROM chat_canned WHERE store_id = ? AND owner_id IS NULL AND shortcut = ? "
                              "AND id <> ?")
                        : db_.prepare(
                              "SELECT 1 FROM chat_canned WHERE owner_id = ? AND store_id IS NULL AND shortcut = ? "
                              "AND id <> ?");
    s->bind_all(r.store_id ? *r.store_id : r.owner_id.value_or(0), r.shortcut, except_id);
    return s->step();
  }

  int64_t insert_canned(const chat::CannedReply& r) override {
    return D::insert(db_,
                     "INSERT INTO chat_canned(store_id, owner_id, shortcut, title, body, created_at, updated_at, "
                     "created_by) VALUES (?,?,?,?,?,?,?,?)",
                     r.store_id, r.owner_id, r.shortcut, r.title, r.body, r.created_at, r.updated_at, r.created_by);
  }

  bool update_canned(const chat::CannedReply& r) override {
    db_.prepare("UPDATE chat_canned SET shortcut = ?, title = ?, body = ?, updated_at = ? WHERE id = ?")
        ->bind_all(r.shortcut, r.title, r.body, r.updated_at, r.id)
        .run();
    return db_.changes() == 1;
  }

  bool delete_canned(int64_t id) override {
    db_.prepare("DELETE FROM chat_canned WHERE id = ?")->bind_all(id).run();
    return db_.changes() == 1;
  }

  std::optional<StoredChatSettings> chat_settings(int64_t store_id) override {
    auto s = db_.prepare("SELECT " + kSettingsCols + " FROM chat_settings WHERE store_id = ?");
    s->bind(1, store_id);
    if (!s->step()) return std::nullopt;
    StoredChatSettings out;
    auto& v = out.settings;
    v.store_id = s->i64(0);
    v.idle_end_minutes = static_cast<int>(s->i64(1));
    v.first_reply_seconds = static_cast<int>(s->i64(2));
    v.reply_gap_seconds = static_cast<int>(s->i64(3));
    v.welcome = s->text(4);
    v.offline_text = s->text(5);
    out.updated_at = s->i64(6);
    out.updated_by = s->i64(7);
    // Written only by put_chat_settings below; text not in the form (edited by hand) counts
    // as no queue having its own targets rather than failing every chat of the store.
    v.queue_targets = chat::decode_queue_targets(s->text(8)).value_or(std::map<std::string, chat::ReplyTargets>{});
    v.bot_queues = split(s->text(9));
    v.bot_answer = static_cast<double>(s->i64(10)) / 1000;
    v.bot_suggest = static_cast<double>(s->i64(11)) / 1000;
    v.generative = {.enabled = s->i64(12) != 0,
                    .base_url = s->text(13),
                    .model = s->text(14),
                    .api_key = s->text(15),
                    .timeout_ms = static_cast<int>(s->i64(16))};
    return out;
  }

  void put_chat_settings(const StoredChatSettings& in) override {
    const auto& v = in.settings;
    db_.prepare(
           "INSERT INTO chat_settings(" + kSettingsCols +
           ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(store_id) DO UPDATE SET "
           "idle_end_minutes = excluded.idle_end_minutes, first_reply_seconds = excluded.first_reply_seconds, "
           "reply_gap_seconds = excluded.reply_gap_seconds, welcome = excluded.welcome, "
           "offline_text = excluded.offline_text, updated_at = excluded.updated_at, "
           "updated_by = excluded.updated_by, queue_targets = excluded.queue_targets, bot_queues = "
           "excluded.bot_queues, "
           "bot_answer_permille = excluded.bot_answer_permille, bot_suggest_permille = excluded.bot_suggest_permille, "
           "gen_enabled = excluded.gen_enabled, gen_base_url = excluded.gen_base_url, gen_model = excluded.gen_model, "
           "gen_api_key = excluded.gen_api_key, gen_timeout_ms = excluded.gen_timeout_ms")
        ->bind_all(v.store_id, static_cast<int64_t>(v.idle_end_minutes), static_cast<int64_t>(v.first_reply_seconds),
                   static_cast<int64_t>(v.reply_gap_seconds), v.welcome, v.offline_text, in.updated_at, in.updated_by,
                   chat::encode_queue_targets(v.queue_targets), join(v.bot_queues), permille(v.bot_answer),
                   permille(v.bot_suggest), static_cast<int64_t>(v.generative.enabled), v.generative.base_url,
                   v.generative.model, v.generative.api_key, static_cast<int64_t>(v.generative.timeout_ms))
        .run();
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<CannedStore> CannedStore::open(Stores& s) { return make_store<CannedStore, SqlCannedStore>(s); }

}  // namespace kefu::storage
