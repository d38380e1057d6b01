#include "privacy/jobs/retention_keeper.hpp"

#include <spdlog/spdlog.h>

#include <ctime>

#include "privacy/app/retention.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::jobs {

RetentionKeeper::RetentionKeeper(storage::Database& db, std::function<int64_t()> now_ms,
                                 std::shared_ptr<const text::Segmenter> segmenter, DeleteBlobs delete_blobs,
                                 std::chrono::milliseconds tick)
    : db_(db),
      now_ms_(std::move(now_ms)),
      segmenter_(std::move(segmenter)),
      delete_blobs_(std::move(delete_blobs)),
      tick_(tick) {}

RetentionKeeper::~RetentionKeeper() { stop(); }

void RetentionKeeper::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void RetentionKeeper::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::string RetentionKeeper::night_of(int64_t now_ms) {
  const std::time_t t = static_cast<std::time_t>(now_ms / 1000 + 8 * 3600);  // China time
  std::tm tm{};
  gmtime_r(&t, &tm);
  if (tm.tm_hour != 3) return "";
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool RetentionKeeper::run_once() {
  const int64_t now = now_ms_();
  const auto night = night_of(now);
  if (night.empty() || night == last_night_) return false;
  app::RetentionRun run;
  db_.write_sync([&](storage::Stores& s) {
    app::Context c{s, app::system_actor(), now, segmenter_.get()};
    run = app::apply_retention(c);
  });
  last_night_ = night;
  std::string summary;
  for (const auto& [kind, n] : run.counts) summary += " " + kind + "=" + std::to_string(n);
  spdlog::info("privacy retention ({}):{}", night, summary.empty() ? " no rule enabled" : summary);
  if (delete_blobs_ && !run.freed_blobs.empty()) delete_blobs_(run.freed_blobs);
  return true;
}

void RetentionKeeper::run() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, tick_, [this] { return stopping_; });
      if (stopping_) return;
    }
    try {
      if (db_.lead("privacy_retention")) run_once();
    } catch (const std::exception& e) {
      spdlog::warn("privacy retention: {}", e.what());
    }
  }
}

}  // namespace kefu::jobs
