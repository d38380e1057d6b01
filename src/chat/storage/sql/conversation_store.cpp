// ConversationStore over SQL, the same on SQLite and PostgreSQL.
#include "chat/storage/conversation_store.hpp"

#include <limits>
#include <utility>

#include "chat/storage/sql/rows.hpp"
#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;
using namespace chat_rows;

// active_at follows a message only when it is kActivityStepMs behind (bind: at, step, at).
const std::string kMoveActivity = "active_at = CASE WHEN ? - active_at >= ? THEN ? ELSE active_at END";

template <class D>
class SqlConversationStore final : public ConversationStore {
 public:
  using Stmt = typename D::Stmt;
  SqlConversationStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_conversation(const chat::Conversation& c) override {
    const auto id = D::insert(
        db_,
        "INSERT INTO conversations(store_id, queue, status, visitor_digest, member_id, customer_name, "
        "agent_id, created_at, queued_at, assigned_at, first_reply_at, last_message_at, ended_at, "
        "end_reason, last_seq, active_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?)",
        c.store_id, c.queue, c.status, c.visitor_digest, c.member_id, c.customer_name, c.agent_id, c.created_at,
        c.queued_at, c.assigned_at, c.first_reply_at, c.last_message_at, c.ended_at, c.end_reason, c.last_message_at);
    feed(db_, id, c.created_at);
    return id;
  }

  std::optional<chat::Conversation> conversation(int64_t id) override {
    auto s = db_.prepare("SELECT " + kConvCols + " FROM conversations WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_conversation(*s);
  }

  std::optional<chat::Conversation> conversation_by_visitor(const std::string& digest) override {
    auto s = db_.prepare("SELECT " + kConvCols + " FROM conversations WHERE visitor_digest = ?");
    s->bind(1, digest);
    if (!s->step()) return std::nullopt;
    return read_conversation(*s);
  }

  Appended append_message(const chat::Message& m) override {
    if (auto out = append(m, false)) return *out;
    throw std::logic_error("no conversation " + std::to_string(m.conversation_id));
  }

  std::optional<Appended> append_while_open(const chat::Message& m) override { return append(m, true); }

  std::vector<chat::Message> messages_after(int64_t conversation_id, int64_t after, int limit) override {
    auto s = db_.prepare("SELECT " + kMsgCols +
                         " FROM chat_messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?");
    s->bind_all(conversation_id, after, limit);
    std::vector<chat::Message> out;
    while (s->step()) out.push_back(read_message(*s));
    return out;
  }

  std::vector<chat::Conversation> waiting(int64_t store_id, const std::string& queue, int limit) override {
    auto s = db_.prepare("SELECT " + kConvCols +
                         " FROM conversations WHERE store_id = ? AND queue = ? AND status = 'queued' "
                         "ORDER BY queued_at, id LIMIT ?");
    s->bind_all(store_id, queue, limit > 0 ? int64_t{limit} : std::numeric_limits<int64_t>::max());
    std::vector<chat::Conversation> out;
    while (s->step()) out.push_back(read_conversation(*s));
    return out;
  }

  int64_t waiting_ahead(const chat::Conversation& c) override {
    auto s = db_.prepare(
        "SELECT COUNT(*) FROM conversations WHERE store_id = ? AND queue = ? AND status = 'queued' AND "
        "(queued_at < ? OR (queued_at = ? AND id < ?))");
    s->bind_all(c.store_id, c.queue, c.queued_at.value_or(0), c.queued_at.value_or(0), c.id);
    s->step();
    return s->i64(0);
  }

  int64_t waiting_count(int64_t store_id, const std::string& queue) override {
    auto s = db_.prepare("SELECT COUNT(*) FROM conversations WHERE store_id = ? AND queue = ? AND status = 'queued'");
    s->bind_all(store_id, queue);
    s->step();
    return s->i64(0);
  }

  bool assign(int64_t id, const std::string& from_status, std::optional<int64_t> from_agent, int64_t agent_id,
              int64_t at) override {
    // IS NOT DISTINCT FROM on PostgreSQL, IS on SQLite: spelled out for both.
    db_.prepare(
           "UPDATE conversations SET status = 'assigned', agent_id = ?, assigned_at = ? WHERE id = ? AND status = ? "
           "AND ((? = 0 AND agent_id IS NULL) OR agent_id = ?)")
        ->bind_all(agent_id, at, id, from_status, from_agent.value_or(0), from_agent.value_or(0))
        .run();
    if (db_.changes() != 1) return false;
    feed(db_, id, at);
    return true;
  }

  bool requeue(int64_t id, const std::string& queue, int64_t at) override {
    db_.prepare(
           "UPDATE conversations SET status = 'queued', queue = ?, agent_id = NULL, queued_at = ? "
           "WHERE id = ? AND status <> 'ended'")
        ->bind_all(queue, at, id)
        .run();
    if (db_.changes() != 1) return false;
    feed(db_, id, at);
    return true;
  }

  bool end_conversation(int64_t id, const std::string& reason, int64_t at) override {
    db_.prepare(
           "UPDATE conversations SET status = 'ended', ended_at = ?, end_reason = ? WHERE id = ? AND status <> 'ended'")
        ->bind_all(at, reason, id)
        .run();
    if (db_.changes() != 1) return false;
    feed(db_, id, at);
    return true;
  }

  bool reopen(int64_t id, int64_t at) override {
    db_.prepare(
           "UPDATE conversations SET status = 'queued', agent_id = NULL, queued_at = ?, ended_at = NULL, "
           "end_reason = '' WHERE id = ? AND status = 'ended'")
        ->bind_all(at, id)
        .run();
    if (db_.changes() != 1) return false;
    feed(db_, id, at);
    return true;
  }

  std::vector<chat::Conversation> agent_conversations(int64_t agent_id) override {
    auto s = db_.prepare("SELECT " + kConvCols +
                         " FROM conversations WHERE agent_id = ? AND status = 'assigned' "
                         "ORDER BY last_message_at DESC, id DESC");
    s->bind(1, agent_id);
    std::vector<chat::Conversation> out;
    while (s->step()) out.push_back(read_conversation(*s));
    return out;
  }

 private:
  // Appends `m` (only to a conversation that has not ended, with `open_only`); a retry comes
  // back as stored; nullopt: no conversation took it.
  std::optional<Appended> append(const chat::Message& m, bool open_only) {
    const bool replies = m.sender == "agent" && m.kind != "whisper";
    if constexpr (D::kWritingCte) {
      if (auto row = append_in_one(m, replies, open_only)) {
        chat::Message stored = m;
        stored.seq = row->first;
        return Appended{stored, false, row->second};
      }
      // Nothing appended: a retry of a stored message, or no (open) conversation.
      if (auto earlier = stored_retry(m)) return Appended{*earlier, true};
      return std::nullopt;
    } else {
      if (auto earlier = stored_retry(m)) return Appended{*earlier, true};
      // SQLite has one writer, so the numbers come without holes.
      auto u = db_.prepare("UPDATE conversations SET last_seq = last_seq + 1, last_message_at = ?, " + kMoveActivity +
                           ", first_reply_at = CASE WHEN ? = 1 AND first_reply_at IS NULL THEN ? ELSE first_reply_at "
                           "END WHERE id = ? AND (? = 0 OR status <> 'ended') RETURNING last_seq, status");
      u->bind_all(m.created_at, m.created_at, chat::kActivityStepMs, m.created_at, replies ? 1 : 0, m.created_at,
                  m.conversation_id, open_only ? 1 : 0);
      if (!u->step()) return std::nullopt;
      chat::Message stored = m;
      stored.seq = u->i64(0);
      const auto status = u->text(1);
      u->reset();
      db_.prepare("INSERT INTO chat_messages(" + kMsgCols + ") VALUES (?,?,?,?,?,?,?,?,?)")
          ->bind_all(stored.conversation_id, stored.seq, stored.sender, stored.staff_id, stored.client_msg_id,
                     stored.kind, stored.body, stored.attachment_id, stored.created_at)
          .run();
      feed(db_, stored.conversation_id, stored.created_at, stored.seq);
      return Appended{stored, false, status};
    }
  }

  // The message a retry of `m` (same sender and client id) already stored.
  std::optional<chat::Message> stored_retry(const chat::Message& m) {
    if (m.client_msg_id.empty()) return std::nullopt;
    auto s = db_.prepare("SELECT " + kMsgCols +
                         " FROM chat_messages WHERE conversation_id = ? AND sender = ? AND client_msg_id = ?");
    s->bind_all(m.conversation_id, m.sender, m.client_msg_id);
    if (!s->step()) return std::nullopt;
    return read_message(*s);
  }

  // PostgreSQL: the counter, the message and the feed row in one statement, one round
  // trip instead of four (see PgDialect::kWritingCte). The UPDATE's row lock orders
  // concurrent writers of one conversation; a retry racing its original past the NOT
  // EXISTS meets chat_messages_client (23505) and the job's second try finds it stored.
  // No row: nothing was appended. Else the message's number and the conversation's status.
  std::optional<std::pair<int64_t, std::string>> append_in_one(const chat::Message& m, bool replies, bool open_only) {
    auto s = db_.prepare(
        "WITH c AS (UPDATE conversations SET last_seq = last_seq + 1, last_message_at = ?, " + kMoveActivity +
        ", first_reply_at = CASE WHEN ? = 1 AND first_reply_at IS NULL THEN ? ELSE first_reply_at END "
        "WHERE id = ? AND (? = 0 OR status <> 'ended') AND (? = '' OR NOT "
        "EXISTS (SELECT 1 FROM chat_messages WHERE conversation_id = ? AND sender = ? AND client_msg_id = ?)) "
        "RETURNING id, store_id, last_seq, status), "
        "m AS (INSERT INTO chat_messages(" +
        kMsgCols +
        ") SELECT id, last_seq, CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), "
        "CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS BIGINT) FROM c), "
        "f AS (INSERT INTO chat_feed(conversation_id, store_id, created_at, seq) SELECT id, store_id, CAST(? AS "
        "BIGINT), "
        "last_seq FROM c) "
        "SELECT last_seq, status FROM c");
    s->bind_all(m.created_at, m.created_at, chat::kActivityStepMs, m.created_at, replies ? 1 : 0, m.created_at,
                m.conversation_id, open_only ? 1 : 0, m.client_msg_id, m.conversation_id, m.sender, m.client_msg_id,
                m.sender, m.staff_id, m.client_msg_id, m.kind, m.body, m.attachment_id, m.created_at, m.created_at);
    if (!s->step()) return std::nullopt;
    return std::pair{s->i64(0), s->text(1)};
  }

  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<ConversationStore> ConversationStore::open(Stores& s) {
  return make_store<ConversationStore, SqlConversationStore>(s);
}

}  // namespace kefu::storage
