#include "core/storage/pg/database.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/storage/pg/schema.hpp"
#include "core/storage/pg/stores.hpp"
#include "core/storage/write_batch.hpp"

namespace kefu::storage::pg {
namespace {

std::atomic<uint64_t> g_next_generation{1};

// Advisory lock keys are 64-bit; a role name maps to one (FNV-1a), under kefu's prefix.
int64_t lock_key(const std::string& role) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : "kefu:" + role) h = (h ^ c) * 1099511628211ULL;
  return static_cast<int64_t>(h >> 1);
}

class PgDatabase final : public Database {
 public:
  PgDatabase(Options o, bool migrate_schema) : opt_(std::move(o)), generation_(g_next_generation++) {
    Connection setup(opt_.url);
    if (migrate_schema) migrate(setup);
    require_current_schema(setup);
    for (int i = 0; i < std::max(1, opt_.writers); ++i) {
      auto w = std::make_unique<Writer>();
      w->index = writers_.size();
      w->conn = std::make_unique<Connection>(opt_.url);
      // A 2xx means committed: the commit waits for the WAL flush (the server's default,
      // stated here so that a server configured otherwise cannot weaken it).
      w->conn->exec("SET synchronous_commit = on");
      w->stores = std::make_unique<PgStores>(*w->conn);
      writers_.push_back(std::move(w));
    }
    for (auto& w : writers_) w->thread = std::thread([this, wp = w.get()] { writer_loop(*wp); });
  }

  ~PgDatabase() override {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto& w : writers_) w->thread.join();
    watch_changes({});
  }

  Stores& reader() override {
    thread_local std::unordered_map<uint64_t, std::pair<std::unique_ptr<Connection>, std::unique_ptr<PgStores>>>
        readers;
    auto& slot = readers[generation_];
    if (!slot.first) {
      slot.first = std::make_unique<Connection>(opt_.url);
      slot.second = std::make_unique<PgStores>(*slot.first);
    }
    return *slot.second;
  }

  void write(Job job, Done done) override { write_for(0, std::move(job), std::move(done)); }

  // Measured (bench/chat.sh, two nodes): with any writer taking any job, a conversation's
  // messages in two writers' batches waited on each other's `last_seq` row lock until the
  // other batch committed — every sampled statement was waiting, 607 of 2,000 msg/s went
  // through. A keyed job goes to writer key % writers.
  void write_for(uint64_t affinity, Job job, Done done) override {
    {
      std::lock_guard lock(mu_);
      if (stopping_) throw std::runtime_error("database is closing");
      const uint64_t seq = ++enqueued_;
      in_flight_.insert(seq);
      queue_.push_back({std::move(job), std::move(done), seq, affinity});
    }
    if (affinity)
      cv_.notify_all();  // the one writer that may take it must wake
    else
      cv_.notify_one();
  }

  // Several writers finish out of order: wait until nothing queued before this call is
  // still queued or in a batch (its completion has run).
  void flush() override {
    std::unique_lock lock(mu_);
    const uint64_t upto = enqueued_;
    flushed_cv_.wait(lock, [&] { return in_flight_.empty() || *in_flight_.begin() > upto; });
  }

  std::string backend() const override { return "postgresql"; }

  void watch_changes(std::function<void()> on_change) override {
    std::lock_guard lock(listen_mu_);
    if (listener_.joinable()) {
      listen_stop_ = true;
      listener_.join();
      listen_stop_ = false;
    }
    if (on_change) listener_ = std::thread([this, cb = std::move(on_change)] { listen_loop(cb); });
  }

  bool lead(const std::string& role) override {
    std::lock_guard lock(lease_mu_);
    try {
      if (!lease_conn_) {
        lease_conn_ = std::make_unique<Connection>(opt_.url);
        // Advisory locks are per database, and one database can hold several kefu
        // installations (one per schema): the key names this installation.
        auto s = lease_conn_->prepare("SELECT value FROM settings WHERE key = 'installation_id'");
        installation_ = s->step() ? s->text(0) : std::string();
      }
      const int64_t key = lock_key(installation_ + ":" + role);
      if (held_.contains(key)) {
        // Still ours while the session lives: a round trip proves it.
        lease_conn_->exec("SELECT 1");
        return true;
      }
      auto s = lease_conn_->prepare("SELECT pg_try_advisory_lock(?)");
      s->bind(1, key);
      if (s->step() && s->i64(0) == 1) {
        held_.insert(key);
        spdlog::info("this node now leads `{}`", role);
        return true;
      }
      return false;
    } catch (const std::exception& e) {
      // The session is gone, and with it every lock it held.
      spdlog::warn("lost the lease connection ({}); `{}` is up for grabs", e.what(), role);
      held_.clear();
      lease_conn_.reset();
      return false;
    }
  }

 private:
  struct Item {
    Job job;
    Done done;
    uint64_t seq = 0;
    uint64_t affinity = 0;  // 0: any writer
  };
  struct Writer {
    std::unique_ptr<Connection> conn;
    std::unique_ptr<PgStores> stores;
    std::thread thread;
    std::size_t index = 0;
  };

  bool takes(const Writer& w, const Item& item) const {
    return item.affinity == 0 || item.affinity % writers_.size() == w.index;
  }

  void writer_loop(Writer& w) {
    for (;;) {
      std::vector<Item> batch;
      {
        std::unique_lock lock(mu_);
        auto mine = [&] {
          return std::any_of(queue_.begin(), queue_.end(), [&](const Item& i) { return takes(w, i); });
        };
        cv_.wait(lock, [&] { return stopping_ || mine(); });
        if (!mine()) return;  // stopping, and nothing left for this writer
        // In queue order, what this writer may take; the rest stays for the others.
        std::deque<Item> rest;
        while (!queue_.empty()) {
          if (static_cast<int>(batch.size()) < opt_.max_batch && takes(w, queue_.front()))
            batch.push_back(std::move(queue_.front()));
          else
            rest.push_back(std::move(queue_.front()));
          queue_.pop_front();
        }
        queue_.swap(rest);
      }
      commit_batch(w, batch);
    }
  }

  // Runs one job inside the batch's open SAVEPOINT; a lost race gets one more try.
  static std::exception_ptr run_job(Writer& w, const Job& job) {
    for (int attempt = 0;; ++attempt) {
      try {
        job(*w.stores);
        return nullptr;
      } catch (const Contention&) {
        if (attempt > 0) return std::current_exception();
        w.conn->exec("ROLLBACK TO SAVEPOINT job");
      } catch (...) {
        return std::current_exception();
      }
    }
  }

  static bool is_contention(const std::exception_ptr& e) {
    try {
      if (e) std::rethrow_exception(e);
    } catch (const Contention&) {
      return true;
    } catch (...) {
    }
    return false;
  }

  // One round trip per job boundary: the savepoint commands travel together.
  void commit_batch(Writer& w, std::vector<Item>& batch) {
    std::vector<std::exception_ptr> results(batch.size());
    std::exception_ptr commit_error;
    std::size_t committed = 0;  // jobs [0, committed) are committed already
    auto& c = *w.conn;
    try {
      c.exec("BEGIN; SAVEPOINT job");
      for (std::size_t i = 0; i < batch.size(); ++i) {
        const bool last = i + 1 == batch.size();
        results[i] = run_job(w, batch[i].job);
        if (is_contention(results[i]) && i > 0) {
          // Lost twice: most likely a cycle with another writer's batch, which waits for rows
          // the jobs before this one wrote (they stay locked until this batch commits) while
          // this job waits for its rows — two nodes inserting the same idempotency keys in
          // opposite orders deadlocked so. Commit those jobs, so the other batch can finish,
          // and run this one once more in a new transaction.
          c.exec("ROLLBACK TO SAVEPOINT job; RELEASE SAVEPOINT job; COMMIT");
          committed = i;
          c.exec("BEGIN; SAVEPOINT job");
          results[i] = run_job(w, batch[i].job);
        }
        if (!results[i])
          c.exec(last ? "RELEASE SAVEPOINT job" : "RELEASE SAVEPOINT job; SAVEPOINT job");
        else
          c.exec(last ? "ROLLBACK TO SAVEPOINT job; RELEASE SAVEPOINT job"
                      : "ROLLBACK TO SAVEPOINT job; RELEASE SAVEPOINT job; SAVEPOINT job");
      }
      c.exec("COMMIT");
    } catch (...) {
      commit_error = std::current_exception();
      spdlog::error("group commit of {} jobs failed", batch.size());
      try {
        c.recover();
        c.exec("ROLLBACK");
      } catch (...) {
      }
    }
    // A failed commit fails only the jobs after the last commit that went through.
    if (commit_error)
      for (std::size_t i = committed; i < batch.size(); ++i) results[i] = commit_error;
    complete_batch(batch, results, nullptr);
    {
      std::lock_guard lock(mu_);
      for (const auto& item : batch) in_flight_.erase(item.seq);
    }
    flushed_cv_.notify_all();
  }

  // LISTEN on a connection of its own; wakes on the socket, reconnects after failures.
  void listen_loop(const std::function<void()>& on_change) {
    std::unique_ptr<Connection> conn;
    while (!listen_stop_) {
      try {
        if (!conn) {
          conn = std::make_unique<Connection>(opt_.url);
          conn->exec("LISTEN kefu_changes");
          on_change();  // anything committed while not listening
        }
        pollfd p{PQsocket(conn->raw()), POLLIN, 0};
        int r = ::poll(&p, 1, 200);
        if (r < 0) continue;
        if (r > 0 && !PQconsumeInput(conn->raw())) throw std::runtime_error(PQerrorMessage(conn->raw()));
        bool any = false;
        while (PGnotify* n = PQnotifies(conn->raw())) {
          any = true;
          PQfreemem(n);
        }
        if (any) on_change();
      } catch (const std::exception& e) {
        spdlog::warn("LISTEN connection failed ({}); retrying", e.what());
        conn.reset();
        for (int i = 0; i < 10 && !listen_stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  }

  Options opt_;
  uint64_t generation_;
  std::vector<std::unique_ptr<Writer>> writers_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Item> queue_;
  uint64_t enqueued_ = 0;
  std::set<uint64_t> in_flight_;  // queued or in a batch, until its completion has run
  std::condition_variable flushed_cv_;
  bool stopping_ = false;

  std::mutex listen_mu_;
  std::atomic<bool> listen_stop_{false};
  std::thread listener_;

  std::mutex lease_mu_;
  std::unique_ptr<Connection> lease_conn_;
  std::string installation_;
  std::unordered_set<int64_t> held_;
};

}  // namespace

std::unique_ptr<Database> open(const Options& options, bool migrate_schema) {
  return std::make_unique<PgDatabase>(options, migrate_schema);
}

std::string schema_url(const std::string& base_url, const std::string& schema, bool reset) {
  for (char ch : schema)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'))
      throw std::invalid_argument("schema names are letters, digits and _: " + schema);
  // PostgreSQL would cut a longer name, and two long names could become one schema.
  if (schema.empty() || schema.size() > 63) throw std::invalid_argument("schema names are 1-63 characters: " + schema);
  if (reset) {
    Connection c(base_url);
    c.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  }
  return base_url + (base_url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

}  // namespace kefu::storage::pg
