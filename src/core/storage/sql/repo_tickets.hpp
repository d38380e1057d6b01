#pragma once
// Tickets, their timeline, collaboration tasks and attachments, callbacks due,
// the activity stream and the customer's own contact.
// Template definitions: included only by the backends' repository.cpp.
#include <algorithm>
#include <variant>

#include "core/storage/sql/repository.hpp"
#include "core/storage/sql/rows.hpp"
#include "tickets/domain/number.hpp"

namespace kefu::storage::sql {

namespace detail {

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

inline void add_eq(std::string& where, std::vector<Value>& args, const char* col, const std::optional<int64_t>& v) {
  if (!v) return;
  where += std::string(" AND ") + col + " = ?";
  args.emplace_back(*v);
}

}  // namespace detail

template <class D>
int64_t SqlRepository<D>::insert_ticket(ticket::Ticket& t) {
  // The id is chosen before the insert, so that the number can carry it.
  {
    auto s = db_.prepare(D::kNextTicketId);
    s->step();
    t.id = s->i64(0);
  }
  t.number = ticket::ticket_number(t.id, t.created_at);
  touched(t.id);
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

template <class D>
std::optional<ticket::Ticket> SqlRepository<D>::ticket(int64_t id) {
  static const std::string sql = "SELECT " + kTicketCols + " FROM tickets t WHERE t.id = ?";
  auto s = db_.prepare(sql);
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_ticket(*s);
}

template <class D>
std::optional<ticket::Ticket> SqlRepository<D>::ticket_by_number(const std::string& number) {
  auto s = db_.prepare("SELECT " + kTicketCols + " FROM tickets t WHERE t.number = ?");
  s->bind(1, number);
  if (!s->step()) return std::nullopt;
  return read_ticket(*s);
}

template <class D>
bool SqlRepository<D>::update_ticket(const ticket::Ticket& t, int64_t expected_version) {
  touched(t.id);
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

template <class D>
void SqlRepository<D>::update_ticket_deadlines(const ticket::Ticket& t) {
  touched(t.id);
  db_.prepare(
         "UPDATE tickets SET sla_policy_id=?, first_response_due_at=?, resolution_due_at=?, callback_due_at=?, "
         "next_escalation_at=? WHERE id=?")
      ->bind_all(t.sla_policy_id, t.first_response_due_at, t.resolution_due_at, t.callback_due_at, t.next_escalation_at,
                 t.id)
      .run();
}

template <class D>
std::vector<ticket::Ticket> SqlRepository<D>::tickets(const TicketFilter& f) {
  std::string where = " WHERE 1=1";
  std::vector<Value> args;
  std::string from = " FROM tickets t";
  if (!f.search_terms.empty()) {
    from = D::kSearchFrom;
    if (!D::match(f.search_terms, where, args)) return {};
  }
  detail::add_in(where, args, "t.store_id", f.store_ids);
  detail::add_status<D>(where, args, f.statuses);
  detail::add_in(where, args, "t.type", f.types);
  detail::add_in(where, args, "t.priority", f.priorities);
  detail::add_in(where, args, "t.channel", f.channels);
  detail::add_eq(where, args, "t.store_id", f.store_id);
  detail::add_eq(where, args, "t.department_id", f.department_id);
  detail::add_eq(where, args, "t.owner_id", f.owner_id);
  detail::add_eq(where, args, "t.member_id", f.member_id);
  if (f.created_from) where += " AND t.created_at >= ?", args.emplace_back(*f.created_from);
  if (f.created_to) where += " AND t.created_at < ?", args.emplace_back(*f.created_to);
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
    if (f.after_id) where += std::string(" AND ") + D::kSearchId + " " + cmp + " ?", args.emplace_back(*f.after_id);
    order = std::string(" ORDER BY ") + D::kSearchId + dir;
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
  int i = 0;
  for (const auto& a : args) std::visit([&](const auto& v) { s->bind(++i, v); }, a);
  s->bind(++i, static_cast<int64_t>(f.limit));
  std::vector<ticket::Ticket> out;
  while (s->step()) out.push_back(read_ticket(*s));
  return out;
}

template <class D>
int64_t SqlRepository<D>::insert_event(const ticket::Event& e) {
  return D::insert(db_,
                   "INSERT INTO ticket_events(ticket_id, kind, actor_id, body, data, customer_visible, created_at) "
                   "VALUES (?,?,?,?,?,?,?)",
                   e.ticket_id, e.kind, e.actor_id, e.body, e.data, e.customer_visible, e.created_at);
}

template <class D>
std::vector<ticket::Event> SqlRepository<D>::events(int64_t ticket_id) {
  std::vector<ticket::Event> out;
  auto s = db_.prepare(
      "SELECT id, ticket_id, kind, actor_id, body, data, customer_visible, created_at FROM ticket_events "
      "WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step())
    out.push_back({s->i64(0), s->i64(1), s->text(2), s->i64(3), s->text(4), s->text(5), s->i64(6) != 0, s->i64(7)});
  return out;
}

template <class D>
int64_t SqlRepository<D>::insert_task(const ticket::Task& t) {
  return D::insert(db_,
                   "INSERT INTO tasks(ticket_id, department_id, assignee_id, description, status, due_at, result, "
                   "created_by, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   t.ticket_id, t.department_id, t.assignee_id, t.description, t.status, t.due_at, t.result,
                   t.created_by, t.created_at, t.updated_at, t.version);
}

template <class D>
bool SqlRepository<D>::update_task(const ticket::Task& t, int64_t expected_version) {
  db_.prepare(
         "UPDATE tasks SET assignee_id=?, description=?, status=?, due_at=?, result=?, updated_at=?, version=? "
         "WHERE id=? AND version=?")
      ->bind_all(t.assignee_id, t.description, t.status, t.due_at, t.result, t.updated_at, t.version, t.id,
                 expected_version)
      .run();
  return db_.changes() == 1;
}

template <class D>
std::optional<ticket::Task> SqlRepository<D>::task(int64_t id) {
  auto s = db_.prepare(kTaskCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_task(*s);
}

template <class D>
std::vector<ticket::Task> SqlRepository<D>::tasks(int64_t ticket_id) {
  std::vector<ticket::Task> out;
  auto s = db_.prepare(kTaskCols + " WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_task(*s));
  return out;
}

template <class D>
int64_t SqlRepository<D>::insert_attachment(const ticket::Attachment& a) {
  return D::insert(db_,
                   "INSERT INTO attachments(ticket_id, sha256, content_type, filename, size, uploaded_by, created_at) "
                   "VALUES (?,?,?,?,?,?,?)",
                   a.ticket_id, a.sha256, a.content_type, a.filename, a.size, a.uploaded_by, a.created_at);
}

template <class D>
std::vector<ticket::Attachment> SqlRepository<D>::attachments(int64_t ticket_id) {
  std::vector<ticket::Attachment> out;
  auto s = db_.prepare(kAttachmentCols + " WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_attachment(*s));
  return out;
}

template <class D>
std::optional<ticket::Attachment> SqlRepository<D>::attachment(int64_t id) {
  auto s = db_.prepare(kAttachmentCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_attachment(*s);
}

// Callbacks (回访) that fall due: the work list of the callback desk.

template <class D>
std::vector<ticket::Ticket> SqlRepository<D>::callbacks_due(const std::vector<int64_t>& store_ids, int64_t before,
                                                            int limit) {
  const std::string in = placeholders(store_ids.size());
  auto s = db_.prepare("SELECT " + kTicketCols +
                       " FROM tickets t WHERE t.callback_due_at IS NOT NULL AND t.callback_due_at < ?" +
                       (store_ids.empty() ? std::string() : " AND t.store_id IN (" + in + ")") +
                       " ORDER BY t.callback_due_at, t.id LIMIT ?");
  int i = 1;
  s->bind(i++, before);
  for (auto id : store_ids) s->bind(i++, id);
  s->bind(i, limit);
  std::vector<ticket::Ticket> out;
  while (s->step()) out.push_back(read_ticket(*s));
  return out;
}

// Timeline events for the live streams (the same SQL on both backends).

template <class D>
std::vector<TicketActivity> SqlRepository<D>::ticket_activity_after(int64_t after_id, int limit) {
  std::vector<TicketActivity> out;
  auto s = db_.prepare(
      "SELECT e.id, e.ticket_id, t.number, t.store_id, e.kind, e.created_at FROM ticket_events e "
      "JOIN tickets t ON t.id = e.ticket_id WHERE e.id > ? ORDER BY e.id LIMIT ?");
  s->bind_all(after_id, static_cast<int64_t>(limit));
  while (s->step()) out.push_back({s->i64(0), s->i64(1), s->text(2), s->i64(3), s->text(4), s->i64(5)});
  return out;
}

template <class D>
int64_t SqlRepository<D>::last_event_id() {
  auto s = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM ticket_events");
  return s->step() ? s->i64(0) : 0;
}

// The customer's own contact on tickets submitted from the mobile page.

template <class D>
void SqlRepository<D>::insert_ticket_contact(const TicketContact& c) {
  db_.prepare("INSERT INTO ticket_contacts(ticket_id, name, phone, created_at) VALUES (?,?,?,?)")
      ->bind_all(c.ticket_id, c.name, c.phone, c.created_at)
      .run();
}

template <class D>
std::optional<TicketContact> SqlRepository<D>::ticket_contact(int64_t ticket_id) {
  auto s = db_.prepare("SELECT ticket_id, name, phone, created_at FROM ticket_contacts WHERE ticket_id = ?");
  s->bind(1, ticket_id);
  if (!s->step()) return std::nullopt;
  return TicketContact{s->i64(0), s->text(1), s->text(2), s->i64(3)};
}

}  // namespace kefu::storage::sql
