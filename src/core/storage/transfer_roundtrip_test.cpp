// `kefu export` / `kefu import` through real databases: SQLite → SQLite and
// SQLite → PostgreSQL → SQLite (PostgreSQL tests skip without KEFU_TEST_PG).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "core/domain/error.hpp"
#include "core/storage/pg/connection.hpp"
#include "core/storage/pg/table_io.hpp"
#include "core/storage/sqlite/table_io.hpp"
#include "core/storage/transfer.hpp"
#include "core/storage/transfer_fixture.hpp"

namespace kefu::storage::transfer {
namespace {

using namespace transfer_testing;

// Every table but schema_version, under its logical name.
const std::set<std::string> kAllTables{"api_tokens",
                                       "attachments",
                                       "audit_log",
                                       "authority_limits",
                                       "bot_turns",
                                       "feedback_action_photos",
                                       "feedback_action_tickets",
                                       "feedback_action_updates",
                                       "feedback_actions",
                                       "feedback_examples",
                                       "feedback_import_mappings",
                                       "feedback_items",
                                       "feedback_models",
                                       "feedback_notices",
                                       "feedback_photos",
                                       "feedback_places",
                                       "feedback_topics",
                                       "nps_campaign_stores",
                                       "nps_campaigns",
                                       "nps_invitations",
                                       "chat_agents",
                                       "chat_canned",
                                       "chat_feed",
                                       "chat_messages",
                                       "chat_participants",
                                       "chat_photos",
                                       "chat_settings",
                                       "case_entries",
                                       "clock_events",
                                       "conversations",
                                       "csat_ratings",
                                       "report_dirty",
                                       "report_rollups",
                                       "ticket_facts",
                                       "customer_access",
                                       "departments",
                                       "email_outbox",
                                       "escalations_fired",
                                       "idempotency",
                                       "kb_categories",
                                       "kb_drafts",
                                       "kb_entries",
                                       "kb_pairs",
                                       "kb_signals",
                                       "kb_small_talk",
                                       "kb_synonyms",
                                       "kb_variants",
                                       "kpi_rule_sets",
                                       "kb_versions",
                                       "login_failures",
                                       "member_consents",
                                       "member_events",
                                       "member_identities",
                                       "member_merges",
                                       "member_tags",
                                       "member_tier_rules",
                                       "member_points",
                                       "members",
                                       "points_rewards",
                                       "notifications",
                                       "password_change_required",
                                       "privacy_exports",
                                       "privacy_requests",
                                       "privacy_retention",
                                       "report_schedules",
                                       "purchase_category_names",
                                       "purchase_import_mappings",
                                       "purchase_lines",
                                       "purchase_orders",
                                       "qa_auto_cursors",
                                       "qa_auto_hits",
                                       "qa_auto_rules",
                                       "qa_calibration_scores",
                                       "qa_calibrations",
                                       "qa_coaching",
                                       "qa_comments",
                                       "qa_inspections",
                                       "qa_scorecards",
                                       "qa_settings",
                                       "rate_limits",
                                       "resolutions",
                                       "return_policies",
                                       "returns",
                                       "sessions",
                                       "settings",
                                       "signing_keys",
                                       "sla_policies",
                                       "staff",
                                       "staff_departments",
                                       "staff_stores",
                                       "store_special_days",
                                       "stores",
                                       "staff_records",
                                       "tasks",
                                       "ticket_contacts",
                                       "ticket_events",
                                       "ticket_search",
                                       "tickets"};

// A target database of one backend, and one SQL query on it for spot checks.
struct Target {
  std::string backend, url;
  std::unique_ptr<TableIO> io;
  std::string scalar(const std::string& sql) {
    if (backend == "sqlite") {
      sqlite::Connection c(url, false);
      auto s = c.prepare(sql);
      return s->step() ? (s->is_null(0) ? "NULL" : s->text(0)) : "<none>";
    }
    pg::Connection c(url);
    auto s = c.prepare(sql);
    return s->step() ? (s->is_null(0) ? "NULL" : s->text(0)) : "<none>";
  }
};

class Transfer : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    name_ = std::string(info->test_suite_name()).substr(0, 1) + info->name();
    for (auto& ch : name_)
      if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    const char* pg = std::getenv("KEFU_TEST_PG");
    if (GetParam() == "postgresql" && (!pg || !*pg)) GTEST_SKIP() << "KEFU_TEST_PG is not set";
    source_ = fresh_sqlite(name_ + "_source");
    fill_sqlite(source_);
  }

  Target target(const std::string& tag) {
    if (GetParam() == "sqlite") {
      auto path = fresh_sqlite(name_ + "_" + tag);
      return {"sqlite", path, sqlite::open_table_io(path, true)};
    }
    auto url = fresh_pg(name_ + "_" + tag);
    return {"postgresql", url, pg::open_table_io(url)};
  }

  std::string export_text(TableIO& from, bool with_keys = true) {
    std::ostringstream out;
    export_all(from, out, quiet_, 1'700'000'000'000, {.with_keys = with_keys});
    return out.str();
  }
  Summary import_text(TableIO& to, const std::string& text) {
    std::istringstream in(text);
    return import_all(to, in, quiet_);
  }

  std::string name_, source_;
  std::ostringstream sink_;
  Progress quiet_{sink_, false, true};
};

TEST_P(Transfer, RoundTripKeepsEveryRowOfEveryTable) {
  auto source = sqlite::open_table_io(source_, false);
  const auto before = checksum_database(*source);
  std::set<std::string> seen;
  for (const auto& t : before) {
    seen.insert(t.table);
    EXPECT_GT(t.rows, 0) << t.table << " has no test data";
  }
  EXPECT_EQ(seen, kAllTables);

  const std::string file = export_text(*source);
  auto mid = target("mid");
  const auto imported = import_text(*mid.io, file);
  EXPECT_EQ(imported.tables, before);
  EXPECT_EQ(checksum_database(*mid.io), before);

  // And back again into SQLite: the second export's checksums equal the first's.
  const std::string again = export_text(*mid.io);
  EXPECT_NE(again.find("\"source\":\"" + mid.backend + "\""), std::string::npos);
  const auto back_path = fresh_sqlite(name_ + "_back");
  auto back = sqlite::open_table_io(back_path, true);
  EXPECT_EQ(import_text(*back, again).tables, before);
  EXPECT_EQ(checksum_database(*back), before);

  // Spot checks with plain SQL on the final copy, independent of the transfer's reader.
  Target last{"sqlite", back_path, nullptr};
  EXPECT_EQ(last.scalar("SELECT body FROM notifications WHERE id = 1"), kAwkward);
  EXPECT_EQ(last.scalar("SELECT description FROM tickets WHERE id = 2"), kAwkward);
  EXPECT_EQ(last.scalar("SELECT description FROM tickets WHERE id = 1"), "ab\ncd");
  EXPECT_EQ(last.scalar("SELECT name FROM stores WHERE id = 7"), "O'Brien \"北京\" 店");
  EXPECT_EQ(last.scalar("SELECT MIN(entity_id) || ' ' || MAX(created_at) FROM audit_log"),
            "-9223372036854775808 9223372036854775807");
  EXPECT_EQ(last.scalar("SELECT typeof(phone) FROM members WHERE id = 2"), "null");
  EXPECT_EQ(last.scalar("SELECT typeof(expires_at) FROM api_tokens WHERE id = 1"), "null");
  EXPECT_EQ(last.scalar("SELECT typeof(birthday) FROM members WHERE id = 2"), "text");
  EXPECT_EQ(last.scalar("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH '\"退货\"'"), "2");
  // The installation keeps its own identity and SLA config version, though migration 2
  // seeded fresh ones and triggers rewrote the version while stores went in.
  EXPECT_EQ(mid.scalar("SELECT value FROM settings WHERE key = 'installation_id'"), "source-installation");
  EXPECT_EQ(mid.scalar("SELECT value FROM settings WHERE key = 'sla_config_version'"), "source-version");
}

TEST_P(Transfer, NewRowsAfterAnImportGetFreshIds) {
  auto source = sqlite::open_table_io(source_, false);
  auto to = target("ids");
  import_text(*to.io, export_text(*source));
  EXPECT_EQ(to.scalar("INSERT INTO stores(code, name, timezone) VALUES ('N1', 'n', 'UTC') RETURNING id"), "8");
  EXPECT_EQ(to.scalar("INSERT INTO audit_log(actor_id, action, entity, entity_id, before_json, after_json, "
                      "created_at) VALUES (1, 'a', 'e', 1, '', '', 1) RETURNING id"),
            "3");
}

TEST_P(Transfer, TheKeysThatSignLinksStayBehindUnlessAskedFor) {
  auto source = sqlite::open_table_io(source_, false);
  const std::string file = export_text(*source, false);
  EXPECT_EQ(file.find("c0ffee"), std::string::npos) << "a signing key left in the export";
  EXPECT_NE(file.find("{\"end\":\"signing_keys\",\"rows\":0,"), std::string::npos);
  auto to = target("keyless");
  import_text(*to.io, file);
  EXPECT_EQ(to.scalar("SELECT COUNT(*) FROM signing_keys"), "0");
  EXPECT_EQ(to.scalar("SELECT COUNT(*) FROM tickets"), "2");  // everything else arrived
  EXPECT_NE(export_text(*source, true).find("c0ffee"), std::string::npos);
}

TEST_P(Transfer, AnEditedRowIsRefusedBeforeAnythingIsWritten) {
  auto source = sqlite::open_table_io(source_, false);
  std::string file = export_text(*source);
  const auto at = file.find("\"T-2\"");
  ASSERT_NE(at, std::string::npos);
  file.replace(at, 5, "\"T-3\"");
  auto to = target("edited");
  try {
    import_text(*to.io, file);
    FAIL() << "an edited file was imported";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::invalid_input);
    EXPECT_NE(e.message_en().find("table tickets: checksum differs"), std::string::npos) << e.message_en();
  }
  for (const auto& t : checksum_database(*to.io)) EXPECT_EQ(t.rows, t.table == "settings" ? 2 : 0) << t.table;
}

TEST_P(Transfer, ANonEmptyTargetIsRefusedAndLeftUnchanged) {
  auto source = sqlite::open_table_io(source_, false);
  const std::string file = export_text(*source);
  auto to = target("full");
  import_text(*to.io, file);
  const auto before = checksum_database(*to.io);
  try {
    import_text(*to.io, file);
    FAIL() << "imported twice";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::conflict);
    EXPECT_EQ(e.code(), "target_not_empty");
    EXPECT_NE(e.message_en().find("(table audit_log: 2 rows)"), std::string::npos) << e.message_en();
  }
  EXPECT_EQ(checksum_database(*to.io), before);

  // A setting beyond the two that migrations seed is data too.
  auto other = target("setting");
  other.io->migrate();
  other.scalar("INSERT INTO settings(key, value) VALUES ('smtp_note', 'x') RETURNING key");
  try {
    import_text(*other.io, file);
    FAIL() << "imported over a setting";
  } catch (const Error& e) {
    EXPECT_NE(e.message_en().find("table settings: key \"smtp_note\""), std::string::npos) << e.message_en();
  }
  EXPECT_EQ(other.scalar("SELECT COUNT(*) FROM stores"), "0");
}

TEST_P(Transfer, AFileCutShortOrFromAnotherSchemaIsRefused) {
  auto source = sqlite::open_table_io(source_, false);
  const std::string file = export_text(*source);
  auto to = target("short");
  const auto cut = file.substr(0, file.find("{\"table\":\"tickets\""));
  EXPECT_THROW(import_text(*to.io, cut), Error);
  std::string old = file;
  // Whatever the current version (each migration adds one), an export from schema 2 is refused.
  const auto at = old.find("\"schema_version\":");
  old.replace(at, old.find_first_of(",}", at) - at, "\"schema_version\":2");
  try {
    import_text(*to.io, old);
    FAIL() << "schema 2 accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "schema_mismatch");
  }
  EXPECT_EQ(to.scalar("SELECT COUNT(*) FROM stores"), "0");
}

TEST_P(Transfer, LargeTablesCommitInBatchesAndStayInKeyOrder) {
  {
    sqlite::Connection db(source_, true);
    db.exec("BEGIN");
    auto s = db.prepare("INSERT INTO login_failures(id, username, remote, at) VALUES (?, ?, '::1', ?)");
    // Ids inserted out of order, more than one commit's worth.
    for (int64_t i = 0; i < kBatchCommit + 2'345; ++i) {
      s->bind_all((i * 7919) % 20'011 + 100, "用户" + std::to_string(i), i).run();
      s->reset();
    }
    db.exec("COMMIT");
  }
  auto source = sqlite::open_table_io(source_, false);
  const std::string file = export_text(*source);
  auto to = target("large");
  import_text(*to.io, file);
  EXPECT_EQ(to.scalar("SELECT COUNT(*) FROM login_failures"), std::to_string(kBatchCommit + 2'346));
  EXPECT_EQ(checksum_database(*to.io), checksum_database(*source));
  // The file lists rows by key, whatever the insertion order.
  std::istringstream lines(file.substr(file.find("{\"table\":\"login_failures\"")));
  std::string line;
  std::getline(lines, line);
  int64_t previous = 0, rows = 0;
  while (std::getline(lines, line) && line.starts_with("[")) {
    const auto id = std::stoll(line.substr(1));
    EXPECT_GT(id, previous);
    previous = id;
    ++rows;
  }
  EXPECT_EQ(rows, kBatchCommit + 2'346);
}

TEST_P(Transfer, SearchWorksOnTheImportedDocuments) {
  auto source = sqlite::open_table_io(source_, false);
  auto to = target("search");
  import_text(*to.io, export_text(*source));
  if (to.backend == "postgresql") {
    EXPECT_EQ(to.scalar("SELECT ticket_id FROM ticket_search WHERE doc @@ to_tsquery('simple', '尺码')"), "2");
    EXPECT_EQ(to.scalar("SELECT ticket_id FROM ticket_search WHERE doc @@ to_tsquery('simple', '884213')"), "1");
  } else {
    EXPECT_EQ(to.scalar("SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH '\"尺码\"'"), "2");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, Transfer, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace kefu::storage::transfer
