// Leadership and change notices between Database objects on one PostgreSQL server, as
// between nodes (skipped without KEFU_TEST_PG).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "core/storage/pg/database.hpp"
#include "notifications/storage/notification_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::storage::pg {
namespace {

class PgNodes : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* b = std::getenv("KEFU_TEST_PG");
    if (!b || !*b) GTEST_SKIP() << "set KEFU_TEST_PG (scripts/pg.sh start)";
    base = b;
  }
  std::string url(const std::string& schema, bool reset) {
    const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    return schema_url(base, "lead_" + std::to_string(std::hash<std::string>{}(test) % 1000000007) + "_" + schema,
                      reset);
  }
  std::string base;
};

TEST_F(PgNodes, OneNodeLeadsARoleUntilItGoesAndThenAnotherTakesIt) {
  const auto u = url("x", true);
  auto a = open({.url = u}, true);
  auto b = open({.url = u}, false);
  EXPECT_TRUE(a->lead("sla-scheduler"));
  EXPECT_FALSE(b->lead("sla-scheduler"));
  EXPECT_TRUE(a->lead("sla-scheduler")) << "the holder keeps it";
  EXPECT_TRUE(b->lead("email-outbox")) << "roles are separate";
  a.reset();  // the node goes away, and its session with it
  // The server ends the session (and frees its locks) once it notices the closed
  // connection, which takes a moment: b asks again, as the scheduler does every tick.
  bool took = false;
  for (int i = 0; i < 100 && !(took = b->lead("sla-scheduler")); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_TRUE(took);
}

TEST_F(PgNodes, InstallationsInOtherSchemasOfTheSameDatabaseLeadIndependently) {
  auto x = open({.url = url("x", true)}, true);
  auto y = open({.url = url("y", true)}, true);
  EXPECT_TRUE(x->lead("sla-scheduler"));
  EXPECT_TRUE(y->lead("sla-scheduler"));
}

TEST_F(PgNodes, ANotificationWrittenByOneNodeWakesTheOthersWatcher) {
  const auto u = url("x", true);
  auto a = open({.url = u}, true);
  auto b = open({.url = u}, false);
  std::atomic<int> woken{0};
  b->watch_changes([&] { ++woken; });
  const auto settle = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (woken == 0 && std::chrono::steady_clock::now() < settle)  // the first call says "listening"
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const int before = woken;
  a->write_sync([](Stores& r) {
    auto store = r.get<storage::OrgStore>().insert_store({.code = "S", .name = "店"});
    auto staff = r.get<storage::OrgStore>().insert_staff(
        {.username = "u", .role = "agent", .store_ids = {store}, .password_hash = "h"});
    r.get<storage::NotificationStore>().insert_notification(
        {.staff_id = staff, .kind = "test", .title = "t", .body = "b", .data = "{}", .created_at = 1});
  });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (woken == before && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_GT(woken.load(), before);
  b->watch_changes({});
}

}  // namespace
}  // namespace kefu::storage::pg

namespace kefu::storage::pg {
namespace {

// Jobs with one affinity run on one writer (Database::write_for): a conversation's
// messages never wait on each other's row locks across the node's writer connections.
TEST_F(PgNodes, JobsWithOneAffinityRunOnOneWriter) {
  auto db = open({.url = url("affinity", true), .writers = 2}, true);
  std::mutex mu;
  std::map<uint64_t, std::set<std::thread::id>> threads;
  std::atomic<int> done{0};
  for (int i = 0; i < 60; ++i) {
    const uint64_t key = i % 3 == 0 ? 0 : 7 + i % 3 - 1;  // 0 (any), 7 or 8
    db->write_for(
        key,
        [&, key](Stores&) {
          std::lock_guard lock(mu);
          threads[key].insert(std::this_thread::get_id());
        },
        [&](std::exception_ptr e) {
          EXPECT_FALSE(e);
          ++done;
        });
  }
  db->flush();
  EXPECT_EQ(done.load(), 60);
  ASSERT_EQ(threads[7].size(), 1u) << "every job keyed 7 on one writer";
  ASSERT_EQ(threads[8].size(), 1u);
  EXPECT_NE(*threads[7].begin(), *threads[8].begin()) << "7 and 8 fall to different writers (key % 2)";
}

}  // namespace
}  // namespace kefu::storage::pg
