// The schema of members.
#include "members/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kMembers[] = {{.number = 1,
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

constexpr CountedTable kTables[] = {{"members"},           {"member_points"},   {"member_identities"},
                                    {"member_merges"},     {"member_events"},   {"member_tier_rules"},
                                    {"member_tags"},       {"member_consents"}, {"points_rewards"}};

}  // namespace

SchemaModule members_schema() { return {"members", kMembers, kTables}; }

}  // namespace kefu::storage::sql
