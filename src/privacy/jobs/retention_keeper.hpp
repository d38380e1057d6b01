#pragma once
// Applies the retention rules (privacy/app/retention.hpp) once a night: every `tick` it
// looks whether it is 03:00–04:00 in China (UTC+8, no daylight saving) on a date it has
// not run yet, and then runs every enabled rule in one write, audited with its counts
// ("privacy.retention_run"). With several nodes on PostgreSQL only the node that leads
// "privacy_retention" runs it (Database::lead). A run is idempotent (what was anonymised or
// deleted is not found again), so a restart within the hour at most runs it twice.
// The photos a run freed are deleted after its commit, through `delete_blobs`.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/storage/database.hpp"
#include "core/storage/stores.hpp"
#include "core/text/segmenter.hpp"

namespace kefu::jobs {

class RetentionKeeper {
 public:
  using DeleteBlobs = std::function<void(const std::vector<std::string>&)>;
  // The segmenter re-indexes the tickets of the people a run anonymises.
  RetentionKeeper(storage::Database& db, std::function<int64_t()> now_ms,
                  std::shared_ptr<const text::Segmenter> segmenter, DeleteBlobs delete_blobs,
                  std::chrono::milliseconds tick = std::chrono::minutes(10));
  ~RetentionKeeper();
  RetentionKeeper(const RetentionKeeper&) = delete;
  RetentionKeeper& operator=(const RetentionKeeper&) = delete;

  void start();
  void stop();
  // One look now: true when it ran the rules (tests call it directly).
  bool run_once();
  // The night a time falls in ("2026-11-22" from 03:00 China time), or "" outside the hour.
  static std::string night_of(int64_t now_ms);

 private:
  void run();
  storage::Database& db_;
  std::function<int64_t()> now_ms_;
  std::shared_ptr<const text::Segmenter> segmenter_;
  DeleteBlobs delete_blobs_;
  std::chrono::milliseconds tick_;
  std::string last_night_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kefu::jobs
