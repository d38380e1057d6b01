#pragma once
// Scheduled reports' sender, on the node that leads it (Database::lead "report_mailer"):
// every `tick` it prepares each due schedule's report on a reader and records the run with
// its emails in one write (reports/app/schedules.hpp: once across nodes and restarts); the
// email outbox sends them. A report that fails to build is recorded with the error and
// tried again at the next tick.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "core/storage/database.hpp"

namespace kefu::jobs {

class ReportMailer {
 public:
  ReportMailer(storage::Database& db, std::function<int64_t()> now_ms, std::function<void()> after_queue,
               std::chrono::milliseconds tick = std::chrono::seconds(10),
               std::chrono::milliseconds first = std::chrono::seconds(3));
  ~ReportMailer();
  ReportMailer(const ReportMailer&) = delete;
  ReportMailer& operator=(const ReportMailer&) = delete;

  void start();
  void stop();
  void poke();  // a schedule changed: look now

  // One round now; returns the emails queued (tests call it directly).
  int run_once();

 private:
  void run();
  storage::Database& db_;
  std::function<int64_t()> now_ms_;
  std::function<void()> after_queue_;
  std::chrono::milliseconds tick_, first_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false, poked_ = false;
  std::thread thread_;
};

}  // namespace kefu::jobs
