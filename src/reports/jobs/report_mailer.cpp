#include "reports/jobs/report_mailer.hpp"

#include <spdlog/spdlog.h>

#include "reports/app/schedules.hpp"
#include "reports/storage/report_schedule_store.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::jobs {

ReportMailer::ReportMailer(storage::Database& db, std::function<int64_t()> now_ms, std::function<void()> after_queue,
                           std::chrono::milliseconds tick, std::chrono::milliseconds first)
    : db_(db), now_ms_(std::move(now_ms)), after_queue_(std::move(after_queue)), tick_(tick), first_(first) {}

ReportMailer::~ReportMailer() { stop(); }

void ReportMailer::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void ReportMailer::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ReportMailer::poke() {
  {
    std::lock_guard lock(mu_);
    poked_ = true;
  }
  cv_.notify_all();
}

int ReportMailer::run_once() {
  const int64_t now = now_ms_();
  std::vector<storage::ReportSchedule> due;
  {
    auto& reader = db_.reader();
    storage::Snapshot snap(reader);
    app::Context c{reader, app::system_actor(), now, nullptr};
    due = app::schedules_due(c);
  }
  int queued = 0;
  for (const auto& s : due) {
    app::PreparedRun run;
    try {
      auto& reader = db_.reader();
      storage::Snapshot snap(reader);
      app::Context c{reader, app::system_actor(), now, nullptr};
      run = app::prepare_run(c, s);
    } catch (const std::exception& e) {
      spdlog::warn("scheduled report {} failed: {}", s.id, e.what());
      const std::string error = std::string("生成失败：") + e.what();
      db_.write_sync([&](storage::Stores& w) {
        w.get<storage::ReportScheduleStore>().record_run(s.id, s.next_run_at, s.next_run_at, now, error);
      });
      continue;
    }
    bool recorded = false;
    db_.write_sync([&](storage::Stores& w) {
      app::Context c{w, app::system_actor(), now, nullptr};
      recorded = app::commit_run(c, run);
    });
    if (recorded) queued += static_cast<int>(run.emails.size());
  }
  if (queued) {
    spdlog::info("scheduled reports: {} email(s) queued", queued);
    if (after_queue_) after_queue_();
  }
  return queued;
}

void ReportMailer::run() {
  auto wait = first_;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, wait, [this] { return stopping_ || poked_; });
      if (stopping_) return;
      poked_ = false;
    }
    wait = tick_;
    try {
      if (db_.lead("report_mailer")) run_once();
    } catch (const std::exception& e) {
      spdlog::warn("scheduled reports: {}", e.what());
    }
  }
}

}  // namespace kefu::jobs
