#pragma once
// The automatic quality checks' job (自动质检): every tick it checks the chats that ended
// since its last round (reply gaps, the customer's sentiment at the end, promises without a
// ticket) and the ticket replies whose promise window has passed (quality/app/auto_checks).
// Its position is kept in qa_auto_cursors and each hit is unique per rule and message, so a
// restart or a second node repeats nothing; one node ticks (Database::lead).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/storage/database.hpp"

namespace kefu::jobs {

class AutoKeeper {
 public:
  AutoKeeper(storage::Database& db, std::function<int64_t()> now_ms,
             std::chrono::milliseconds tick = std::chrono::seconds(15), std::function<void()> on_change = {});
  ~AutoKeeper();
  AutoKeeper(const AutoKeeper&) = delete;
  AutoKeeper& operator=(const AutoKeeper&) = delete;

  void start();
  void stop();
  // One pass at now_ms(): the hits stored. Small write jobs (a batch of chats or replies
  // each), so chat messages never wait long behind it.
  int tick();

 private:
  void run();

  storage::Database& db_;
  std::function<int64_t()> now_ms_;
  std::chrono::milliseconds tick_;
  std::function<void()> on_change_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kefu::jobs
