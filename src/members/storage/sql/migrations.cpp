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
};

constexpr CountedTable kTables[] = {{"members"}};

}  // namespace

SchemaModule members_schema() { return {"members", kMembers, kTables}; }

}  // namespace kefu::storage::sql
