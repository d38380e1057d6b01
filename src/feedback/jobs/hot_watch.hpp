#pragma once
// Feedback's watch, on the node that leads it (Database::lead): a few seconds after the
// start and then every `tick` (an hour), it finds today's hot issues of every store and
// tells each store's supervisors and managers once per spike (app/feedback_hot.hpp), and on
// Monday mornings sends each store's weekly digest once (app/feedback_digest.hpp). "Once"
// comes from the database (feedback_notices), not from this loop: a restart, a second node
// or a retry sends nothing twice.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "core/storage/database.hpp"

namespace kefu::jobs {

class HotWatch {
 public:
  HotWatch(storage::Database& db, std::function<int64_t()> now_ms, std::function<void()> after_change,
           std::chrono::milliseconds tick = std::chrono::hours(1),
           std::chrono::milliseconds first = std::chrono::seconds(2));
  ~HotWatch();
  HotWatch(const HotWatch&) = delete;
  HotWatch& operator=(const HotWatch&) = delete;

  void start();
  void stop();

  struct Round {
    int spikes_notified = 0;
    int digests_sent = 0;
  };
  // One round now (the thread's; tests call it directly).
  Round run_once();

 private:
  void run();
  storage::Database& db_;
  std::function<int64_t()> now_ms_;
  std::function<void()> after_change_;
  std::chrono::milliseconds tick_, first_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kefu::jobs
