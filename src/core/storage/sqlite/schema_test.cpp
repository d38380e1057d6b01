#include "core/storage/sqlite/schema.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace kefu::storage::sqlite {

TEST(SqliteSchema, MigratesOnceAndRefusesAuditEdits) {
  auto path = (std::filesystem::temp_directory_path() / ("kefu-schema-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(path);
  Connection c(path, true);
  EXPECT_EQ(schema_version(c), 0);
  EXPECT_EQ(migrate(c), latest_schema_version());
  EXPECT_EQ(migrate(c), latest_schema_version());  // idempotent
  c.exec(
      "INSERT INTO audit_log(actor_id, action, entity, entity_id, before_json, after_json, created_at) "
      "VALUES (1, 'x', 'ticket', 1, '', '{}', 1)");
  EXPECT_ANY_THROW(c.exec("UPDATE audit_log SET action = 'forged'"));
  EXPECT_ANY_THROW(c.exec("DELETE FROM audit_log"));
  auto s = c.prepare("SELECT action FROM audit_log");
  ASSERT_TRUE(s->step());
  EXPECT_EQ(s->text(0), "x");
}

}  // namespace kefu::storage::sqlite
