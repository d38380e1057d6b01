// ChatDeskStore over SQL, the same on SQLite and PostgreSQL.
#include "chat/storage/chat_desk_store.hpp"

#include "chat/storage/sql/rows.hpp"
#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;
using namespace chat_rows;

const std::string kPhotoCols = "id, conversation_id, digest, content_type, size, filename, sender, created_at";

template <class D>
class SqlChatDeskStore final : public ChatDeskStore {
 public:
  SqlChatDeskStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<chat::Conversation> conversations(const ConversationFilter& f) override {
    std::string where = "1 = 1";
    std::vector<Value> args;
    if (!f.all_stores) {
      if (f.store_ids.empty()) return {};
      add_in(where, args, "store_id", f.store_ids);
    }
    if (f.status == "open")
      where += " AND status IN ('queued', 'assigned')";
    else if (!f.status.empty()) {
      where += " AND status = ?";
      args.emplace_back(f.status);
    }
    if (f.staff_id) {
      where += " AND (agent_id = ? OR id IN (SELECT conversation_id FROM chat_participants WHERE staff_id = ?))";
      args.emplace_back(*f.staff_id);
      args.emplace_back(*f.staff_id);
    }
    if (f.before_activity) {
      where += " AND active_at < ?";
      args.emplace_back(*f.before_activity);
    }
    if (f.created_from) {
      where += " AND created_at >= ?";
      args.emplace_back(*f.created_from);
    }
    if (f.created_to) {
      where += " AND created_at < ?";
      args.emplace_back(*f.created_to);
    }
    args.emplace_back(static_cast<int64_t>(f.limit));
    auto s = db_.prepare("SELECT " + kConvCols + " FROM conversations WHERE " + where +
                         " ORDER BY active_at DESC, id DESC LIMIT ?");
    bind_values(*s, args);
    std::vector<chat::Conversation> out;
    while (s->step()) out.push_back(read_conversation(*s));
    return out;
  }

  bool set_read(int64_t id, bool by_customer, int64_t seq, int64_t at) override {
    const std::string col = by_customer ? "customer_read_seq" : "agent_read_seq";
    db_.prepare("UPDATE conversations SET " + col + " = ? WHERE id = ? AND " + col + " < ? AND last_seq >= ?")
        ->bind_all(seq, id, seq, seq)
        .run();
    if (db_.changes() != 1) return false;
    feed(db_, id, at);
    return true;
  }

  void set_member(int64_t id, std::optional<int64_t> member_id, int64_t at) override {
    db_.prepare("UPDATE conversations SET member_id = ? WHERE id = ?")->bind_all(member_id, id).run();
    feed(db_, id, at);
  }

  void set_ticket(int64_t id, int64_t ticket_id, int64_t at) override {
    db_.prepare("UPDATE conversations SET ticket_id = ? WHERE id = ?")->bind_all(ticket_id, id).run();
    feed(db_, id, at);
  }

  bool set_rating(int64_t id, int rating, const std::string& comment, int64_t at) override {
    db_.prepare("UPDATE conversations SET rating = ?, rating_comment = ? WHERE id = ? AND rating IS NULL")
        ->bind_all(static_cast<int64_t>(rating), comment, id)
        .run();
    if (db_.changes() != 1) return false;
    feed(db_, id, at);
    return true;
  }

  bool add_participant(int64_t id, int64_t staff_id, std::optional<int64_t> invited_by, int64_t at) override {
    db_.prepare(
           "INSERT INTO chat_participants(conversation_id, staff_id, invited_by, invited_at) VALUES (?,?,?,?) "
           "ON CONFLICT DO NOTHING")
        ->bind_all(id, staff_id, invited_by, at)
        .run();
    if (db_.changes() != 1) return false;
    feed(db_, id, at);
    return true;
  }

  std::vector<int64_t> participants(int64_t id) override {
    auto s =
        db_.prepare("SELECT staff_id FROM chat_participants WHERE conversation_id = ? ORDER BY invited_at, staff_id");
    s->bind(1, id);
    std::vector<int64_t> out;
    while (s->step()) out.push_back(s->i64(0));
    return out;
  }

  int64_t insert_photo(const ChatPhoto& p) override {
    return D::insert(db_,
                     "INSERT INTO chat_photos(conversation_id, digest, content_type, size, filename, sender, "
                     "created_at) VALUES (?,?,?,?,?,?,?)",
                     p.conversation_id, p.sha256, p.content_type, p.size, p.filename, p.sender, p.created_at);
  }

  std::optional<ChatPhoto> photo(int64_t id) override {
    auto s = db_.prepare("SELECT " + kPhotoCols + " FROM chat_photos WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return ChatPhoto{s->i64(0), s->i64(1), s->text(2), s->text(3), s->i64(4), s->text(5), s->text(6), s->i64(7)};
  }

  bool photo_in_use(const std::string& sha256) override {
    auto s = db_.prepare("SELECT 1 FROM chat_photos WHERE digest = ? LIMIT 1");
    s->bind(1, sha256);
    return s->step();
  }

  std::vector<chat::Conversation> idle(int64_t before, int limit) override {
    auto s = db_.prepare("SELECT " + kConvCols +
                         " FROM conversations WHERE status IN ('bot', 'queued', 'assigned') AND active_at < ? AND "
                         "last_message_at < ? ORDER BY active_at, id LIMIT ?");
    s->bind_all(before, before, limit);
    std::vector<chat::Conversation> out;
    while (s->step()) out.push_back(read_conversation(*s));
    return out;
  }

  std::vector<ChatFeedRow> feed_after(int64_t after, int limit) override {
    auto s = db_.prepare("SELECT f.id, f.conversation_id, f.store_id, " + prefixed(kConvCols, "c.") + ", " +
                         prefixed(kMsgCols, "m.") +
                         " FROM chat_feed f JOIN conversations c ON c.id = f.conversation_id LEFT JOIN chat_messages m "
                         "ON f.seq > 0 AND m.conversation_id = f.conversation_id AND m.seq = f.seq "
                         "WHERE f.id > ? ORDER BY f.id LIMIT ?");
    s->bind_all(after, limit);
    std::vector<ChatFeedRow> out;
    while (s->step()) {
      ChatFeedRow row{s->i64(0), s->i64(1), s->i64(2), read_conversation(*s, 3), std::nullopt};
      if (constexpr int m = 3 + kConvColCount; s->opt_i64(m)) row.message = read_message(*s, m);
      out.push_back(std::move(row));
    }
    return out;
  }

  int64_t last_feed_id() override {
    auto s = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM chat_feed");
    s->step();
    return s->i64(0);
  }

  int64_t prune_feed(int64_t before) override {
    db_.prepare("DELETE FROM chat_feed WHERE created_at < ?")->bind_all(before).run();
    return db_.changes();
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<ChatDeskStore> ChatDeskStore::open(Stores& s) { return make_store<ChatDeskStore, SqlChatDeskStore>(s); }

}  // namespace kefu::storage
