// The schema of notifications and the email outbox.
#include "notifications/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kNotifications[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE notifications(
  id {id}, staff_id {int} NOT NULL REFERENCES staff(id), kind TEXT NOT NULL, ticket_id {int},
  title TEXT NOT NULL, body TEXT NOT NULL, data TEXT NOT NULL, created_at {int} NOT NULL, read_at {int});
CREATE INDEX notifications_staff ON notifications(staff_id, id);
CREATE TABLE email_outbox(
  id {id}, notification_id {int} REFERENCES notifications(id), to_addr TEXT NOT NULL,
  subject TEXT NOT NULL, body TEXT NOT NULL, created_at {int} NOT NULL, next_attempt_at {int} NOT NULL,
  attempts {int} NOT NULL DEFAULT 0, sent_at {int}, last_error TEXT NOT NULL DEFAULT '');
CREATE INDEX email_outbox_pending ON email_outbox(next_attempt_at) WHERE sent_at IS NULL;
)SQL",
     // Live streams on other nodes hear of new notifications (core/2's function).
     .pg = R"SQL(
CREATE TRIGGER notifications_changed AFTER INSERT ON notifications
  FOR EACH STATEMENT EXECUTE FUNCTION kefu_notify_change();
)SQL",
     .legacy = 2},
    // Emails with an HTML body and attachments (scheduled reports, reports/jobs): the
    // attachments as lines "name TAB type TAB base64 LF" (names hold no TAB or LF).
    {.number = 2, .sql = R"SQL(
ALTER TABLE email_outbox ADD COLUMN html TEXT NOT NULL DEFAULT '';
ALTER TABLE email_outbox ADD COLUMN attachments TEXT NOT NULL DEFAULT '';
)SQL"},
};

constexpr CountedTable kTables[] = {{"notifications"}, {"email_outbox"}};

}  // namespace

SchemaModule notifications_schema() { return {"notifications", kNotifications, kTables}; }

}  // namespace kefu::storage::sql
