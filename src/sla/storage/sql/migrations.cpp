// The schema of SLAs: store special days, policies, clock events, fired escalation
// steps, and the version token of the SLA configuration.
#include "sla/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kSla[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE store_special_days(
  store_id {int} NOT NULL REFERENCES stores(id), date TEXT NOT NULL, name TEXT NOT NULL,
  hours_json TEXT NOT NULL, PRIMARY KEY(store_id, date));
CREATE TABLE sla_policies(
  id {id}, name TEXT NOT NULL, position {int} NOT NULL, conditions_json TEXT NOT NULL,
  targets_json TEXT NOT NULL, ladder_json TEXT NOT NULL, active {int} NOT NULL DEFAULT 1,
  updated_at {int} NOT NULL, version {int} NOT NULL);
-- Per ticket and metric, the clock's history (sla/domain/clock.hpp); append-only.
CREATE TABLE clock_events(
  id {id}, ticket_id {int} NOT NULL REFERENCES tickets(id), metric TEXT NOT NULL,
  kind TEXT NOT NULL, at {int} NOT NULL, detail TEXT NOT NULL, target_minutes {int}, target_mode TEXT,
  keep_elapsed {int} NOT NULL DEFAULT 0);
CREATE INDEX clock_events_ticket ON clock_events(ticket_id, id);
-- One row per escalation step fired: the primary key makes firing exactly once.
CREATE TABLE escalations_fired(
  ticket_id {int} NOT NULL REFERENCES tickets(id), metric TEXT NOT NULL, generation {int} NOT NULL,
  step {int} NOT NULL, due_at {int} NOT NULL, fired_at {int} NOT NULL,
  PRIMARY KEY(ticket_id, metric, generation, step));
)SQL",
     // What the SLA code caches (policies, calendars) changes its version: a fresh random
     // token, so a rolled-back change can never leave a cache believing it is current.
     .sqlite = R"SQL(
CREATE TRIGGER clock_events_no_update BEFORE UPDATE ON clock_events BEGIN SELECT RAISE(ABORT, 'clock_events is append-only'); END;
INSERT INTO settings(key, value) VALUES ('sla_config_version', lower(hex(randomblob(8))));
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
     .pg = R"SQL(
CREATE TRIGGER clock_events_no_update BEFORE UPDATE ON clock_events
  FOR EACH ROW EXECUTE FUNCTION kefu_append_only();
INSERT INTO settings(key, value) VALUES
  ('sla_config_version', substr(md5(random()::text || clock_timestamp()::text), 1, 16));
CREATE FUNCTION kefu_sla_config_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE settings SET value = substr(md5(random()::text || clock_timestamp()::text), 1, 16)
    WHERE key = 'sla_config_version';
  RETURN NULL;
END $$;
CREATE TRIGGER sla_config_policy AFTER INSERT OR UPDATE OR DELETE ON sla_policies
  FOR EACH STATEMENT EXECUTE FUNCTION kefu_sla_config_changed();
CREATE TRIGGER sla_config_day AFTER INSERT OR DELETE ON store_special_days
  FOR EACH STATEMENT EXECUTE FUNCTION kefu_sla_config_changed();
CREATE TRIGGER sla_config_store AFTER INSERT OR UPDATE ON stores
  FOR EACH STATEMENT EXECUTE FUNCTION kefu_sla_config_changed();
)SQL",
     .legacy = 2},
};

constexpr CountedTable kTables[] = {{"clock_events"}, {"escalations_fired"}, {"sla_policies"}};

}  // namespace

SchemaModule sla_schema() { return {"sla", kSla, kTables}; }

}  // namespace kefu::storage::sql
