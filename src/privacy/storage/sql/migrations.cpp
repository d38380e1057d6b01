// The schema of personal-data rights (privacy/storage/privacy_store.hpp): erasure
// requests, the retention rules an admin saved, one-time export links. The person's phone
// stays on a request or a link only while it is pending (cleared when done, refused or used).
#include "privacy/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kPrivacy[] = {
    {.number = 1, .sql = R"SQL(
CREATE TABLE privacy_requests(
  id {id}, member_id {int}, phone TEXT NOT NULL, label TEXT NOT NULL, reason TEXT NOT NULL, state TEXT NOT NULL,
  requested_by {int} NOT NULL REFERENCES staff(id), requested_at {int} NOT NULL, decided_by {int} REFERENCES staff(id),
  decided_at {int}, decision_note TEXT NOT NULL, done_at {int}, counts TEXT NOT NULL);
CREATE INDEX privacy_requests_state ON privacy_requests(state, id);
CREATE TABLE privacy_retention(
  kind TEXT PRIMARY KEY, enabled {int} NOT NULL, days {int} NOT NULL, updated_by {int} NOT NULL REFERENCES staff(id),
  updated_at {int} NOT NULL);
CREATE TABLE privacy_exports(
  digest TEXT PRIMARY KEY, member_id {int}, phone TEXT NOT NULL, created_by {int} NOT NULL REFERENCES staff(id),
  created_at {int} NOT NULL, expires_at {int} NOT NULL, used_at {int});
CREATE INDEX privacy_exports_expiry ON privacy_exports(expires_at);
CREATE INDEX audit_privacy ON audit_log(action, id) WHERE action LIKE 'privacy.%';
-- Finding a person (person_data_store.cpp) without walking other capabilities' tables.
CREATE INDEX privacy_ticket_contacts_phone ON ticket_contacts(phone);
CREATE INDEX privacy_conversations_member ON conversations(member_id) WHERE member_id IS NOT NULL;
CREATE INDEX privacy_conversations_ticket ON conversations(ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX privacy_feedback_member ON feedback_items(member_id) WHERE member_id IS NOT NULL;
CREATE INDEX privacy_feedback_phone ON feedback_items(contact_phone) WHERE contact_phone <> '';
CREATE INDEX privacy_feedback_conversation ON feedback_items(conversation_id) WHERE conversation_id IS NOT NULL;
CREATE INDEX privacy_kb_signals_conversation ON kb_signals(conversation_id) WHERE conversation_id IS NOT NULL;
CREATE INDEX privacy_kb_signals_ticket ON kb_signals(ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX privacy_notifications_ticket ON notifications(ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX privacy_outbox_notification ON email_outbox(notification_id) WHERE notification_id IS NOT NULL;
)SQL"},
};

constexpr CountedTable kTables[] = {{"privacy_requests"}, {"privacy_retention"}, {"privacy_exports"}};

}  // namespace

SchemaModule privacy_schema() { return {"privacy", kPrivacy, kTables}; }

}  // namespace kefu::storage::sql
