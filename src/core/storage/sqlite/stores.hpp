#pragma once
// The stores of one SQLite connection (core/storage/stores.hpp): snapshots and what the
// capabilities' SQL stores need from the engine.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "core/storage/sqlite/connection.hpp"
#include "core/storage/stores.hpp"

namespace kefu::storage::sqlite {

// Told of every write batch of the database, on the writer thread: before its first job,
// and after its COMMIT (before any caller hears of it) with the new commit sequence.
class CommitWatcher {
 public:
  virtual ~CommitWatcher() = default;
  virtual void batch_started() = 0;
  virtual void committed(uint64_t seq) = 0;
};

// What the stores of one database share across its connections, by type: made on first
// use, kept while the database is open (e.g. the tickets' row cache). A T that is a
// CommitWatcher hears every batch.
class Shared {
 public:
  template <class T>
  T& get() {
    std::lock_guard lock(mu_);
    auto& slot = items_[std::type_index(typeid(T))];
    if (!slot) {
      auto made = std::make_shared<T>();
      if constexpr (std::is_base_of_v<CommitWatcher, T>) watchers_.push_back(made.get());
      slot = made;
    }
    return *static_cast<T*>(slot.get());
  }
  void batch_started();
  void committed(uint64_t seq);

 private:
  std::mutex mu_;
  std::unordered_map<std::type_index, std::shared_ptr<void>> items_;
  std::vector<CommitWatcher*> watchers_;
};

// What a connection's stores share with the database:
// - commit_seq: the count of committed write batches, for readers that may reuse a
//   snapshot across requests; null for the writer (which never reuses);
// - wal_pressure: set while the WAL is long; readers then release their snapshot at the
//   end of each request, so that a checkpoint can finish and the WAL start over;
// - shared: the database-wide state of the stores.
struct StoresOptions {
  const std::atomic<uint64_t>* commit_seq = nullptr;
  const std::atomic<bool>* wal_pressure = nullptr;
  Shared* shared = nullptr;
  bool writer = false;
};

// Not thread-safe: one per connection (per thread).
class SqliteStores final : public Stores {
 public:
  SqliteStores(Connection& db, StoresOptions o) : db_(db), o_(o) {}

  Connection& connection() { return db_; }
  // The database-wide state of the stores (a connection outside a database has its own).
  Shared& shared() { return o_.shared ? *o_.shared : own_shared_; }
  bool writer() const { return o_.writer; }
  // The commit sequence that a row read now is at least as new as: the snapshot's, or
  // (outside one) the one before the next statement starts its own read transaction.
  // 0 when the connection belongs to no database.
  uint64_t read_seq() const;

  void begin_snapshot() override;
  void end_snapshot() override;
  int64_t count(const std::string& table) override;
  void analyze() override;
  SqliteStores* sqlite() override { return this; }

 private:
  Connection& db_;
  StoresOptions o_;
  Shared own_shared_;
  int snapshot_depth_ = 0;
  // A reader's snapshot kept open for reuse (see Stores::begin_snapshot).
  bool snapshot_open_ = false;
  uint64_t snapshot_seq_ = 0;
  std::chrono::steady_clock::time_point snapshot_opened_{};
};

}  // namespace kefu::storage::sqlite
