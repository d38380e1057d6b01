// The schema of what every capability shares: idempotency keys, the audit log and
// installation settings (core/storage/platform_stores.hpp), and the PostgreSQL functions
// that other capabilities' triggers call.
#include "core/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kCore[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE idempotency(
  staff_id {int} NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status {int} NOT NULL,
  body TEXT NOT NULL, created_at {int} NOT NULL, PRIMARY KEY(staff_id, key));
CREATE TABLE audit_log(
  id {id}, actor_id {int} NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL,
  entity_id {int} NOT NULL, before_json TEXT NOT NULL, after_json TEXT NOT NULL, created_at {int} NOT NULL);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
)SQL",
     .sqlite = R"SQL(
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)SQL",
     .pg = R"SQL(
CREATE FUNCTION kefu_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION kefu_append_only();
)SQL",
     .legacy = 1},
    {.number = 2,
     .sql = "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);",
     .sqlite = "INSERT INTO settings(key, value) VALUES ('installation_id', lower(hex(randomblob(16))));",
     // Several nodes on one database: a committed row of a table with this trigger wakes
     // every node's live streams (LISTEN kefu_changes; the payload is only a hint, the
     // streams read the tables). NOTIFY is delivered at commit and folded per transaction.
     .pg = R"SQL(
INSERT INTO settings(key, value) VALUES ('installation_id', md5(random()::text || clock_timestamp()::text));
CREATE FUNCTION kefu_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('kefu_changes', TG_TABLE_NAME); RETURN NULL; END $$;
)SQL",
     .legacy = 2},
    // Until issue 11, POST /api-tokens with an Idempotency-Key kept its answer (the
    // plaintext token) for replay: those rows go.
    {.number = 3, .sql = R"SQL(DELETE FROM idempotency WHERE body LIKE '%"token":%';)SQL"},
    // Until issue 11, one key per purpose lived in settings, never rotated, and went into
    // every `kefu export`. The keys move to their own table (core/domain/key_ring.hpp) as
    // keys of unknown age (created_at 0), so the first link signed afterwards rotates them.
    {.number = 4, .sql = R"SQL(
CREATE TABLE signing_keys(
  id {id}, purpose TEXT NOT NULL, secret TEXT NOT NULL, created_at {int} NOT NULL, retired_at {int});
CREATE INDEX signing_keys_purpose ON signing_keys(purpose, id);
INSERT INTO signing_keys(purpose, secret, created_at)
  SELECT CASE key WHEN 'csat_link_key' THEN 'csat_link' ELSE 'ticket_access' END, value, 0
  FROM settings WHERE key IN ('csat_link_key', 'ticket_access_key') ORDER BY key;
DELETE FROM settings WHERE key IN ('csat_link_key', 'ticket_access_key');
)SQL"},
};

constexpr CountedTable kTables[] = {{"audit_log"}};

}  // namespace

SchemaModule core_schema() { return {"core", kCore, kTables}; }

}  // namespace kefu::storage::sql
