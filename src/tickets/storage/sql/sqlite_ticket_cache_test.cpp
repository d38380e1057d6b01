#include "tickets/storage/sql/sqlite_ticket_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "core/storage/open.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage::sqlite {
namespace {

ticket::Ticket ticket_with(int64_t id, int64_t version) {
  ticket::Ticket t;
  t.id = id;
  t.version = version;
  return t;
}

TEST(TicketCache, ARowReadBeforeAnInvalidationNeverEnters) {
  TicketCache cache(1000);
  cache.put(ticket_with(7, 1), /*snapshot_seq=*/5);
  ASSERT_TRUE(cache.get(7));
  cache.invalidate({7}, 6);  // a commit changed ticket 7
  EXPECT_FALSE(cache.get(7));
  cache.put(ticket_with(7, 1), 5);  // a reader whose snapshot predates that commit
  EXPECT_FALSE(cache.get(7));
  cache.put(ticket_with(7, 2), 6);  // a reader that saw the commit
  ASSERT_TRUE(cache.get(7));
  EXPECT_EQ(cache.get(7)->version, 2);
}

TEST(TicketCache, EntriesExpireAndCapacityIsBounded) {
  TicketCache cache(64, std::chrono::milliseconds(0));
  cache.put(ticket_with(1, 1), 0);
  EXPECT_FALSE(cache.get(1));  // ttl 0: always re-read
  TicketCache small(64);       // one entry per shard
  small.put(ticket_with(1, 1), 0);
  small.put(ticket_with(65, 1), 0);  // same shard
  EXPECT_EQ(static_cast<int>(small.get(1).has_value()) + static_cast<int>(small.get(65).has_value()), 1);
}

// Another thread reads right after each acknowledged update and must never see an older
// version than the one acknowledged: the cache may not serve what a commit replaced.
TEST(TicketCache, ReadersAlwaysSeeAcknowledgedUpdates) {
  auto path = std::filesystem::temp_directory_path() / ("kefu-cache-" + std::to_string(::getpid()) + ".db");
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  auto db = open_database("sqlite://" + path.string(), true);
  ticket::Ticket t;
  db->write_sync([&](Stores& r) {
    auto store = r.get<storage::OrgStore>().insert_store({.code = "A", .name = "甲店"});
    auto staff = r.get<storage::OrgStore>().insert_staff({.username = "li", .role = "agent", .password_hash = "h"});
    t.store_id = store;
    t.type = "inquiry";
    t.channel = "hotline";
    t.priority = "P4";
    t.subject = "v1";
    t.created_by = staff;
    r.get<storage::TicketStore>().insert_ticket(t);
  });
  std::atomic<int64_t> acknowledged{1};
  std::atomic<bool> done{false};
  std::atomic<int> stale{0}, reads{0};
  std::thread reader([&] {
    auto& r = db->reader();
    while (!done) {
      const int64_t floor = acknowledged.load();
      Snapshot s(r);
      if (r.get<storage::TicketStore>().ticket(t.id)->version < floor) ++stale;
      ++reads;
    }
  });
  for (int v = 2; v <= 300; ++v) {
    t.version = v;
    db->write_sync([&](Stores& r) { ASSERT_TRUE(r.get<storage::TicketStore>().update_ticket(t, v - 1)); });
    acknowledged = v;
  }
  done = true;
  reader.join();
  EXPECT_EQ(stale.load(), 0) << "of " << reads.load() << " reads";
  EXPECT_GT(reads.load(), 0);
}

}  // namespace
}  // namespace kefu::storage::sqlite
