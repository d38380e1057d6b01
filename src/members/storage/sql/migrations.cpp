// The schema of members.
#include "members/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kMembers[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE members(
  id {id}, member_no TEXT NOT NULL UNIQUE, name TEXT NOT NULL, phone TEXT UNIQUE,
  tier TEXT NOT NULL, birthday TEXT NOT NULL DEFAULT '', care_flags TEXT NOT NULL DEFAULT '',
  home_store_id {int} REFERENCES stores(id), created_at {int} NOT NULL);
)SQL",
     .legacy = 1},
    // The points ledger (members/domain/points.hpp): the balance is the sum of a member's
    // rows; a ref is stored once (a unique index ignores the NULLs of manual entries).
    {.number = 2, .sql = R"SQL(
CREATE TABLE member_points(
  id {id}, member_id {int} NOT NULL REFERENCES members(id), kind TEXT NOT NULL, points {int} NOT NULL,
  reason TEXT NOT NULL, ref TEXT, staff_id {int} REFERENCES staff(id), created_at {int} NOT NULL);
CREATE INDEX member_points_member ON member_points(member_id, id);
CREATE UNIQUE INDEX member_points_ref ON member_points(ref);
)SQL"},
    // 3: identities, merges, tier rules, history, tags, consent, the rewards catalogue
    // (2 is the points ledger).
    {.number = 3, .sql = R"SQL(
ALTER TABLE members ADD COLUMN merged_into {int} REFERENCES members(id);
ALTER TABLE members ADD COLUMN tier_below_since {int};
CREATE TABLE member_identities(
  id {id}, member_id {int} NOT NULL REFERENCES members(id), kind TEXT NOT NULL, value TEXT NOT NULL,
  added_at {int} NOT NULL, added_by {int} REFERENCES staff(id), UNIQUE(kind, value));
CREATE INDEX member_identities_member ON member_identities(member_id);
CREATE TABLE member_merges(
  id {id}, kept_id {int} NOT NULL REFERENCES members(id), merged_id {int} NOT NULL REFERENCES members(id),
  moved TEXT NOT NULL, merged_at {int} NOT NULL, merged_by {int} REFERENCES staff(id),
  undone_at {int}, undone_by {int} REFERENCES staff(id));
CREATE INDEX member_merges_kept ON member_merges(kept_id);
CREATE INDEX member_merges_merged ON member_merges(merged_id);
CREATE TABLE member_tier_rules(
  tier TEXT PRIMARY KEY, min_spend_fen {int} NOT NULL, grace_months {int} NOT NULL,
  updated_at {int} NOT NULL, updated_by {int} REFERENCES staff(id));
CREATE TABLE member_events(
  id {id}, member_id {int} NOT NULL REFERENCES members(id), at {int} NOT NULL, kind TEXT NOT NULL,
  detail TEXT NOT NULL, staff_id {int} REFERENCES staff(id));
CREATE INDEX member_events_member ON member_events(member_id, id);
CREATE TABLE member_tags(
  member_id {int} NOT NULL REFERENCES members(id), tag TEXT NOT NULL, PRIMARY KEY(member_id, tag));
CREATE INDEX member_tags_tag ON member_tags(tag, member_id);
CREATE TABLE member_consents(
  id {id}, member_id {int} NOT NULL REFERENCES members(id), channel TEXT NOT NULL, granted {int} NOT NULL,
  at {int} NOT NULL, staff_id {int} REFERENCES staff(id), source TEXT NOT NULL);
CREATE INDEX member_consents_member ON member_consents(member_id, channel);
CREATE TABLE points_rewards(
  code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, points {int} NOT NULL, active {int} NOT NULL,
  updated_at {int} NOT NULL, updated_by {int} REFERENCES staff(id));
CREATE INDEX members_name ON members(name);
)SQL"},
};

constexpr CountedTable kTables[] = {{"members"},       {"member_points"},   {"member_identities"},
                                    {"member_merges"}, {"member_events"},   {"member_tier_rules"},
                                    {"member_tags"},   {"member_consents"}, {"points_rewards"}};

}  // namespace

SchemaModule members_schema() { return {"members", kMembers, kTables}; }

}  // namespace kefu::storage::sql
