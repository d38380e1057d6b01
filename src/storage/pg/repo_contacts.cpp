// The customer's own contact on tickets submitted from the mobile page.
#include "storage/pg/repository.hpp"

namespace kefu::storage::pg {

void PgRepository::insert_ticket_contact(const TicketContact& c) {
  db_.prepare("INSERT INTO ticket_contacts(ticket_id, name, phone, created_at) VALUES (?,?,?,?)")
      ->bind_all(c.ticket_id, c.name, c.phone, c.created_at)
      .run();
}

std::optional<TicketContact> PgRepository::ticket_contact(int64_t ticket_id) {
  auto s = db_.prepare("SELECT ticket_id, name, phone, created_at FROM ticket_contacts WHERE ticket_id = ?");
  s->bind(1, ticket_id);
  if (!s->step()) return std::nullopt;
  return TicketContact{s->i64(0), s->text(1), s->text(2), s->i64(3)};
}

}  // namespace kefu::storage::pg
