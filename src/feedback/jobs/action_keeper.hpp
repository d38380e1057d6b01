#pragma once
// The improvement actions' job: every tick it verifies the done actions whose after window
// has passed and escalates the overdue open ones (feedback/app/feedback_actions.hpp), each
// in a write job of its own. Once per level and once per verification comes from the rows
// (next_escalation_at and verify_at move on in the same write), so a second node, a retry
// or a restart cannot repeat them; one node ticks (Database::lead).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/storage/database.hpp"

namespace kefu::jobs {

class ActionKeeper {
 public:
  ActionKeeper(storage::Database& db, std::function<int64_t()> now_ms, std::chrono::milliseconds tick,
               std::function<void()> on_change = {});
  ~ActionKeeper();
  ActionKeeper(const ActionKeeper&) = delete;
  ActionKeeper& operator=(const ActionKeeper&) = delete;

  void start();
  void stop();
  // One pass at now_ms(): how many actions were verified and escalated.
  struct Pass {
    int verified = 0;
    int escalated = 0;
  };
  Pass tick();

 private:
  void run();
  int each(const std::vector<int64_t>& ids, bool verify, int64_t now);

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
