// QaAutoSourceStore over SQL, the same on SQLite and PostgreSQL: reads the chat and ticket
// tables the automatic checks look at (never writes them).
#include "quality/storage/auto_source_store.hpp"

#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

template <class D>
class SqlQaAutoSourceStore final : public QaAutoSourceStore {
 public:
  SqlQaAutoSourceStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  std::vector<QaEndedChat> ended_chats(int64_t after_at, int64_t after_id, int64_t until, int limit) override {
    auto s = db_.prepare(
        "SELECT id, ended_at FROM conversations WHERE ended_at IS NOT NULL AND ended_at <= ? AND "
        "(ended_at > ? OR (ended_at = ? AND id > ?)) ORDER BY ended_at, id LIMIT ?");
    s->bind_all(until, after_at, after_at, after_id, int64_t{limit});
    std::vector<QaEndedChat> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1)});
    return out;
  }

  std::vector<QaTicketReply> ticket_replies(int64_t after_id, int64_t until, int limit) override {
    auto s = db_.prepare(
        "SELECT e.id, e.ticket_id, t.store_id, e.actor_id, e.body, e.created_at FROM ticket_events e "
        "JOIN tickets t ON t.id = e.ticket_id WHERE e.id > ? AND e.kind = 'reply' AND e.created_at <= ? "
        "ORDER BY e.id LIMIT ?");
    s->bind_all(after_id, until, int64_t{limit});
    std::vector<QaTicketReply> out;
    while (s->step()) out.push_back({s->i64(0), s->i64(1), s->i64(2), s->i64(3), s->text(4), s->i64(5)});
    return out;
  }

  std::vector<int64_t> follow_ups(int64_t ticket_id, int64_t from, int64_t to) override {
    auto s = db_.prepare(
        "SELECT created_at FROM ticket_events WHERE ticket_id = ? AND kind IN ('task_created', 'callback') "
        "AND created_at >= ? AND created_at <= ? ORDER BY id");
    s->bind_all(ticket_id, from, to);
    std::vector<int64_t> out;
    while (s->step()) out.push_back(s->i64(0));
    return out;
  }

  int64_t cursor(const std::string& name) override {
    auto s = db_.prepare("SELECT position FROM qa_auto_cursors WHERE name = ?");
    s->bind(1, name);
    return s->step() ? s->i64(0) : 0;
  }

  void set_cursor(const std::string& name, int64_t value) override {
    db_.prepare(
           "INSERT INTO qa_auto_cursors(name, position) VALUES (?, ?) "
           "ON CONFLICT(name) DO UPDATE SET position = excluded.position")
        ->bind_all(name, value)
        .run();
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<QaAutoSourceStore> QaAutoSourceStore::open(Stores& s) {
  return sql::make_store<QaAutoSourceStore, SqlQaAutoSourceStore>(s);
}

}  // namespace kefu::storage
