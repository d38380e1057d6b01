#pragma once
// Live chat's housekeeping, every `tick` on the node that leads it (Database::lead):
// conversations silent past their store's idle time end (the customer is told, and may
// rate it); agents whose console has not been seen for a while go offline; the live hub's
// change feed forgets what is older than an hour.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/storage/database.hpp"

namespace kefu::jobs {

class ChatKeeper {
 public:
  ChatKeeper(storage::Database& db, std::function<int64_t()> now_ms, std::function<void()> after_change,
             std::chrono::milliseconds tick = std::chrono::seconds(15));
  ~ChatKeeper();
  ChatKeeper(const ChatKeeper&) = delete;
  ChatKeeper& operator=(const ChatKeeper&) = delete;

  void start();
  void stop();
  // One round now; returns the conversations ended.
  int run_once();

 private:
  void run();
  storage::Database& db_;
  std::function<int64_t()> now_ms_;
  std::function<void()> after_change_;
  std::chrono::milliseconds tick_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kefu::jobs
