#pragma once
// Store calendars, SLA policies, clock events and fired escalation steps.
// Template definitions: included only by the backends' repository.cpp.
//
// Text sort keys append D::kBytes so that they compare bytes on both backends. Ties of a
// time key are broken by id, the order in which SQLite's index (time, rowid) hands them
// out anyway (its plans do not change).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/storage/sql/repository.hpp"
#include "core/storage/sql/rows.hpp"

namespace kefu::storage::sql {

template <class D>
std::vector<sla::SpecialDay> SqlRepository<D>::special_days(int64_t store_id) {
  std::vector<sla::SpecialDay> out;
  auto s = db_.prepare(
      std::string("SELECT date, name, hours_json FROM store_special_days WHERE store_id = ? ORDER BY date") +
      D::kBytes);
  s->bind(1, store_id);
  while (s->step()) out.push_back({s->text(0), hours_from(nlohmann::json::parse(s->text(2))), s->text(1)});
  return out;
}

template <class D>
void SqlRepository<D>::replace_special_days(int64_t store_id, const std::vector<sla::SpecialDay>& days) {
  db_.prepare("DELETE FROM store_special_days WHERE store_id = ?")->bind(1, store_id).run();
  for (const auto& d : days)
    db_.prepare("INSERT INTO store_special_days(store_id, date, name, hours_json) VALUES (?,?,?,?)")
        ->bind_all(store_id, d.date, d.name, to_json(d.hours).dump())
        .run();
}

template <class D>
int64_t SqlRepository<D>::insert_sla_policy(const SlaPolicyRecord& r) {
  return D::insert(db_,
                   "INSERT INTO sla_policies(name, position, conditions_json, targets_json, ladder_json, active, "
                   "updated_at, version) VALUES (?,?,?,?,?,?,?,?)",
                   r.policy.name, r.policy.position, to_json(r.policy.conditions).dump(),
                   to_json(r.policy.targets).dump(), to_json(r.ladder).dump(), r.active, r.updated_at, r.version);
}

template <class D>
bool SqlRepository<D>::update_sla_policy(const SlaPolicyRecord& r, int64_t expected_version) {
  db_.prepare(
         "UPDATE sla_policies SET name=?, position=?, conditions_json=?, targets_json=?, ladder_json=?, active=?, "
         "updated_at=?, version=? WHERE id=? AND version=?")
      ->bind_all(r.policy.name, r.policy.position, to_json(r.policy.conditions).dump(),
                 to_json(r.policy.targets).dump(), to_json(r.ladder).dump(), r.active, r.updated_at, r.version,
                 r.policy.id, expected_version)
      .run();
  return db_.changes() == 1;
}

template <class D>
std::vector<SlaPolicyRecord> SqlRepository<D>::sla_policies(bool include_retired) {
  std::vector<SlaPolicyRecord> out;
  auto s = db_.prepare(kPolicyCols + " WHERE active = 1 OR ? ORDER BY position, id");
  s->bind(1, include_retired);
  while (s->step()) out.push_back(read_policy(*s));
  return out;
}

template <class D>
std::optional<SlaPolicyRecord> SqlRepository<D>::sla_policy(int64_t id) {
  auto s = db_.prepare(kPolicyCols + " WHERE id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_policy(*s);
}

template <class D>
void SqlRepository<D>::insert_clock_events(int64_t ticket_id, const std::vector<sla::ClockEvent>& events) {
  // One statement for the few events a change records (a creation records two).
  for (std::size_t first = 0; first < events.size(); first += 8) {
    const std::size_t n = std::min<std::size_t>(8, events.size() - first);
    std::string sql =
        "INSERT INTO clock_events(ticket_id, metric, kind, at, detail, target_minutes, target_mode, keep_elapsed) "
        "VALUES ";
    for (std::size_t i = 0; i < n; ++i) sql += i ? ",(?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?)";
    auto s = db_.prepare(sql);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& e = events[first + i];
      const int b = static_cast<int>(i) * 8;
      s->bind(b + 1, ticket_id)
          .bind(b + 2, sla::name(e.metric))
          .bind(b + 3, sla::name(e.kind))
          .bind(b + 4, sla::to_unix_ms(e.at))
          .bind(b + 5, e.detail);
      if (e.target)
        s->bind(b + 6, e.target->minutes).bind(b + 7, sla::name(e.target->mode));
      else
        s->bind_null(b + 6).bind_null(b + 7);
      s->bind(b + 8, e.keep_elapsed);
    }
    s->run();
  }
}

template <class D>
std::vector<sla::ClockEvent> SqlRepository<D>::clock_events(int64_t ticket_id) {
  std::vector<sla::ClockEvent> out;
  auto s = db_.prepare(
      "SELECT metric, kind, at, detail, target_minutes, target_mode, keep_elapsed FROM clock_events "
      "WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_clock_event(*s, 0));
  return out;
}

template <class D>
std::vector<TicketClockRow> SqlRepository<D>::ticket_clock_rows(const std::vector<int64_t>& store_ids, int64_t from,
                                                                int64_t to) {
  // Two ordered scans merged by ticket id: the tickets, then their events.
  const std::string in = placeholders(store_ids.size());
  const std::string where = " WHERE t.created_at >= ? AND t.created_at < ?" +
                            (store_ids.empty() ? std::string() : " AND t.store_id IN (" + in + ")");
  std::vector<TicketClockRow> out;
  {
    auto s = db_.prepare("SELECT " + kTicketCols + " FROM tickets t" + where + " ORDER BY t.id");
    s->bind(1, from).bind(2, to);
    for (std::size_t i = 0; i < store_ids.size(); ++i) s->bind(static_cast<int>(i) + 3, store_ids[i]);
    while (s->step()) out.push_back({read_ticket(*s), {}});
  }
  auto s = db_.prepare(
      "SELECT e.ticket_id, e.metric, e.kind, e.at, e.detail, e.target_minutes, e.target_mode, e.keep_elapsed "
      "FROM clock_events e JOIN tickets t ON t.id = e.ticket_id" +
      where + " ORDER BY e.ticket_id, e.id");
  s->bind(1, from).bind(2, to);
  for (std::size_t i = 0; i < store_ids.size(); ++i) s->bind(static_cast<int>(i) + 3, store_ids[i]);
  std::size_t row = 0;
  while (s->step()) {
    const int64_t id = s->i64(0);
    while (row < out.size() && out[row].ticket.id < id) ++row;
    if (row < out.size() && out[row].ticket.id == id) out[row].events.push_back(read_clock_event(*s, 1));
  }
  return out;
}

template <class D>
TicketCounts SqlRepository<D>::ticket_counts(const std::vector<int64_t>& store_ids, int64_t from, int64_t to,
                                             int64_t now) {
  const std::string in = placeholders(store_ids.size());
  const std::string scope = store_ids.empty() ? std::string() : " AND store_id IN (" + in + ")";
  auto bind_stores = [&](Stmt& s, int first) {
    for (std::size_t i = 0; i < store_ids.size(); ++i) s.bind(first + static_cast<int>(i), store_ids[i]);
  };
  TicketCounts out;
  for (const char* col : {"type", "channel"}) {
    auto s =
        db_.prepare(std::string("SELECT ") + col + ", COUNT(*) FROM tickets WHERE created_at >= ? AND created_at < ?" +
                    scope + " GROUP BY 1 ORDER BY 2 DESC, " + col + D::kBytes);
    s->bind(1, from).bind(2, to);
    bind_stores(*s, 3);
    auto& into = std::string(col) == "type" ? out.by_type : out.by_channel;
    while (s->step()) {
      into.emplace_back(s->text(0), s->i64(1));
      if (std::string(col) == "type") out.created += s->i64(1);
    }
  }
  {
    auto s = db_.prepare(
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE first_response_due_at <= ? OR resolution_due_at <= ? OR "
        "callback_due_at <= ?) "
        "FROM tickets WHERE status NOT IN ('resolved', 'closed')" +
        scope);
    s->bind(1, now).bind(2, now).bind(3, now);
    bind_stores(*s, 4);
    s->step();
    out.open = s->i64(0);
    out.overdue = s->i64(1);
  }
  {  // resolved tickets whose callback is late count as overdue too
    auto s = db_.prepare(
        "SELECT COUNT(*) FROM tickets WHERE status IN ('resolved', 'closed') AND callback_due_at <= ?" + scope);
    s->bind(1, now);
    bind_stores(*s, 2);
    s->step();
    out.overdue += s->i64(0);
  }
  return out;
}

template <class D>
std::vector<int64_t> SqlRepository<D>::tickets_due_for_escalation(int64_t now, int limit) {
  std::vector<int64_t> out;
  auto s = db_.prepare(
      "SELECT id FROM tickets WHERE next_escalation_at IS NOT NULL AND next_escalation_at <= ? "
      "ORDER BY next_escalation_at, id LIMIT ?");
  s->bind(1, now).bind(2, limit);
  while (s->step()) out.push_back(s->i64(0));
  return out;
}

template <class D>
std::optional<int64_t> SqlRepository<D>::earliest_escalation() {
  auto s = db_.prepare("SELECT MIN(next_escalation_at) FROM tickets WHERE next_escalation_at IS NOT NULL");
  if (!s->step()) return std::nullopt;
  return s->opt_i64(0);
}

template <class D>
bool SqlRepository<D>::insert_fired_escalation(const FiredEscalation& f) {
  db_.prepare(
         "INSERT INTO escalations_fired(ticket_id, metric, generation, step, due_at, fired_at) VALUES (?,?,?,?,?,?) "
         "ON CONFLICT DO NOTHING")
      ->bind_all(f.ticket_id, sla::name(f.metric), f.generation, f.step, f.due_at, f.fired_at)
      .run();
  return db_.changes() == 1;
}

template <class D>
std::vector<FiredEscalation> SqlRepository<D>::fired_escalations(int64_t ticket_id) {
  std::vector<FiredEscalation> out;
  auto s = db_.prepare(
      "SELECT ticket_id, metric, generation, step, due_at, fired_at FROM escalations_fired WHERE ticket_id = ? "
      "ORDER BY fired_at, metric" +
      std::string(D::kBytes) + ", generation, step");
  s->bind(1, ticket_id);
  while (s->step())
    out.push_back({s->i64(0), sla::metric_from(s->text(1)).value_or(sla::Metric::first_response),
                   static_cast<int>(s->i64(2)), static_cast<int>(s->i64(3)), s->i64(4), s->i64(5)});
  return out;
}

template <class D>
std::vector<int64_t> SqlRepository<D>::tasks_overdue(int64_t now, int limit) {
  std::vector<int64_t> out;
  auto s = db_.prepare(
      "SELECT id FROM tasks WHERE escalated_at IS NULL AND status IN ('open', 'in_progress') AND due_at <= ? "
      "ORDER BY due_at, id LIMIT ?");
  s->bind_all(now, limit);
  while (s->step()) out.push_back(s->i64(0));
  return out;
}

template <class D>
bool SqlRepository<D>::mark_task_escalated(int64_t task_id, int64_t at) {
  db_.prepare("UPDATE tasks SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")->bind_all(at, task_id).run();
  return db_.changes() == 1;
}

}  // namespace kefu::storage::sql
