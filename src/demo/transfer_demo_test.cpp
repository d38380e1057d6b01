// The demo installation moved from SQLite to PostgreSQL with `kefu export`/`kefu import`'s
// core: every table arrives whole, and searches find the same tickets on both sides.
// Needs KEFU_TEST_PG (a PostgreSQL server) and the jieba dictionary; skips otherwise.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>

#include "core/storage/open.hpp"
#include "core/storage/pg/database.hpp"
#include "core/storage/transfer.hpp"
#include "core/text/search_text.hpp"
#include "core/text/test_segmenter.hpp"
#include "demo/catalog.hpp"
#include "demo/load.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::demo {
namespace {

using namespace storage::transfer;

constexpr int64_t kNow = 1747800000;  // 2025-05-21 12:00 in Shanghai

std::vector<int64_t> search(storage::Database& db, const text::Segmenter& seg, const std::string& query) {
  storage::TicketFilter f;
  f.search_terms = text::query_terms(seg, query);  // as app::list_tickets does
  f.limit = 100'000;
  std::vector<int64_t> ids;
  for (const auto& t : db.reader().get<storage::TicketStore>().tickets(f)) ids.push_back(t.id);
  return ids;
}

// The first SKU code (SKU-12345) a generated ticket mentions.
std::string some_sku(const Catalog& cat) {
  const std::regex sku("SKU-[0-9]{5}");
  for (const auto& t : cat.tickets) {
    std::smatch m;
    const std::string text = t.subject + " " + t.description;
    if (std::regex_search(text, m, sku)) return m.str();
  }
  return "";
}

TEST(DemoTransfer, SqliteToPostgresKeepsCountsAndSearchResults) {
  const char* base = std::getenv("KEFU_TEST_PG");
  if (!base || !*base) GTEST_SKIP() << "KEFU_TEST_PG is not set";
  KEFU_REQUIRE_JIEBA(seg);

  const auto path = std::filesystem::temp_directory_path() / ("kefu-demo-transfer-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
  const std::string sqlite_url = "sqlite://" + (path / "demo.db").string();
  const auto cat = generate(7, kNow, 200, 1500, 60);
  {
    auto db = storage::open_database(sqlite_url, true);
    load(*db, cat, *seg, "not-a-real-hash", kNow * 1000);
  }

  std::ostringstream sink;
  Progress quiet(sink, false, true);
  std::stringstream file;
  auto source = storage::open_table_io(sqlite_url, false);
  const auto exported = export_all(*source, file, quiet, kNow * 1000, {.with_keys = true});
  const std::string pg_url = storage::pg::schema_url(base, "xfer_demo_" + std::to_string(::getpid()), true);
  auto target = storage::open_table_io(pg_url, true);
  file.seekg(0);
  import_all(*target, file, quiet);

  // Every table, counted by each side's own reader.
  const auto on_sqlite = checksum_database(*source);
  const auto on_pg = checksum_database(*target);
  ASSERT_EQ(on_sqlite.size(), 98u);  // every table
  EXPECT_EQ(on_pg, on_sqlite);
  EXPECT_EQ(exported.tables, on_sqlite);
  auto sqlite_db = storage::open_database(sqlite_url, false);
  auto pg_db = storage::open_database(pg_url, false);
  for (const char* table :
       {"stores", "departments", "staff", "members", "tickets", "ticket_events", "tasks", "audit_log", "ticket_fts",
        "clock_events", "escalations_fired", "notifications", "sla_policies"}) {
    EXPECT_EQ(pg_db->reader().count(table), sqlite_db->reader().count(table)) << table;
  }
  EXPECT_EQ(pg_db->reader().count("tickets"), 1500 + 6);  // + the staff stories of demo/load_performance

  // The same searches find the same tickets, in the same order.
  const std::string sku = some_sku(cat);
  ASSERT_FALSE(sku.empty());
  for (const std::string query : {"停车", "退货", "尺码", sku.c_str()}) {
    const auto want = search(*sqlite_db, *seg, query);
    EXPECT_FALSE(want.empty()) << query << " finds nothing: the comparison would prove nothing";
    EXPECT_EQ(search(*pg_db, *seg, query), want) << query;
  }

  // New tickets on PostgreSQL continue after the imported ids.
  int64_t next = 0;
  pg_db->write_sync([&](storage::Stores& r) {
    ticket::Ticket t = *r.get<storage::TicketStore>().ticket(1);
    t.id = 0;
    next = r.get<storage::TicketStore>().insert_ticket(t);
  });
  EXPECT_EQ(next, 1507);
  std::filesystem::remove_all(path);
}

}  // namespace
}  // namespace kefu::demo
