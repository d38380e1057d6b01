#include "reports/jobs/rollup_keeper.hpp"

#include <spdlog/spdlog.h>

#include "reports/app/rollups.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::jobs {

RollupKeeper::RollupKeeper(storage::Database& db, std::function<int64_t()> now_ms, std::chrono::milliseconds tick)
    : db_(db), now_ms_(std::move(now_ms)), tick_(tick) {}

RollupKeeper::~RollupKeeper() { stop(); }

void RollupKeeper::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void RollupKeeper::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int64_t RollupKeeper::tick() {
  int64_t total = 0;
  for (;;) {
    int n = 0;
    const int64_t now = now_ms_();
    db_.write_sync([&](storage::Stores& r) {
      app::Context c{r, app::system_actor(), now, nullptr};
      n = app::refresh_rollups_batch(c);
    });
    total += n;
    if (n < app::kRollupBatch) return total;
    std::lock_guard lock(mu_);
    if (stopping_) return total;
  }
}

void RollupKeeper::run() {
  for (;;) {
    try {
      if (db_.lead("report-rollups")) tick();
    } catch (const std::exception& e) {
      spdlog::error("report rollups job: {}", e.what());
    }
    std::unique_lock lock(mu_);
    if (cv_.wait_for(lock, tick_, [this] { return stopping_; })) return;
  }
}

}  // namespace kefu::jobs
