#include "feedback/jobs/hot_watch.hpp"

#include <spdlog/spdlog.h>

#include "feedback/app/feedback_digest.hpp"
#include "feedback/app/feedback_hot.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::jobs {

HotWatch::HotWatch(storage::Database& db, std::function<int64_t()> now_ms, std::function<void()> after_change,
                   std::chrono::milliseconds tick, std::chrono::milliseconds first)
    : db_(db), now_ms_(std::move(now_ms)), after_change_(std::move(after_change)), tick_(tick), first_(first) {}

HotWatch::~HotWatch() { stop(); }

void HotWatch::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void HotWatch::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

HotWatch::Round HotWatch::run_once() {
  Round r;
  // Two writes: a failing digest does not hold back the hot issues, nor the other way round.
  try {
    // The scan reads a month of counts: on a reader; the writer only records and notifies.
    const int64_t now = now_ms_();
    std::vector<app::HotNotice> untold;
    {
      auto& reader = db_.reader();
      storage::Snapshot snap(reader);
      app::Context c{reader, app::system_actor(), now, nullptr};
      untold = app::untold_hot_issues(c);
    }
    if (!untold.empty())
      db_.write_sync([&](storage::Stores& s) {
        app::Context c{s, app::system_actor(), now, nullptr};
        r.spikes_notified = app::tell_hot_issues(c, untold);
      });
  } catch (const std::exception& e) {
    spdlog::warn("feedback hot issues: {}", e.what());
  }
  try {
    db_.write_sync([&](storage::Stores& s) {
      app::Context c{s, app::system_actor(), now_ms_(), nullptr};
      r.digests_sent = static_cast<int>(app::send_weekly_digests(c).size());
    });
  } catch (const std::exception& e) {
    spdlog::warn("feedback digest: {}", e.what());
  }
  if (r.spikes_notified || r.digests_sent) {
    spdlog::info("feedback: {} hot issue(s) notified, {} weekly digest(s) sent", r.spikes_notified, r.digests_sent);
    if (after_change_) after_change_();
  }
  return r;
}

void HotWatch::run() {
  auto wait = first_;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, wait, [this] { return stopping_; });
      if (stopping_) return;
    }
    wait = tick_;
    try {
      if (db_.lead("feedback_hot_watch")) run_once();
    } catch (const std::exception& e) {
      spdlog::warn("feedback watch: {}", e.what());
    }
  }
}

}  // namespace kefu::jobs
