#pragma once
// The rollup keeper: every tick it drains the queue of tickets whose report facts are
// stale (reports/app/rollups.hpp) in write jobs of up to 500 tickets, each one
// transaction (facts, rollup deltas and the marks it cleared commit together). One node
// keeps them (Database::lead("report-rollups")).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/storage/database.hpp"

namespace kefu::jobs {

class RollupKeeper {
 public:
  RollupKeeper(storage::Database& db, std::function<int64_t()> now_ms,
               std::chrono::milliseconds tick = std::chrono::seconds(1));
  ~RollupKeeper();
  RollupKeeper(const RollupKeeper&) = delete;
  RollupKeeper& operator=(const RollupKeeper&) = delete;

  void start();
  void stop();
  // Drains the queue now; returns how many tickets were recomputed.
  int64_t tick();

 private:
  void run();

  storage::Database& db_;
  std::function<int64_t()> now_ms_;
  std::chrono::milliseconds tick_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kefu::jobs
