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
    // Issue 11, hole 8 (account life): when a token was revoked, and who must choose a new
    // password at their next sign-in (after an admin's reset).
    {.number = 2, .sql = R"SQL(
ALTER TABLE api_tokens ADD COLUMN revoked_at {int};
CREATE TABLE password_change_required(
  staff_id {int} PRIMARY KEY REFERENCES staff(id), since {int} NOT NULL);
CREATE INDEX sessions_staff ON sessions(staff_id);
)SQL"},
};

constexpr CountedTable kTables[] = {{"sessions"}};

}  // namespace

SchemaModule auth_schema() { return {"auth", kAuth, kTables}; }

}  // namespace kefu::storage::sql
