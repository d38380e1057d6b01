#include "core/storage/sqlite/database.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/storage/sqlite/schema.hpp"
#include "core/storage/sqlite/stores.hpp"
#include "core/storage/write_batch.hpp"

namespace kefu::storage::sqlite {
namespace {

std::atomic<uint64_t> g_next_generation{1};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(Options o, bool migrate_schema) : opt_(std::move(o)), generation_(g_next_generation++) {
    writer_conn_ = std::make_unique<Connection>(opt_.path, true, opt_.vfs);
    if (migrate_schema) migrate(*writer_conn_);
    require_current_schema(*writer_conn_);
    writer_stores_ = std::make_unique<SqliteStores>(*writer_conn_, StoresOptions{.shared = &shared_, .writer = true});
    // Checkpoints copy WAL pages into the database file: slow writes plus an fsync.
    // They run on their own thread and connection so that a commit never waits for one.
    writer_conn_->exec("PRAGMA wal_autocheckpoint=0");
    writer_conn_->exec("PRAGMA journal_size_limit=67108864");
    checkpoint_conn_ = std::make_unique<Connection>(opt_.path, false, opt_.vfs);
    sqlite3_wal_hook(writer_conn_->raw(), &SqliteDatabase::on_wal_commit, this);
    thread_ = std::thread([this] { writer_loop(); });
    checkpointer_ = std::thread([this] { checkpoint_loop(); });
  }

  ~SqliteDatabase() override {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
    {
      std::lock_guard lock(checkpoint_mu_);
      checkpoint_stop_ = true;
    }
    checkpoint_cv_.notify_all();
    checkpointer_.join();
  }

  Stores& reader() override {
    // One read connection per (thread, database); WAL lets them read while the writer commits.
    thread_local std::unordered_map<uint64_t, std::pair<std::unique_ptr<Connection>, std::unique_ptr<SqliteStores>>>
        readers;
    auto& slot = readers[generation_];
    if (!slot.first) {
      slot.first = std::make_unique<Connection>(opt_.path, false, opt_.vfs);
      slot.second = std::make_unique<SqliteStores>(
          *slot.first, StoresOptions{.commit_seq = &commit_seq_, .wal_pressure = &wal_pressure_, .shared = &shared_});
    }
    return *slot.second;
  }

  void write(Job job, Done done) override {
    {
      std::lock_guard lock(mu_);
      if (stopping_) throw std::runtime_error("database is closing");
      queue_.push_back({std::move(job), std::move(done)});
    }
    cv_.notify_one();
  }

  void flush() override {
    write_sync([](Stores&) {});
  }

  std::string backend() const override { return "sqlite"; }

 private:
  struct Item {
    Job job;
    Done done;
  };

  void writer_loop() {
    for (;;) {
      std::vector<Item> batch;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping and drained
        while (!queue_.empty() && static_cast<int>(batch.size()) < opt_.max_batch) {
          batch.push_back(std::move(queue_.front()));
          queue_.pop_front();
        }
      }
      commit_batch(batch);
      // A background checkpoint never finishes while commits keep arriving, and the WAL
      // can only start over after one that did. Past a bound the writer finishes the job
      // itself, between two batches; most frames are already copied by then.
      if (wal_pages_.load(std::memory_order_relaxed) >= kWriterCheckpointPages) {
        sqlite3_wal_checkpoint_v2(writer_conn_->raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        wal_pages_.store(0, std::memory_order_relaxed);
      }
    }
  }

  void commit_batch(std::vector<Item>& batch) {
    shared_.batch_started();
    std::vector<std::exception_ptr> results(batch.size());
    std::exception_ptr commit_error;
    try {
      auto& c = *writer_conn_;
      c.prepare("BEGIN IMMEDIATE")->run();
      for (std::size_t i = 0; i < batch.size(); ++i) {
        c.prepare("SAVEPOINT job")->run();
        try {
          batch[i].job(*writer_stores_);
          c.prepare("RELEASE job")->run();
        } catch (...) {
          results[i] = std::current_exception();
          c.prepare("ROLLBACK TO job")->run();
          c.prepare("RELEASE job")->run();
        }
      }
      c.prepare("COMMIT")->run();
      // Before any completion runs, so a client that got its 2xx and reads next sees it:
      // the stores' caches drop what the batch changed, then the new commit sequence is
      // published.
      const uint64_t seq = commit_seq_.load(std::memory_order_relaxed) + 1;
      shared_.committed(seq);
      commit_seq_.store(seq, std::memory_order_release);
    } catch (...) {
      commit_error = std::current_exception();
      spdlog::error("group commit of {} jobs failed", batch.size());
      try {
        writer_conn_->exec("ROLLBACK");
      } catch (...) {
      }
    }
    complete_batch(batch, results, commit_error);
  }

  static int on_wal_commit(void* self, sqlite3*, const char*, int pages) {
    auto* db = static_cast<SqliteDatabase*>(self);
    db->wal_pages_.store(pages, std::memory_order_relaxed);
    db->wal_pressure_.store(pages >= kCheckpointPages, std::memory_order_relaxed);
    if (pages >= kCheckpointPages) {
      std::lock_guard lock(db->checkpoint_mu_);
      db->checkpoint_wanted_ = true;
      db->checkpoint_cv_.notify_one();
    }
    return SQLITE_OK;
  }

  void checkpoint_loop() {
    std::unique_lock lock(checkpoint_mu_);
    for (;;) {
      checkpoint_cv_.wait_for(lock, std::chrono::seconds(5), [&] { return checkpoint_stop_ || checkpoint_wanted_; });
      if (checkpoint_stop_) return;
      checkpoint_wanted_ = false;
      lock.unlock();
      int log = 0, done = 0;
      int rc = sqlite3_wal_checkpoint_v2(checkpoint_conn_->raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
      if (rc != SQLITE_OK && rc != SQLITE_BUSY) spdlog::warn("wal checkpoint failed: {}", sqlite3_errstr(rc));
      lock.lock();
    }
  }

  std::atomic<uint64_t> commit_seq_{0};    // committed write batches; readers compare it
  std::atomic<bool> wal_pressure_{false};  // the WAL is long: readers release snapshots
  Shared shared_;                          // the stores' database-wide state (caches), told of every batch
  static constexpr int kCheckpointPages = 1000;
  static constexpr int kWriterCheckpointPages = 8000;  // ~32 MiB of WAL
  std::atomic<int> wal_pages_{0};
  std::unique_ptr<Connection> checkpoint_conn_;
  std::thread checkpointer_;
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_cv_;
  bool checkpoint_wanted_ = false, checkpoint_stop_ = false;

  Options opt_;
  uint64_t generation_;
  std::unique_ptr<Connection> writer_conn_;
  std::unique_ptr<SqliteStores> writer_stores_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace

std::unique_ptr<Database> open(const Options& options, bool migrate_schema) {
  return std::make_unique<SqliteDatabase>(options, migrate_schema);
}

}  // namespace kefu::storage::sqlite
