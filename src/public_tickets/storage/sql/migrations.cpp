// The schema of the customer's own page: contacts on submitted tickets and the customer's
// access records. (Failed tracking attempts are counted by the rate limiter, core's
// rate_limits table.)
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
    // Issue 11: the customer's access is a random token with a server-side record (expiry,
    // revocation), not a 30-day signed link.
    {.number = 2, .sql = R"SQL(
CREATE TABLE customer_access(
  digest TEXT PRIMARY KEY, ticket_id {int} NOT NULL REFERENCES tickets(id), created_at {int} NOT NULL,
  expires_at {int} NOT NULL, revoked_at {int});
CREATE INDEX customer_access_ticket ON customer_access(ticket_id);
CREATE INDEX customer_access_expiry ON customer_access(expires_at);
)SQL"},
};

}  // namespace

SchemaModule public_tickets_schema() { return {"public_tickets", kPublicTickets, {}}; }

}  // namespace kefu::storage::sql
