// ClockStore over SQL, the same on SQLite and PostgreSQL.
#include "sla/storage/clock_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"
#include "tickets/storage/sql/rows.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

// Columns from c: metric, kind, at, detail, target_minutes, target_mode, keep_elapsed.
template <class Stmt>
sla::ClockEvent read_clock_event(const Stmt& s, int c) {
  sla::ClockEvent e;
  e.metric = sla::metric_from(s.text(c)).value_or(sla::Metric::first_response);
  e.kind = sla::event_kind_from(s.text(c + 1)).value_or(sla::EventKind::activate);
  e.at = sla::from_unix_ms(s.i64(c + 2));
  e.detail = s.text(c + 3);
  if (auto minutes = s.opt_i64(c + 4))
    e.target = sla::Target{*minutes, sla::time_mode_from(s.text(c + 5)).value_or(sla::TimeMode::business)};
  e.keep_elapsed = s.i64(c + 6) != 0;
  return e;
}

template <class D>
class SqlClockStore final : public ClockStore {
 public:
  using Stmt = typename D::Stmt;
  SqlClockStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  void insert_clock_events(int64_t ticket_id, const std::vector<sla::ClockEvent>&) override;
  std::vector<sla::ClockEvent> clock_events(int64_t ticket_id) override;
  std::vector<TicketClockRow> ticket_clock_rows(const std::vector<int64_t>& store_ids, int64_t from,
                                                int64_t to) override;
  std::vector<int64_t> tickets_due_for_escalation(int64_t now, int limit) override;
  std::optional<int64_t> earliest_escalation() override;
  bool insert_fired_escalation(const FiredEscalation&) override;
  std::vector<FiredEscalation> fired_escalations(int64_t ticket_id) override;

 private:
  typename D::Db& db_;
};

template <class D>
void SqlClockStore<D>::insert_clock_events(int64_t ticket_id, const std::vector<sla::ClockEvent>& events) {
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
std::vector<sla::ClockEvent> SqlClockStore<D>::clock_events(int64_t ticket_id) {
  std::vector<sla::ClockEvent> out;
  auto s = db_.prepare(
      "SELECT metric, kind, at, detail, target_minutes, target_mode, keep_elapsed FROM clock_events "
      "WHERE ticket_id = ? ORDER BY id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_clock_event(*s, 0));
  return out;
}

template <class D>
std::vector<TicketClockRow> SqlClockStore<D>::ticket_clock_rows(const std::vector<int64_t>& store_ids, int64_t from,
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
std::vector<int64_t> SqlClockStore<D>::tickets_due_for_escalation(int64_t now, int limit) {
  std::vector<int64_t> out;
  auto s = db_.prepare(
      "SELECT id FROM tickets WHERE next_escalation_at IS NOT NULL AND next_escalation_at <= ? "
      "ORDER BY next_escalation_at, id LIMIT ?");
  s->bind(1, now).bind(2, limit);
  while (s->step()) out.push_back(s->i64(0));
  return out;
}

template <class D>
std::optional<int64_t> SqlClockStore<D>::earliest_escalation() {
  auto s = db_.prepare("SELECT MIN(next_escalation_at) FROM tickets WHERE next_escalation_at IS NOT NULL");
  if (!s->step()) return std::nullopt;
  return s->opt_i64(0);
}

template <class D>
bool SqlClockStore<D>::insert_fired_escalation(const FiredEscalation& f) {
  db_.prepare(
         "INSERT INTO escalations_fired(ticket_id, metric, generation, step, due_at, fired_at) VALUES (?,?,?,?,?,?) "
         "ON CONFLICT DO NOTHING")
      ->bind_all(f.ticket_id, sla::name(f.metric), f.generation, f.step, f.due_at, f.fired_at)
      .run();
  return db_.changes() == 1;
}

template <class D>
std::vector<FiredEscalation> SqlClockStore<D>::fired_escalations(int64_t ticket_id) {
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

}  // namespace

std::unique_ptr<ClockStore> ClockStore::open(Stores& s) { return make_store<ClockStore, SqlClockStore>(s); }
}  // namespace kefu::storage
