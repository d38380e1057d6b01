#include "core/storage/sqlite/schema.hpp"

#include <array>
#include <string_view>

namespace kefu::storage::sqlite {
namespace {

// Migrations are append-only: never edit one that has shipped, add the next.
constexpr std::array<std::string_view, 3> kMigrations{R"SQL(
CREATE TABLE stores(
  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  timezone TEXT NOT NULL, address TEXT NOT NULL DEFAULT '', hours_json TEXT NOT NULL DEFAULT '[]');
CREATE TABLE departments(
  id INTEGER PRIMARY KEY, store_id INTEGER NOT NULL REFERENCES stores(id), code TEXT NOT NULL,
  name TEXT NOT NULL, kind TEXT NOT NULL, UNIQUE(store_id, code));
CREATE TABLE staff(
  id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1, password_hash TEXT NOT NULL);
CREATE TABLE staff_stores(
  staff_id INTEGER NOT NULL REFERENCES staff(id), store_id INTEGER NOT NULL REFERENCES stores(id),
  PRIMARY KEY(staff_id, store_id));
CREATE TABLE staff_departments(
  staff_id INTEGER NOT NULL REFERENCES staff(id), department_id INTEGER NOT NULL REFERENCES departments(id),
  PRIMARY KEY(staff_id, department_id));
CREATE TABLE sessions(
  digest TEXT PRIMARY KEY, staff_id INTEGER NOT NULL REFERENCES staff(id),
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE api_tokens(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, digest TEXT NOT NULL UNIQUE,
  staff_id INTEGER NOT NULL REFERENCES staff(id), scopes TEXT NOT NULL, created_at INTEGER NOT NULL,
  expires_at INTEGER, revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE login_failures(id INTEGER PRIMARY KEY, username TEXT NOT NULL, remote TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX login_failures_user ON login_failures(username, at);
CREATE TABLE members(
  id INTEGER PRIMARY KEY, member_no TEXT NOT NULL UNIQUE, name TEXT NOT NULL, phone TEXT UNIQUE,
  tier TEXT NOT NULL, birthday TEXT NOT NULL DEFAULT '', care_flags TEXT NOT NULL DEFAULT '',
  home_store_id INTEGER REFERENCES stores(id), created_at INTEGER NOT NULL);
CREATE TABLE tickets(
  id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, store_id INTEGER NOT NULL REFERENCES stores(id),
  department_id INTEGER REFERENCES departments(id), type TEXT NOT NULL, channel TEXT NOT NULL,
  priority TEXT NOT NULL, status TEXT NOT NULL, subject TEXT NOT NULL, description TEXT NOT NULL,
  category TEXT NOT NULL, location TEXT NOT NULL, member_id INTEGER REFERENCES members(id),
  purchase_ref TEXT NOT NULL, owner_id INTEGER REFERENCES staff(id), created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, first_response_at INTEGER, resolved_at INTEGER,
  closed_at INTEGER, reopen_count INTEGER NOT NULL DEFAULT 0, version INTEGER NOT NULL);
CREATE INDEX tickets_store_created ON tickets(store_id, created_at, id);
CREATE INDEX tickets_created ON tickets(created_at, id);
CREATE INDEX tickets_store_status ON tickets(store_id, status, created_at);
CREATE INDEX tickets_store_updated ON tickets(store_id, updated_at, id);
CREATE INDEX tickets_updated ON tickets(updated_at, id);
CREATE INDEX tickets_status ON tickets(status, created_at);
CREATE INDEX tickets_owner ON tickets(owner_id, status, created_at);
CREATE INDEX tickets_member ON tickets(member_id);
CREATE INDEX tickets_department ON tickets(department_id, status);
CREATE TABLE ticket_events(
  id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id), kind TEXT NOT NULL,
  actor_id INTEGER NOT NULL, body TEXT NOT NULL, data TEXT NOT NULL, customer_visible INTEGER NOT NULL,
  created_at INTEGER NOT NULL);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);
CREATE TABLE tasks(
  id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  department_id INTEGER NOT NULL REFERENCES departments(id), assignee_id INTEGER REFERENCES staff(id),
  description TEXT NOT NULL, status TEXT NOT NULL, due_at INTEGER NOT NULL, result TEXT NOT NULL,
  created_by INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, version INTEGER NOT NULL);
CREATE INDEX tasks_ticket ON tasks(ticket_id);
CREATE INDEX tasks_department ON tasks(department_id, status);
CREATE TABLE attachments(
  id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id), sha256 TEXT NOT NULL,
  content_type TEXT NOT NULL, filename TEXT NOT NULL, size INTEGER NOT NULL, uploaded_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL);
CREATE INDEX attachments_ticket ON attachments(ticket_id);
CREATE TABLE idempotency(
  staff_id INTEGER NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
  body TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY(staff_id, key));
CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY, actor_id INTEGER NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL, before_json TEXT NOT NULL, after_json TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- Search: pre-segmented tokens (see domain/text), so 2-character words match.
CREATE VIRTUAL TABLE ticket_fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0');
)SQL",
                                                      // 2: SLA, escalation, notifications, resolution, CSAT.
                                                      R"SQL(
ALTER TABLE staff ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN sla_policy_id INTEGER;
ALTER TABLE tickets ADD COLUMN first_response_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN resolution_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN callback_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN next_escalation_at INTEGER;
-- The scheduler's only query: tickets whose next escalation is due.
CREATE INDEX tickets_next_escalation ON tickets(next_escalation_at) WHERE next_escalation_at IS NOT NULL;
CREATE INDEX tickets_callback_due ON tickets(store_id, callback_due_at) WHERE callback_due_at IS NOT NULL;
-- A collaboration task past its due time is escalated to its department's head once.
ALTER TABLE tasks ADD COLUMN escalated_at INTEGER;
CREATE INDEX tasks_overdue ON tasks(due_at) WHERE escalated_at IS NULL AND status IN ('open', 'in_progress');
CREATE TABLE store_special_days(
  store_id INTEGER NOT NULL REFERENCES stores(id), date TEXT NOT NULL, name TEXT NOT NULL,
  hours_json TEXT NOT NULL, PRIMARY KEY(store_id, date));
CREATE TABLE sla_policies(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL, conditions_json TEXT NOT NULL,
  targets_json TEXT NOT NULL, ladder_json TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL, version INTEGER NOT NULL);
-- Per ticket and metric, the clock's history (sla/domain/clock.hpp); append-only.
CREATE TABLE clock_events(
  id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id), metric TEXT NOT NULL,
  kind TEXT NOT NULL, at INTEGER NOT NULL, detail TEXT NOT NULL, target_minutes INTEGER, target_mode TEXT,
  keep_elapsed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX clock_events_ticket ON clock_events(ticket_id, id);
CREATE TRIGGER clock_events_no_update BEFORE UPDATE ON clock_events BEGIN SELECT RAISE(ABORT, 'clock_events is append-only'); END;
-- One row per escalation step fired: the primary key makes firing exactly once.
CREATE TABLE escalations_fired(
  ticket_id INTEGER NOT NULL REFERENCES tickets(id), metric TEXT NOT NULL, generation INTEGER NOT NULL,
  step INTEGER NOT NULL, due_at INTEGER NOT NULL, fired_at INTEGER NOT NULL,
  PRIMARY KEY(ticket_id, metric, generation, step));
CREATE TABLE notifications(
  id INTEGER PRIMARY KEY, staff_id INTEGER NOT NULL REFERENCES staff(id), kind TEXT NOT NULL, ticket_id INTEGER,
  title TEXT NOT NULL, body TEXT NOT NULL, data TEXT NOT NULL, created_at INTEGER NOT NULL, read_at INTEGER);
CREATE INDEX notifications_staff ON notifications(staff_id, id);
CREATE TABLE email_outbox(
  id INTEGER PRIMARY KEY, notification_id INTEGER REFERENCES notifications(id), to_addr TEXT NOT NULL,
  subject TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, sent_at INTEGER, last_error TEXT NOT NULL DEFAULT '');
CREATE INDEX email_outbox_pending ON email_outbox(next_attempt_at) WHERE sent_at IS NULL;
CREATE TABLE authority_limits(role TEXT PRIMARY KEY, amount_cents INTEGER NOT NULL);
CREATE TABLE resolutions(
  id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id), kind TEXT NOT NULL,
  compensation TEXT NOT NULL, amount_cents INTEGER NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL,
  requested_by INTEGER NOT NULL, approver_role TEXT NOT NULL, decided_by INTEGER, decision_reason TEXT NOT NULL,
  created_at INTEGER NOT NULL, decided_at INTEGER, version INTEGER NOT NULL);
CREATE INDEX resolutions_ticket ON resolutions(ticket_id, id);
CREATE INDEX resolutions_pending ON resolutions(status, approver_role) WHERE status = 'pending';
CREATE TABLE csat_ratings(
  ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id), rating INTEGER NOT NULL, comment TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- What the SLA code caches (policies, calendars) changes its version: a fresh random token,
-- so a rolled-back change can never leave a cache believing it is current.
INSERT INTO settings(key, value) VALUES ('installation_id', lower(hex(randomblob(16)))),
  ('sla_config_version', lower(hex(randomblob(8))));
CREATE TRIGGER sla_config_policy_insert AFTER INSERT ON sla_policies BEGIN
  UPDATE settings SET value = lower(hex(randomblob(8))) WHERE key = 'sla_config_version'; END;
CREATE TRIGGER sla_config_policy_update AFTER UPDATE ON sla_policies BEGIN
  UPDATE settings SET value = lower(hex(randomblob(8))) WHERE key = 'sla_config_version'; END;
CREATE TRIGGER sla_config_policy_delete AFTER DELETE ON sla_policies BEGIN
  UPDATE settings SET value = lower(hex(randomblob(8))) WHERE key = 'sla_config_version'; END;
CREATE TRIGGER sla_config_day_insert AFTER INSERT ON store_special_days BEGIN
  UPDATE settings SET value = lower(hex(randomblob(8))) WHERE key = 'sla_config_version'; END;
CREATE TRIGGER sla_config_day_delete AFTER DELETE ON store_special_days BEGIN
  UPDATE settings SET value = lower(hex(randomblob(8))) WHERE key = 'sla_config_version'; END;
CREATE TRIGGER sla_config_store_insert AFTER INSERT ON stores BEGIN
  UPDATE settings SET value = lower(hex(randomblob(8))) WHERE key = 'sla_config_version'; END;
CREATE TRIGGER sla_config_store_update AFTER UPDATE ON stores BEGIN
  UPDATE settings SET value = lower(hex(randomblob(8))) WHERE key = 'sla_config_version'; END;
)SQL",
                                                      // 3: the customer's own contact on tickets from the mobile page.
                                                      R"SQL(
CREATE TABLE ticket_contacts(
  ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id), name TEXT NOT NULL, phone TEXT NOT NULL,
  created_at INTEGER NOT NULL);
)SQL"};

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

int schema_version(Connection& db) {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
  auto s = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  return s->step() ? static_cast<int>(s->i64(0)) : 0;
}

int migrate(Connection& db) {
  int v = schema_version(db);
  for (int next = v + 1; next <= latest_schema_version(); ++next) {
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(kMigrations[next - 1]);
      db.prepare("INSERT INTO schema_version(version) VALUES (?)")->bind(1, next).run();
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
    v = next;
  }
  return v;
}

}  // namespace kefu::storage::sqlite
