// Timeline events for the live streams (the same SQL on both backends).
#include "storage/sqlite/repository.hpp"

namespace kefu::storage::sqlite {

std::vector<TicketActivity> SqliteRepository::ticket_activity_after(int64_t after_id, int limit) {
  std::vector<TicketActivity> out;
  auto s = db_.prepare(
      "SELECT e.id, e.ticket_id, t.number, t.store_id, e.kind, e.created_at FROM ticket_events e "
      "JOIN tickets t ON t.id = e.ticket_id WHERE e.id > ? ORDER BY e.id LIMIT ?");
  s->bind_all(after_id, static_cast<int64_t>(limit));
  while (s->step()) out.push_back({s->i64(0), s->i64(1), s->text(2), s->i64(3), s->text(4), s->i64(5)});
  return out;
}

int64_t SqliteRepository::last_event_id() {
  auto s = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM ticket_events");
  return s->step() ? s->i64(0) : 0;
}

}  // namespace kefu::storage::sqlite
