// TicketStore over SQL: the same statements on SQLite and PostgreSQL, except where the
// engines differ (how a new ticket gets its id, and the search table: FTS5 on SQLite,
// a tsvector on PostgreSQL), which Search<D> says. SQLite also keeps recently read
// tickets in memory (sqlite_ticket_cache.hpp).
#include "tickets/storage/ticket_store.hpp"

#include <algorithm>
#include <variant>

#include "core/storage/pg/search.hpp"
#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "reports/domain/metric_filter.hpp"
#include "reports/storage/report_marks.hpp"
#include "tickets/domain/number.hpp"
#include "tickets/storage/sql/rows.hpp"
#include "tickets/storage/sql/sqlite_ticket_cache.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

// The engine-specific parts of ticket storage.
template <class D>
struct Search;

template <>
struct Search<sqlite::SqliteDialect> {
  // Only the writer inserts, so MAX(id)+1 cannot race.
  static constexpr const char* kNextTicketId = "SELECT COALESCE(MAX(id), 0) + 1 FROM tickets";
  // FTS rowid = ticket id; the FTS index drives the scan newest-first.
  static constexpr const char* kFrom = " FROM ticket_fts f JOIN tickets t ON t.id = f.rowid";
  static constexpr const char* kId = "f.rowid";
  // One FTS5 MATCH: each term a quoted phrase (quotes doubled), all AND-ed.
  static bool match(const std::vector<std::string>& terms, std::string& where, std::vector<Value>& args) {
    std::string q;
    for (const auto& term : terms) {
      std::string phrase;
      for (char c : term) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
      q += (q.empty() ? "\"" : " AND \"") + phrase + "\"";
    }
    where += " AND ticket_fts MATCH ?";
    args.emplace_back(std::move(q));
    return true;
  }
  static void index(sqlite::Connection& db, int64_t ticket_id, const std::string& tokens) {
    db.prepare("DELETE FROM ticket_fts WHERE rowid = ?")->bind(1, ticket_id).run();
    db.prepare("INSERT INTO ticket_fts(rowid, tokens) VALUES (?, ?)")->bind_all(ticket_id, tokens).run();
  }
};

template <>
struct Search<pg::PgDialect> {
  // Several nodes insert at once: the id comes from the identity's sequence (never
  // MAX(id)+1).
  static constexpr const char* kNextTicketId = "SELECT nextval(pg_get_serial_sequence('tickets', 'id'))";
  // The tsvector table (core/storage/pg/search.hpp); its ticket_id orders results by creation.
  static constexpr const char* kFrom = " FROM ticket_search s JOIN tickets t ON t.id = s.ticket_id";
  static constexpr const char* kId = "t.id";
  // Each term a phrase of its words, all AND-ed, as in the FTS5 query of SQLite.
  static bool match(const std::vector<std::string>& terms, std::string& where, std::vector<Value>& args) {
    for (const auto& term : terms) {
      std::string words = pg::fts_words(term);
      // A term without words is an empty FTS5 phrase, which matches nothing, even
      // AND-ed with others.
      if (words.empty()) return false;
      where += " AND s.doc @@ phraseto_tsquery('simple', ?)";
      args.emplace_back(std::move(words));
    }
    return true;
  }
  static void index(pg::Connection& db, int64_t ticket_id, const std::string& tokens) {
    db.prepare(
          "INSERT INTO ticket_search(ticket_id, tokens, doc) VALUES (?, ?, to_tsvector('simple', ?)) "
          "ON CONFLICT (ticket_id) DO UPDATE SET tokens = excluded.tokens, doc = excluded.doc")
        ->bind_all(ticket_id, tokens, pg::fts_words(tokens))
        .run();
  }
};

// Open tickets are a small share of a store's history (most are closed), so a filter
// on open statuses is selective: the dialect may say so to the planner (D::rare). A
// filter that includes finished statuses gets no hint.
template <class D>
void add_status(std::string& where, std::vector<Value>& args, const std::vector<std::string>& statuses) {
  if (statuses.empty()) return;
  bool only_open = std::none_of(statuses.begin(), statuses.end(),
                                [](const std::string& s) { return s == "resolved" || s == "closed"; });
  std::string in;
  add_in(in, args, "t.status", statuses);  // " AND t.status IN (?,…)"
  where += only_open ? " AND " + D::rare(in.substr(5)) : in;
}

template <class D>
class SqlTicketStore : public TicketStore {
 public:
  SqlTicketStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_ticket(ticket::Ticket&) override;
  std::optional<ticket::Ticket> ticket(int64_t id) override;
  std::optional<ticket::Ticket> ticket_by_number(const std::string& number) override;
  bool update_ticket(const ticket::Ticket&, int64_t expected_version) override;
  std::vector<ticket::Ticket> tickets(const TicketFilter&) override;
  void update_ticket_deadlines(const ticket::Ticket&) override;
  void index_ticket(int64_t ticket_id, const std::string& tokens) override { Search<D>::index(db_, ticket_id, tokens); }

 protected:
  // Called with a ticket's id before insert_ticket, update_ticket or
  // update_ticket_deadlines writes it (SQLite's writer invalidates its cache by it).
  virtual void touched(int64_t ticket_id) {}
  // The ticket's report facts are stale (reports/storage/report_marks.hpp).
  void mark_for_reports(int64_t ticket_id) {
    if (report_marking()) db_.prepare(kMarkReportDirty)->bind(1, ticket_id).run();
  }

  typename D::Db& db_;
};

template <class D>
int64_t SqlTicketStore<D>::insert_ticket(ticket::Ticket& t) {
  // The id is chosen before the insert, so that the number can carry it.
  {
    auto s = db_.prepare(Search<D>::kNextTicketId);
    s->step();
    t.id = s->i64(0);
  }
  t.number = ticket::ticket_number(t.id, t.created_at);
  touched(t.id);
  db_.prepare(
         "INSERT INTO tickets(id, number, store_id, department_id, type, channel, priority, status, subject, "
         "description, category, location, member_id, purchase_ref, owner_id, created_by, created_at, updated_at, "
         "first_response_at, resolved_at, closed_at, reopen_count, version, sla_policy_id, first_response_due_at, "
         "resolution_due_at, callback_due_at, next_escalation_at, purchase_line_id) "
         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
      ->bind_all(t.id, t.number, t.store_id, t.department_id, t.type, t.channel, t.priority, t.status, t.subject,
                 t.description, t.category, t.location, t.member_id, t.purchase_ref, t.owner_id, t.created_by,
                 t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.reopen_count, t.version,
                 t.sla_policy_id, t.first_response_due_at, t.resolution_due_at, t.callback_due_at, t.next_escalation_at,
                 t.purchase_line_id)
      .run();
  mark_for_reports(t.id);
  return t.id;
}

template <class D>
std::optional<ticket::Ticket> SqlTicketStore<D>::ticket(int64_t id) {
  static const std::string sql = "SELECT " + kTicketCols + " FROM tickets t WHERE t.id = ?";
  auto s = db_.prepare(sql);
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_ticket(*s);
}

template <class D>
std::optional<ticket::Ticket> SqlTicketStore<D>::ticket_by_number(const std::string& number) {
  auto s = db_.prepare("SELECT " + kTicketCols + " FROM tickets t WHERE t.number = ?");
  s->bind(1, number);
  if (!s->step()) return std::nullopt;
  return read_ticket(*s);
}

template <class D>
bool SqlTicketStore<D>::update_ticket(const ticket::Ticket& t, int64_t expected_version) {
  touched(t.id);
  db_.prepare(
         "UPDATE tickets SET department_id=?, type=?, channel=?, priority=?, status=?, subject=?, description=?, "
         "category=?, location=?, member_id=?, purchase_ref=?, owner_id=?, updated_at=?, first_response_at=?, "
         "resolved_at=?, closed_at=?, reopen_count=?, version=?, sla_policy_id=?, first_response_due_at=?, "
         "resolution_due_at=?, callback_due_at=?, next_escalation_at=?, purchase_line_id=? WHERE id=? AND version=?")
      ->bind_all(t.department_id, t.type, t.channel, t.priority, t.status, t.subject, t.description, t.category,
                 t.location, t.member_id, t.purchase_ref, t.owner_id, t.updated_at, t.first_response_at, t.resolved_at,
                 t.closed_at, t.reopen_count, t.version, t.sla_policy_id, t.first_response_due_at, t.resolution_due_at,
                 t.callback_due_at, t.next_escalation_at, t.purchase_line_id, t.id, expected_version)
      .run();
  if (db_.changes() != 1) return false;
  mark_for_reports(t.id);
  return true;
}

template <class D>
void SqlTicketStore<D>::update_ticket_deadlines(const ticket::Ticket& t) {
  touched(t.id);
  db_.prepare(
         "UPDATE tickets SET sla_policy_id=?, first_response_due_at=?, resolution_due_at=?, callback_due_at=?, "
         "next_escalation_at=? WHERE id=?")
      ->bind_all(t.sla_policy_id, t.first_response_due_at, t.resolution_due_at, t.callback_due_at, t.next_escalation_at,
                 t.id)
      .run();
  mark_for_reports(t.id);  // a recorded breach changes the ticket's SLA verdict
}

template <class D>
std::vector<ticket::Ticket> SqlTicketStore<D>::tickets(const TicketFilter& f) {
  std::string where = " WHERE 1=1";
  std::vector<Value> args;
  std::string from = " FROM tickets t";
  if (!f.search_terms.empty()) {
    from = Search<D>::kFrom;
    if (!Search<D>::match(f.search_terms, where, args)) return {};
  }
  add_in(where, args, "t.store_id", f.store_ids);
  add_status<D>(where, args, f.statuses);
  add_in(where, args, "t.type", f.types);
  add_in(where, args, "t.priority", f.priorities);
  add_in(where, args, "t.channel", f.channels);
  add_eq(where, args, "t.store_id", f.store_id);
  add_eq(where, args, "t.department_id", f.department_id);
  add_eq(where, args, "t.owner_id", f.owner_id);
  add_eq(where, args, "t.member_id", f.member_id);
  if (f.created_from) where += " AND t.created_at >= ?", args.emplace_back(*f.created_from);
  if (f.created_to) where += " AND t.created_at < ?", args.emplace_back(*f.created_to);
  if (f.category) where += " AND t.category = ?", args.emplace_back(*f.category);
  if (auto cond = reports::metric_condition(f.metric); !cond.empty())
    where += " AND EXISTS (SELECT 1 FROM ticket_facts rf WHERE rf.ticket_id = t.id AND " + cond + ")";
  if (f.overdue_at) {
    where += " AND (t.first_response_due_at <= ? OR t.resolution_due_at <= ? OR t.callback_due_at <= ?)";
    for (int k = 0; k < 3; ++k) args.emplace_back(*f.overdue_at);
  }

  // Text keys compare byte-wise on both backends, whatever the database's collation.
  const std::string col = f.sort == "updated_at" ? "t.updated_at"
                          : f.sort == "priority" ? std::string("t.priority") + D::kBytes
                                                 : "t.created_at";
  const char* cmp = f.descending ? "<" : ">";
  const char* dir = f.descending ? " DESC" : " ASC";
  std::string order;
  if (!f.search_terms.empty() && f.sort == "created_at") {
    // Ids grow with creation time, so the search's ticket id order is the creation order.
    if (f.after_id) where += std::string(" AND ") + Search<D>::kId + " " + cmp + " ?", args.emplace_back(*f.after_id);
    order = std::string(" ORDER BY ") + Search<D>::kId + dir;
  } else {
    if (f.after_id && f.after_key) {
      where += " AND (" + col + " " + cmp + " ? OR (" + col + " = ? AND t.id " + cmp + " ?))";
      Value key = f.sort == "priority" ? Value(*f.after_key) : Value(std::stoll(*f.after_key));
      args.push_back(key);
      args.push_back(key);
      args.emplace_back(*f.after_id);
    }
    order = " ORDER BY " + col + dir + ", t.id" + dir;
  }
  // The best plan depends on the values (a rare search word wants the search index, a
  // common one the id order).
  auto s = D::prepare_per_run(db_, "SELECT " + kTicketCols + from + where + order + " LIMIT ?");
  s->bind(bind_values(*s, args), static_cast<int64_t>(f.limit));
  std::vector<ticket::Ticket> out;
  while (s->step()) out.push_back(read_ticket(*s));
  return out;
}

// On SQLite, readers look tickets up in the database-wide row cache first and fill it;
// the writer records the tickets it writes, which the cache drops after the commit.
class SqliteTicketStore final : public SqlTicketStore<sqlite::SqliteDialect> {
 public:
  SqliteTicketStore(sqlite::Connection& db, sqlite::SqliteStores& stores)
      : SqlTicketStore(db, stores), stores_(stores), cache_(stores.shared().get<sqlite::SqliteTicketCache>()) {}

  std::optional<ticket::Ticket> ticket(int64_t id) override {
    if (stores_.writer()) return SqlTicketStore::ticket(id);
    if (auto hit = cache_.get(id)) return hit;
    const uint64_t seq = stores_.read_seq();
    auto t = SqlTicketStore::ticket(id);
    if (t) cache_.put(*t, seq);
    return t;
  }

 protected:
  void touched(int64_t ticket_id) override {
    if (stores_.writer()) cache_.touch(ticket_id);
  }

 private:
  sqlite::SqliteStores& stores_;
  sqlite::SqliteTicketCache& cache_;
};

}  // namespace

std::unique_ptr<TicketStore> TicketStore::open(Stores& s) {
  if (auto* lite = s.sqlite()) return std::make_unique<SqliteTicketStore>(lite->connection(), *lite);
  return std::make_unique<SqlTicketStore<pg::PgDialect>>(s.pg()->connection(), *s.pg());
}

}  // namespace kefu::storage
