// Two nodes' writers whose batches take the same keys in opposite orders (skipped without
// KEFU_TEST_PG). Each batch holds the rows its earlier jobs wrote until it commits, so the
// second job of each waits for the other batch: a deadlock that a job's retry inside the
// same transaction meets again. The writer must commit the earlier jobs and retry.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <future>
#include <mutex>

#include "core/storage/pg/database.hpp"
#include "core/storage/platform_stores.hpp"

namespace kefu::storage::pg {
namespace {

// A flag a job raises and another waits for (bounded, so that a wrong order cannot hang the test).
class Flag {
 public:
  void raise() {
    std::lock_guard lock(mu_);
    up_ = true;
    cv_.notify_all();
  }
  void wait() {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(5), [&] { return up_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool up_ = false;
};

// What the API's write does with an Idempotency-Key: the stored answer if there is one,
// else the work and the key.
void idempotent_put(Stores& r, const std::string& key, const std::string& body) {
  auto& store = r.get<IdempotencyStore>();
  if (store.idempotent(1, key)) return;
  store.put_idempotent(1, key, {"h", 201, body}, 1000);
}

TEST(PgCrossBatch, BatchesTakingTheSameKeysInOppositeOrdersBothComplete) {
  const char* base = std::getenv("KEFU_TEST_PG");
  if (!base || !*base) GTEST_SKIP() << "set KEFU_TEST_PG (scripts/pg.sh start)";
  const auto url = schema_url(base, "cross_batch", true);
  auto a = open({.url = url, .writers = 1}, true);
  auto b = open({.url = url, .writers = 1}, false);

  // Each node's writer is held by a first job until both nodes have queued the two jobs
  // that follow, so that those two form one batch on each node.
  Flag go, a_has_k1, b_has_k2;
  std::promise<void> a_held, b_held;
  a->write([&](Stores&) { a_held.set_value(), go.wait(); }, [](std::exception_ptr) {});
  b->write([&](Stores&) { b_held.set_value(), go.wait(); }, [](std::exception_ptr) {});
  a_held.get_future().wait();
  b_held.get_future().wait();

  std::promise<std::exception_ptr> results[4];
  a->write([&](Stores& r) { idempotent_put(r, "k1", "a"), a_has_k1.raise(), b_has_k2.wait(); },
           [&](std::exception_ptr e) { results[0].set_value(e); });
  a->write([&](Stores& r) { idempotent_put(r, "k2", "a"); }, [&](std::exception_ptr e) { results[1].set_value(e); });
  b->write([&](Stores& r) { idempotent_put(r, "k2", "b"), b_has_k2.raise(), a_has_k1.wait(); },
           [&](std::exception_ptr e) { results[2].set_value(e); });
  b->write([&](Stores& r) { idempotent_put(r, "k1", "b"); }, [&](std::exception_ptr e) { results[3].set_value(e); });
  go.raise();

  for (auto& r : results) {
    auto e = r.get_future().get();
    EXPECT_FALSE(e) << "every job completes: a deadlock is a lost race, not an error";
  }
  auto& keys = a->reader().get<IdempotencyStore>();
  ASSERT_TRUE(keys.idempotent(1, "k1"));
  ASSERT_TRUE(keys.idempotent(1, "k2"));
  EXPECT_EQ(keys.idempotent(1, "k1")->body, "a") << "A wrote k1 first; B's retry found it";
  EXPECT_EQ(keys.idempotent(1, "k2")->body, "b");
}

}  // namespace
}  // namespace kefu::storage::pg
