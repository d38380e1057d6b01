// The schema of the customer's own page: contacts on submitted tickets. (Failed tracking
// attempts are kept in auth's login_failures table, keyed "track:<number>".)
#include "public_tickets/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kPublicTickets[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE ticket_contacts(
  ticket_id {int} PRIMARY KEY REFERENCES tickets(id), name TEXT NOT NULL, phone TEXT NOT NULL,
  created_at {int} NOT NULL);
)SQL",
     .legacy = 3},
};

}  // namespace

SchemaModule public_tickets_schema() { return {"public_tickets", kPublicTickets, {}}; }

}  // namespace kefu::storage::sql
