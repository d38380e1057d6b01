// Both backends reach the same schema version with the same tables and columns, and
// PostgreSQL's migrations hold the same rules (skipped without KEFU_TEST_PG).
#include "core/storage/pg/schema.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "core/storage/pg/database.hpp"
#include "core/storage/sqlite/schema.hpp"

namespace kefu::storage {
namespace {

using Columns = std::map<std::string, std::set<std::string>>;  // table -> columns

Columns sqlite_columns() {
  auto path = (std::filesystem::temp_directory_path() / ("kefu-cols-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(path);
  sqlite::Connection c(path, true);
  sqlite::migrate(c);
  Columns out;
  auto s = c.prepare(
      "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' "
      "AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'ticket_fts%'");
  while (s->step()) out[s->text(0)].insert(s->text(1));
  return out;
}

class PgSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* base = std::getenv("KEFU_TEST_PG");
    if (!base || !*base) GTEST_SKIP() << "set KEFU_TEST_PG (scripts/pg.sh start)";
    url = pg::schema_url(base, std::string("schema_") + ::testing::UnitTest::GetInstance()->current_test_info()->name(),
                         true);
  }
  std::string url;
};

TEST_F(PgSchema, ReachesTheSameVersionWithTheSameTablesAndColumnsAsSqlite) {
  pg::Connection c(url);
  EXPECT_EQ(pg::schema_version(c), 0);
  EXPECT_EQ(pg::migrate(c), sqlite::latest_schema_version());
  EXPECT_EQ(pg::migrate(c), pg::latest_schema_version()) << "idempotent";
  Columns pg_cols;
  auto s =
      c.prepare("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()");
  while (s->step()) pg_cols[s->text(0)].insert(s->text(1));
  // The search table differs by design: FTS5's (rowid, tokens) vs (ticket_id, tokens, doc).
  EXPECT_EQ(pg_cols.erase("ticket_search"), 1u);
  EXPECT_EQ(pg_cols, sqlite_columns());
}

TEST_F(PgSchema, TheAuditLogIsAppendOnly) {
  pg::Connection c(url);
  pg::migrate(c);
  c.exec(
      "INSERT INTO audit_log(actor_id, action, entity, entity_id, before_json, after_json, created_at) "
      "VALUES (1, 'x', 'ticket', 1, '', '{}', 1)");
  EXPECT_ANY_THROW(c.exec("UPDATE audit_log SET action = 'forged'"));
  EXPECT_ANY_THROW(c.exec("DELETE FROM audit_log"));
  auto s = c.prepare("SELECT action FROM audit_log");
  ASSERT_TRUE(s->step());
  EXPECT_EQ(s->text(0), "x");
}

}  // namespace
}  // namespace kefu::storage
