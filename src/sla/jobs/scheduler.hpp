#pragma once
// The in-server SLA scheduler: every tick it asks the database for tickets whose next
// escalation time has come (one indexed range query; nothing is held in memory between
// ticks) and fires their due steps, one write job per ticket through the group-commit
// writer (sla/app/escalation.hpp). Exactly once comes from the database, not from this
// loop: the fired step's row is unique, so a second scheduler, a retry or a restart
// cannot fire it again; a scheduler that was down finds the overdue tickets and fires
// them late, saying how late. Overdue collaboration tasks go to their department's
// head the same way (tasks.escalated_at is set once).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/storage/database.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::jobs {

struct SchedulerOptions {
  std::chrono::milliseconds tick{1000};
  int batch = 256;  // tickets per query; a tick repeats while full batches come back
};

class EscalationScheduler {
 public:
  // now_ms is the clock; on_fired runs after a tick that fired something (e.g. to wake
  // the notification hub).
  EscalationScheduler(storage::Database& db, std::function<int64_t()> now_ms, SchedulerOptions options = {},
                      std::function<void()> on_fired = {});
  ~EscalationScheduler();
  EscalationScheduler(const EscalationScheduler&) = delete;
  EscalationScheduler& operator=(const EscalationScheduler&) = delete;

  void start();
  void stop();

  // One pass at now_ms(): fires every due step and returns them. The thread calls it
  // every tick; tests and the benchmark call it directly.
  std::vector<app::FiredStep> tick();

  struct Stats {
    uint64_t ticks = 0;
    uint64_t fired = 0;
    uint64_t late = 0;     // fired a minute or more after their time
    bool leading = false;  // this node runs the ticks (Database::lead)
  };
  Stats stats() const;

 private:
  void run();
  bool escalate_tasks(int64_t now);  // whether any task was due
  // Runs fn(context, id) for each id in a write job of its own (a failure stays with its
  // id) and waits for all of them to commit.
  void for_each_in_own_write(const std::vector<int64_t>& ids, const char* what,
                             const std::function<void(app::Context&, int64_t)>& fn, int64_t now);

  storage::Database& db_;
  std::function<int64_t()> now_ms_;
  SchedulerOptions options_;
  std::function<void()> on_fired_;
  std::atomic<uint64_t> ticks_{0}, fired_{0}, late_{0};
  std::atomic<bool> leading_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kefu::jobs
