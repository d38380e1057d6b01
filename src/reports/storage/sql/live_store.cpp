// LiveStore over SQL, the same on SQLite and PostgreSQL. Each statement seeks an index by
// store: tickets by (store, status) for the open ones, (store, created_at) for today's,
// (store, updated_at) for today's resolutions (a ticket resolved today was updated today),
// (store, callback_due_at) for callbacks; conversations by (store, status, active_at)
// (a conversation started today was active today). Only CSAT ratings have no index by
// time: they are read whole, filtered by when they were given.
#include "reports/storage/live_store.hpp"

#include <algorithm>

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

// The statuses a ticket still owes work in (tickets/domain/vocabulary.hpp).
constexpr const char* kOpen = "('new', 'in_progress', 'waiting_customer', 'waiting_internal')";
constexpr const char* kDone = "('resolved', 'closed')";

// The earliest of a ticket's deadlines (NULLs left out; portable, unlike MIN/LEAST).
constexpr const char* kEarliest =
    "CASE WHEN t.first_response_due_at IS NOT NULL AND (t.resolution_due_at IS NULL OR t.first_response_due_at <= "
    "t.resolution_due_at) THEN t.first_response_due_at ELSE t.resolution_due_at END";

std::string in_list(const char* col, std::size_t n) {
  return std::string(" AND ") + col + " IN (" + placeholders(n) + ")";
}

template <class D>
class SqlLiveStore final : public LiveStore {
 public:
  using Stmt = typename D::Stmt;
  SqlLiveStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  LiveTicketCounts ticket_counts(const std::vector<int64_t>& store_ids, int64_t from) override;
  LiveBreaching breaching(const std::vector<int64_t>& store_ids, std::optional<int64_t> from, int64_t to,
                          int limit) override;
  LiveCsat csat(const std::vector<int64_t>& store_ids, int64_t from, int64_t to) override;
  LiveChatCounts chats(const std::vector<int64_t>& store_ids, int64_t from) override;
  std::vector<LiveQueue> queues(const std::vector<int64_t>& store_ids) override;
  LiveAgents agents(const std::vector<int64_t>& store_ids) override;

 private:
  // Binds the store ids from placeholder `first` on; returns the next placeholder.
  static int bind_stores(Stmt& s, const std::vector<int64_t>& ids, int first) {
    for (std::size_t i = 0; i < ids.size(); ++i) s.bind(first + static_cast<int>(i), ids[i]);
    return first + static_cast<int>(ids.size());
  }
  // The open tickets (or the resolved ones with a callback) whose deadline is in range.
  std::string breaching_from(std::size_t stores, bool with_from) const;

  typename D::Db& db_;
};

void add_count(std::vector<std::pair<std::string, int64_t>>& v, const std::string& key, int64_t n) {
  auto it = std::find_if(v.begin(), v.end(), [&](const auto& p) { return p.first == key; });
  if (it == v.end())
    v.emplace_back(key, n);
  else
    it->second += n;
}

void most_first(std::vector<std::pair<std::string, int64_t>>& v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
}

template <class D>
LiveTicketCounts SqlLiveStore<D>::ticket_counts(const std::vector<int64_t>& store_ids, int64_t from) {
  LiveTicketCounts out;
  if (store_ids.empty()) return out;
  const auto n = store_ids.size();
  {
    auto s = db_.prepare("SELECT t.channel, t.category, COUNT(*) FROM tickets t WHERE t.created_at >= ?" +
                         in_list("t.store_id", n) + " GROUP BY t.channel, t.category");
    s->bind(1, from);
    bind_stores(*s, store_ids, 2);
    while (s->step()) {
      const auto count = s->i64(2);
      out.created += count;
      add_count(out.by_channel, s->text(0), count);
      if (!s->text(1).empty()) add_count(out.by_category, s->text(1), count);
    }
    most_first(out.by_channel);
    most_first(out.by_category);
  }
  {
    auto s = db_.prepare(std::string("SELECT COUNT(*) FROM tickets t WHERE t.status IN ") + kOpen +
                         in_list("t.store_id", n));
    bind_stores(*s, store_ids, 1);
    s->step();
    out.open = s->i64(0);
  }
  {
    auto s = db_.prepare(std::string("SELECT COUNT(*) FROM tickets t WHERE t.updated_at >= ? AND t.resolved_at >= ? "
                                     "AND t.status IN ") +
                         kDone + in_list("t.store_id", n));
    s->bind(1, from).bind(2, from);
    bind_stores(*s, store_ids, 3);
    s->step();
    out.resolved = s->i64(0);
  }
  return out;
}

// The open tickets are a small share of all: without the hint SQLite walks the whole table
// for several stores (measured 12 ms vs 1 ms over 20k tickets, two stores).
template <class D>
std::string SqlLiveStore<D>::breaching_from(std::size_t stores, bool with_from) const {
  const std::string range = with_from ? " >= ? AND due < ?" : " < ?";
  const std::string cols = "t.id, t.number, t.subject, t.store_id, t.owner_id, ";
  return "SELECT * FROM (SELECT " + cols + kEarliest +
         " AS due, CASE WHEN t.first_response_due_at IS NOT NULL AND (t.resolution_due_at IS NULL OR "
         "t.first_response_due_at <= t.resolution_due_at) THEN 'first_response' ELSE 'resolution' END AS metric "
         "FROM tickets t WHERE " +
         D::rare(std::string("t.status IN ") + kOpen) + in_list("t.store_id", stores) + ") o WHERE due" + range +
         " UNION ALL SELECT " + cols +
         "t.callback_due_at AS due, 'callback' AS metric FROM tickets t WHERE t.callback_due_at" +
         (with_from ? " >= ? AND t.callback_due_at < ?" : " < ?") + " AND t.status IN " + kDone +
         in_list("t.store_id", stores);
}

template <class D>
LiveBreaching SqlLiveStore<D>::breaching(const std::vector<int64_t>& store_ids, std::optional<int64_t> from, int64_t to,
                                         int limit) {
  LiveBreaching out;
  if (store_ids.empty()) return out;
  const std::string inner = breaching_from(store_ids.size(), from.has_value());
  auto bind_range = [&](Stmt& s) {
    int at = bind_stores(s, store_ids, 1);
    if (from) s.bind(at++, *from);
    s.bind(at++, to);
    if (from) s.bind(at++, *from);
    s.bind(at++, to);
    return bind_stores(s, store_ids, at);
  };
  {
    auto s = db_.prepare("SELECT COUNT(*) FROM (" + inner + ") b");
    bind_range(*s);
    s->step();
    out.count = s->i64(0);
  }
  auto s = db_.prepare(
      "SELECT b.id, b.number, b.subject, b.store_id, b.owner_id, b.due, b.metric, st.display_name "
      "FROM (" +
      inner + ") b LEFT JOIN staff st ON st.id = b.owner_id ORDER BY b.due, b.id LIMIT ?");
  s->bind(bind_range(*s), static_cast<int64_t>(limit));
  while (s->step()) {
    LiveTicket t;
    t.id = s->i64(0);
    t.number = s->text(1);
    t.subject = s->text(2);
    t.store_id = s->i64(3);
    t.owner_id = s->opt_i64(4);
    t.due_at = s->i64(5);
    t.metric = s->text(6);
    if (t.owner_id) t.owner_name = s->text(7);
    out.tickets.push_back(std::move(t));
  }
  return out;
}

template <class D>
LiveCsat SqlLiveStore<D>::csat(const std::vector<int64_t>& store_ids, int64_t from, int64_t to) {
  LiveCsat out;
  if (store_ids.empty()) return out;
  auto s = db_.prepare(
      "SELECT COUNT(*), COALESCE(SUM(r.rating), 0), COUNT(*) FILTER (WHERE r.rating >= 4) FROM csat_ratings r "
      "JOIN tickets t ON t.id = r.ticket_id WHERE r.created_at >= ? AND r.created_at < ?" +
      in_list("t.store_id", store_ids.size()));
  s->bind(1, from).bind(2, to);
  bind_stores(*s, store_ids, 3);
  s->step();
  out.n = s->i64(0);
  out.sum = s->i64(1);
  out.good = s->i64(2);
  return out;
}

template <class D>
LiveChatCounts SqlLiveStore<D>::chats(const std::vector<int64_t>& store_ids, int64_t from) {
  LiveChatCounts out;
  if (store_ids.empty()) return out;
  auto s = db_.prepare(
      "SELECT COUNT(*), COUNT(*) FILTER (WHERE ticket_id IS NULL) FROM conversations WHERE status IN ('bot', "
      "'queued', 'assigned', 'ended') AND active_at >= ? AND created_at >= ?" +
      in_list("store_id", store_ids.size()));
  s->bind(1, from).bind(2, from);
  bind_stores(*s, store_ids, 3);
  s->step();
  out.started = s->i64(0);
  out.without_ticket = s->i64(1);
  return out;
}

template <class D>
std::vector<LiveQueue> SqlLiveStore<D>::queues(const std::vector<int64_t>& store_ids) {
  std::vector<LiveQueue> out;
  if (store_ids.empty()) return out;
  auto s = db_.prepare(
      "SELECT queue, COUNT(*), MIN(COALESCE(queued_at, created_at)) FROM conversations WHERE "
      "status = 'queued'" +
      in_list("store_id", store_ids.size()) + " GROUP BY queue ORDER BY 3, queue" + D::kBytes);
  bind_stores(*s, store_ids, 1);
  while (s->step()) out.push_back({s->text(0), s->i64(1), s->i64(2)});
  return out;
}

template <class D>
LiveAgents SqlLiveStore<D>::agents(const std::vector<int64_t>& store_ids) {
  LiveAgents out;
  if (store_ids.empty()) return out;
  auto s = db_.prepare(
      "SELECT a.presence, a.on_call, (SELECT COUNT(*) FROM conversations c WHERE c.agent_id = a.staff_id AND "
      "c.status = 'assigned') FROM chat_agents a JOIN staff st ON st.id = a.staff_id WHERE a.presence IN ('online', "
      "'away') AND st.active = 1 AND EXISTS (SELECT 1 FROM staff_stores ss WHERE ss.staff_id = a.staff_id" +
      in_list("ss.store_id", store_ids.size()) + ")");
  bind_stores(*s, store_ids, 1);
  while (s->step()) {
    if (s->text(0) == "away") {
      ++out.away;
      continue;
    }
    ++out.online;
    if (s->i64(1) != 0 || s->i64(2) > 0) ++out.busy;
  }
  return out;
}

}  // namespace

std::unique_ptr<LiveStore> LiveStore::open(Stores& s) { return make_store<LiveStore, SqlLiveStore>(s); }

}  // namespace kefu::storage
