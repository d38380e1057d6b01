// The schema of sessions, API tokens and login throttling.
#include "auth/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kAuth[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE sessions(
  digest TEXT PRIMARY KEY, staff_id {int} NOT NULL REFERENCES staff(id),
  created_at {int} NOT NULL, expires_at {int} NOT NULL);
CREATE TABLE api_tokens(
  id {id}, name TEXT NOT NULL, digest TEXT NOT NULL UNIQUE,
  staff_id {int} NOT NULL REFERENCES staff(id), scopes TEXT NOT NULL, created_at {int} NOT NULL,
  expires_at {int}, revoked {int} NOT NULL DEFAULT 0);
CREATE TABLE login_failures(id {id}, username TEXT NOT NULL, remote TEXT NOT NULL, at {int} NOT NULL);
CREATE INDEX login_failures_user ON login_failures(username, at);
)SQL",
     .legacy = 1},
};

constexpr CountedTable kTables[] = {{"sessions"}};

}  // namespace

SchemaModule auth_schema() { return {"auth", kAuth, kTables}; }

}  // namespace kefu::storage::sql
