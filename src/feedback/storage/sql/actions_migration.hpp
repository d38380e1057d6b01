#pragma once
// Feedback migration 7: improvement actions (整改措施, storage/action_store.hpp) — the
// actions, their links to tickets, their timeline (progress notes and moves) and the photos
// of progress (bytes in the blob store, as ticket attachments). Listed in migrations.cpp.
#include <string_view>

namespace kefu::storage::sql {

inline constexpr std::string_view kFeedbackActionsSql = R"SQL(
CREATE TABLE feedback_actions(
  id {id}, store_id {int} NOT NULL REFERENCES stores(id), topic TEXT NOT NULL, title TEXT NOT NULL,
  plan TEXT NOT NULL, department_id {int} REFERENCES departments(id), owner_id {int} REFERENCES staff(id),
  due_unit TEXT NOT NULL, due_amount {int} NOT NULL, due_at {int} NOT NULL, state TEXT NOT NULL,
  window_days {int} NOT NULL, created_by {int} NOT NULL REFERENCES staff(id), created_at {int} NOT NULL,
  updated_at {int} NOT NULL, done_at {int}, verify_at {int}, verified_at {int}, verdict TEXT NOT NULL,
  waiver_reason TEXT NOT NULL, waived_by {int} REFERENCES staff(id), waived_at {int},
  escalation_level {int} NOT NULL, escalated_at {int}, next_escalation_at {int}, told_at {int});
CREATE INDEX feedback_actions_store ON feedback_actions(store_id, state);
CREATE INDEX feedback_actions_escalation ON feedback_actions(next_escalation_at) WHERE next_escalation_at IS NOT NULL;
CREATE INDEX feedback_actions_verify ON feedback_actions(verify_at) WHERE verify_at IS NOT NULL;
CREATE TABLE feedback_action_tickets(
  action_id {int} NOT NULL REFERENCES feedback_actions(id), ticket_id {int} NOT NULL REFERENCES tickets(id),
  PRIMARY KEY(action_id, ticket_id));
CREATE INDEX feedback_action_tickets_ticket ON feedback_action_tickets(ticket_id);
CREATE TABLE feedback_action_updates(
  id {id}, action_id {int} NOT NULL REFERENCES feedback_actions(id), kind TEXT NOT NULL, note TEXT NOT NULL,
  by_staff {int} REFERENCES staff(id), at {int} NOT NULL);
CREATE INDEX feedback_action_updates_action ON feedback_action_updates(action_id, id);
CREATE TABLE feedback_action_photos(
  id {id}, action_id {int} NOT NULL REFERENCES feedback_actions(id),
  update_id {int} REFERENCES feedback_action_updates(id), sha256 TEXT NOT NULL, content_type TEXT NOT NULL,
  filename TEXT NOT NULL, size {int} NOT NULL, uploaded_by {int} NOT NULL REFERENCES staff(id),
  created_at {int} NOT NULL);
CREATE INDEX feedback_action_photos_action ON feedback_action_photos(action_id, id);
CREATE INDEX feedback_action_photos_sha ON feedback_action_photos(sha256);
)SQL";

}  // namespace kefu::storage::sql
