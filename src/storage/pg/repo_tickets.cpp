// Tickets, their timeline, collaboration tasks and attachments.
#include <variant>

#include "domain/ticket/number.hpp"
#include "storage/pg/repository.hpp"
#include "storage/pg/rows.hpp"
#include "storage/pg/search.hpp"

namespace kefu::storage::pg {

const std::string kTicketCols =
    "t.id, t.number, t.store_id, t.department_id, t.type, t.channel, t.priority, t.status, t.subject, "
    "t.description, t.category, t.location, t.member_id, t.purchase_ref, t.owner_id, t.created_by, t.created_at, "
    "t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.reopen_count, t.version, "
    "t.sla_policy_id, t.first_response_due_at, t.resolution_due_at, t.callback_due_at, t.next_escalation_at";

ticket::Ticket read_ticket(Stmt& s) {
  ticket::Ticket t;
  t.id = s.i64(0);
  t.number = s.text(1);
  t.store_id = s.i64(2);
  t.department_id = s.opt_i64(3);
  t.type = s.text(4);
  t.channel = s.text(5);
  t.priority = s.text(6);
  t.status = s.text(7);
  t.subject = s.text(8);
  t.description = s.text(9);
  t.category = s.text(10);
  t.location = s.text(11);
  t.member_id = s.opt_i64(12);
  t.purchase_ref = s.text(13);
  t.owner_id = s.opt_i64(14);
  t.created_by = s.i64(15);
  t.created_at = s.i64(16);
  t.updated_at = s.i64(17);
  t.first_response_at = s.opt_i64(18);
  t.resolved_at = s.opt_i64(19);
  t.closed_at = s.opt_i64(20);
  t.reopen_count = static_cast<int>(s.i64(21));
  t.version = s.i64(22);
  t.sla_policy_id = s.opt_i64(23);
  t.first_response_due_at = s.opt_i64(24);
  t.resolution_due_at = s.opt_i64(25);
  t.callback_due_at = s.opt_i64(26);
  t.next_escalation_at = s.opt_i64(27);
  return t;
}

namespace {

using Value = std::variant<int64_t, std::string>;

// Appends "col IN (?,?,…)" for a non-empty list.
template <typename T>
void add_in(std::string& where, std::vector<Value>& args, const char* col, const std::vector<T>& values) {
  if (values.empty()) return;
  where += std::string(" AND ") + col + " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    where += i ? ",?" : "?";
    args.emplace_back(values[i]);
  }
  where += ")";
}

void add_eq(std::string& where, std::vector<Value>& args, const char* col, const std::optional<int64_t>& v) {
  if (!v) return;
  where += std::string(" AND ") + col + " = ?";
  args.emplace_back(*v);
}

}  // namespace

int64_t PgRepository::insert_ticket(ticket::Ticket& t) {
  // Several nodes insert at once: the id comes from the identity's sequence (never
  // MAX(id)+1), before the insert, so that the number can carry it.
  {
    auto s = db_.prepare("SELECT nextval(pg_get_serial_sequence('tickets', 'id'))");
    s->step();
    t.id = s->i64(0);
  }
  t.number = ticket::ticket_number(t.id, t.created_at);
  db_.prepare(
         "INSERT INTO tickets(id, number, store_id, department_id, type, channel, priority, status, subject, "
         "description, category, location, member_id, purchase_ref, owner_id, created_by, created_at, updated_at, "
         "first_response_at, resolved_at, closed_at, reopen_count, version, sla_policy_id, first_response_due_at, "
         "resolution_due_at, callback_due_at, next_escalation_at) "
         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
      ->bind_all(t.id, t.number, t.store_id, t.department_id, t.type, t.channel, t.priority, t.status, t.subject,
                 t.description, t.category, t.location, t.member_id, t.purchase_ref, t.owner_id, t.created_by,
                 t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at, t.reopen_count, t.version,
                 t.sla_policy_id, t.first_response_due_at, t.resolution_due_at, t.callback_due_at, t.next_escalation_at)
      .run();
  return t.id;
}

std::optional<ticket::Ticket> PgRepository::ticket(int64_t id) {
  static const std::string sql = "SELECT " + kTicketCols + " FROM tickets t WHERE t.id = ?";
  auto s = db_.prepare(sql);
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_ticket(*s);
}

std::optional<ticket::Ticket> PgRepository::ticket_by_number(const std::string& number) {
  auto s = db_.prepare("SELECT " + kTicketCols + " FROM tickets t WHERE t.number = ?");
  s->bind(1, number);
  if (!s->step()) return std::nullopt;
  return read_ticket(*s);
}

bool PgRepository::update_ticket(const ticket::Ticket& t, int64_t expected_version) {
  db_.prepare(
         "UPDATE tickets SET department_id=?, type=?, channel=?, priority=?, status=?, subject=?, description=?, "
         "category=?, location=?, member_id=?, purchase_ref=?, owner_id=?, updated_at=?, first_response_at=?, "
         "resolved_at=?, closed_at=?, reopen_count=?, version=?, sla_policy_id=?, first_response_due_at=?, "
         "resolution_due_at=?, callback_due_at=?, next_escalation_at=? WHERE id=? AND version=?")
      ->bind_all(t.department_id, t.type, t.channel, t.priority, t.status, t.subject, t.description, t.category,
                 t.location, t.member_id, t.purchase_ref, t.owner_id, t.updated_at, t.first_response_at, t.resolved_at,
                 t.closed_at, t.reopen_count, t.version, t.sla_policy_id, t.first_response_due_at, t.resolution_due_at,
                 t.callback_due_at, t.next_escalation_at, t.id, expected_version)
      .run();
  return db_.changes() == 1;
}

void PgRepository::update_ticket_deadlines(const ticket::Ticket& t) {
  db_.prepare(
         "UPDATE tickets SET sla_policy_id=?, first_response_due_at=?, resolution_due_at=?, callback_due_at=?, "
         "next_escalation_at=? WHERE id=?")
      ->bind_all(t.sla_policy_id, t.first_response_due_at, t.resolution_due_at, t.callback_due_at, t.next_escalation_at,
                 t.id)
      .run();
}

std::vector<ticket::Ticket> PgRepository::tickets(const TicketFilter& f) {
  std::string where = " WHERE 1=1";
  std::vector<Value> args;
  std::string from = " FROM tickets t";
  if (!f.search_terms.empty()) {
    // Each term a phrase of its words, all AND-ed, as in the FTS5 query of SQLite.
    from = " FROM ticket_search s JOIN tickets t ON t.id = s.ticket_id";
    for (const auto& term : f.search_terms) {
      std::string words = fts_words(term);
      // A term without words is an empty FTS5 phrase, which matches nothing, even
      // AND-ed with others.
      if (words.empty()) return {};
      where += " AND s.doc @@ phraseto_tsquery('simple', ?)";
      args.emplace_back(std::move(words));
    }
  }
  add_in(where, args, "t.store_id", f.store_ids);
  add_in(where, args, "t.status", f.statuses);
  add_in(where, args, "t.type", f.types);
  add_in(where, args, "t.priority", f.priorities);
  add_in(where, args, "t.channel", f.channels);
  add_eq(where, args, "t.store_id", f.store_id);
  add_eq(where, args, "t.department_id", f.department_id);
  add_eq(where, args, "t.owner_id", f.owner_id);
  add_eq(where, args, "t.member_id", f.member_id);
  if (f.created_from) where += " AND t.created_at >= ?", args.emplace_back(*f.created_from);
  if (f.created_to) where += " AND t.created_at < ?", args.emplace_back(*f.created_to);
  if (f.overdue_at) {
    where += " AND (t.first_response_due_at <= ? OR t.resolution_due_at <= ? OR t.callback_due_at <= ?)";
    for (int k = 0; k < 3; ++k) args.emplace_back(*f.overdue_at);
  }

  // Text keys compare byte-wise as in SQLite, whatever the database's collation.
  const std::string col = f.sort == "updated_at" ? "t.updated_at"
                          : f.sort == "priority" ? "t.priority COLLATE \"C\""
                                                 : "t.created_at";
  const char* cmp = f.descending ? "<" : ">";
  const char* dir = f.descending ? " DESC" : " ASC";
  std::string order;
  if (!f.search_terms.empty() && f.sort == "created_at") {
    // Ids grow with creation time, so the id order is the creation order (SQLite
    // orders by the FTS rowid, which is the ticket id).
    if (f.after_id) where += std::string(" AND t.id ") + cmp + " ?", args.emplace_back(*f.after_id);
    order = std::string(" ORDER BY t.id") + dir;
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
  // Planned for each run: the best plan depends on the values (see Plan::per_run).
  auto s = db_.prepare("SELECT " + kTicketCols + from + where + order + " LIMIT ?", Plan::per_run);
  int i = 0;
  for (const auto& a : args) std::visit([&](const auto& v) { s->bind(++i, v); }, a);
  s->bind(++i, static_cast<int64_t>(f.limit));
  std::vector<ticket::Ticket> out;
  while (s->step()) out.push_back(read_ticket(*s));
  return out;
}

void PgRepository::index_ticket(int64_t ticket_id, const std::string& tokens) {
  db_.prepare(
         "INSERT INTO ticket_search(ticket_id, tokens, doc) VALUES (?, ?, to_tsvector('simple', ?)) "
         "ON CONFLICT (ticket_id) DO UPDATE SET tokens = excluded.tokens, doc = excluded.doc")
      ->bind_all(ticket_id, tokens, fts_words(tokens))
      .run();
}

int64_t PgRepository::insert_event(const ticket::Event& e) {
  auto s = db_.prepare(
      "INSERT INTO ticket_events(ticket_id, kind, actor_id, body, data, customer_visible, created_at) "
      "VALUES (?,?,?,?,?,?,?) RETURNING id");
  s->bind_all(e.ticket_id, e.kind, e.actor_id, e.body, e.data, e.customer_visible, e.created_at);
  s->step();
  return s->i64(0);
}

std::vector<ticket::Event> PgRepository::events(int64_t ticket_id) {
  std::vector<ticket::Event> out;
  auto s = db_.prepare(
      "SELECT id, ticket_id, kind, actor_id, body, data, customer_visible, created_at FROM ticket_events "
      "WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step())
    out.push_back({s->i64(0), s->i64(1), s->text(2), s->i64(3), s->text(4), s->text(5), s->i64(6) != 0, s->i64(7)});
  return out;
}

namespace {
const std::string kTaskCols =
    "SELECT id, ticket_id, department_id, assignee_id, description, status, due_at, result, created_by, "
    "created_at, updated_at, version FROM tasks";
ticket::Task read_task(Stmt& s) {
  return {s.i64(0), s.i64(1),  s.i64(2), s.opt_i64(3), s.text(4), s.text(5),
          s.i64(6), s.text(7), s.i64(8), s.i64(9),     s.i64(10), s.i64(11)};
}
const std::string kAttachmentCols =
    "SELECT id, ticket_id, sha256, content_type, filename, size, uploaded_by, created_at FROM attachments";
ticket::Attachment read_attachment(Stmt& s) {
  return {s.i64(0), s.i64(1), s.text(2), s.text(3), s.text(4), s.i64(5), s.i64(6), s.i64(7)};
}
}  // namespace

int64_t PgRepository::insert_task(const ticket::Task& t) {
  auto s = db_.prepare(
      "INSERT INTO tasks(ticket_id, department_id, assignee_id, description, status, due_at, result, "
      "created_by, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
  s->bind_all(t.ticket_id, t.department_id, t.assignee_id, t.description, t.status, t.due_at, t.result, t.created_by,
              t.created_at, t.updated_at, t.version);
  s->step();
  return s->i64(0);
}

bool PgRepository::update_task(const ticket::Task& t, int64_t expected_version) {
  db_.prepare(
         "UPDATE tasks SET assignee_id=?, description=?, status=?, due_at=?, result=?, updated_at=?, version=? "
         "WHERE id=? AND version=?")
      ->bind_all(t.assignee_id, t.description, t.status, t.due_at, t.result, t.updated_at, t.version, t.id,
                 expected_version)
      .run();
  return db_.changes() == 1;
}

std::optional<ticket::Task> PgRepository::task(int64_t id) {
  auto s = db_.prepare(kTaskCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_task(*s);
}

std::vector<ticket::Task> PgRepository::tasks(int64_t ticket_id) {
  std::vector<ticket::Task> out;
  auto s = db_.prepare(kTaskCols + " WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_task(*s));
  return out;
}

int64_t PgRepository::insert_attachment(const ticket::Attachment& a) {
  auto s = db_.prepare(
      "INSERT INTO attachments(ticket_id, sha256, content_type, filename, size, uploaded_by, created_at) "
      "VALUES (?,?,?,?,?,?,?) RETURNING id");
  s->bind_all(a.ticket_id, a.sha256, a.content_type, a.filename, a.size, a.uploaded_by, a.created_at);
  s->step();
  return s->i64(0);
}

std::vector<ticket::Attachment> PgRepository::attachments(int64_t ticket_id) {
  std::vector<ticket::Attachment> out;
  auto s = db_.prepare(kAttachmentCols + " WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_attachment(*s));
  return out;
}

std::optional<ticket::Attachment> PgRepository::attachment(int64_t id) {
  auto s = db_.prepare(kAttachmentCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_attachment(*s);
}

}  // namespace kefu::storage::pg
