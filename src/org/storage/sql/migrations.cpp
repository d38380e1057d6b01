// The schema of the organisation: stores, departments, staff.
#include "org/storage/sql/migrations.hpp"

namespace kefu::storage::sql {
namespace {

constexpr Migration kOrg[] = {
    {.number = 1,
     .sql = R"SQL(
CREATE TABLE stores(
  id {id}, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  timezone TEXT NOT NULL, address TEXT NOT NULL DEFAULT '', hours_json TEXT NOT NULL DEFAULT '[]');
CREATE TABLE departments(
  id {id}, store_id {int} NOT NULL REFERENCES stores(id), code TEXT NOT NULL,
  name TEXT NOT NULL, kind TEXT NOT NULL, UNIQUE(store_id, code));
CREATE TABLE staff(
  id {id}, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '', active {int} NOT NULL DEFAULT 1, password_hash TEXT NOT NULL);
CREATE TABLE staff_stores(
  staff_id {int} NOT NULL REFERENCES staff(id), store_id {int} NOT NULL REFERENCES stores(id),
  PRIMARY KEY(staff_id, store_id));
CREATE TABLE staff_departments(
  staff_id {int} NOT NULL REFERENCES staff(id), department_id {int} NOT NULL REFERENCES departments(id),
  PRIMARY KEY(staff_id, department_id));
)SQL",
     .legacy = 1},
    {.number = 2, .sql = "ALTER TABLE staff ADD COLUMN email TEXT NOT NULL DEFAULT '';", .legacy = 2},
};

constexpr CountedTable kTables[] = {{"stores"}, {"departments"}, {"staff"}};

}  // namespace

SchemaModule org_schema() { return {"org", kOrg, kTables}; }

}  // namespace kefu::storage::sql
