// ChatAgentStore over SQL, the same on SQLite and PostgreSQL.
#include "chat/storage/chat_agent_store.hpp"

#include "chat/storage/sql/rows.hpp"
#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;
using namespace chat_rows;

template <class S>
ChatAgent read_agent(S& s, int at = 0) {
  ChatAgent a;
  a.staff_id = s.i64(at);
  a.presence = s.text(at + 1);
  a.presence_at = s.i64(at + 2);
  a.on_call = s.i64(at + 3) != 0;
  if (auto c = s.opt_i64(at + 4)) a.capacity = static_cast<int>(*c);
  a.queues = split(s.text(at + 5));
  a.last_assigned_at = s.opt_i64(at + 6);
  return a;
}

template <class D>
class SqlChatAgentStore final : public ChatAgentStore {
 public:
  SqlChatAgentStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  void put_agent(const ChatAgent& a) override {
    std::optional<int64_t> capacity;
    if (a.capacity) capacity = *a.capacity;
    db_.prepare("INSERT INTO chat_agents(" + kAgentCols +
                ") VALUES (?,?,?,?,?,?,?) ON CONFLICT(staff_id) DO UPDATE SET presence = excluded.presence, "
                "presence_at = excluded.presence_at, on_call = excluded.on_call, capacity = excluded.capacity, "
                "queues = excluded.queues, last_assigned_at = excluded.last_assigned_at")
        ->bind_all(a.staff_id, a.presence, a.presence_at, a.on_call ? 1 : 0, capacity, join(a.queues),
                   a.last_assigned_at)
        .run();
  }

  std::optional<ChatAgent> agent(int64_t staff_id) override {
    auto s = db_.prepare("SELECT " + kAgentRead + " FROM chat_agents a WHERE a.staff_id = ?");
    s->bind(1, staff_id);
    if (!s->step()) return std::nullopt;
    return read_agent(*s);
  }

  void touch_agent(int64_t staff_id, int64_t at) override {
    db_.prepare("UPDATE chat_agents SET seen_at = ? WHERE staff_id = ?")->bind_all(at, staff_id).run();
  }

  std::vector<ChatAgentLoad> agent_loads(int64_t store_id) override {
    auto s = db_.prepare(
        "SELECT " + kAgentRead +
        ", st.role, "
        "(SELECT COUNT(*) FROM conversations c WHERE c.agent_id = a.staff_id AND c.status = 'assigned') "
        "FROM chat_agents a JOIN staff st ON st.id = a.staff_id JOIN staff_stores ss ON ss.staff_id = a.staff_id "
        "WHERE ss.store_id = ? AND st.active = 1 ORDER BY a.staff_id");
    s->bind(1, store_id);
    std::vector<ChatAgentLoad> out;
    while (s->step()) out.push_back({read_agent(*s), s->text(7), static_cast<int>(s->i64(8))});
    return out;
  }

  std::vector<int64_t> expire_presence(int64_t before, int64_t at) override {
    auto s = db_.prepare(
        "UPDATE chat_agents SET presence = 'offline', presence_at = ? WHERE presence <> 'offline' AND seen_at < ? "
        "RETURNING staff_id");
    s->bind_all(at, before);
    std::vector<int64_t> out;
    while (s->step()) out.push_back(s->i64(0));
    return out;
  }

 private:
  typename D::Db& db_;
};

}  // namespace

std::unique_ptr<ChatAgentStore> ChatAgentStore::open(Stores& s) {
  return make_store<ChatAgentStore, SqlChatAgentStore>(s);
}

}  // namespace kefu::storage
