#include "storage/sqlite/schema.hpp"

#include <array>
#include <string_view>

namespace kefu::storage::sqlite {
namespace {

// Migrations are append-only: never edit one that has shipped, add the next.
constexpr std::array<std::string_view, 1> kMigrations{R"SQL(
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
