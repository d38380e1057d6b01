#include "quality/jobs/auto_keeper.hpp"

#include <spdlog/spdlog.h>

#include "core/app/context.hpp"
#include "quality/app/auto_checks.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::jobs {
namespace {

constexpr int kChatsPerWrite = 50;
constexpr int kRepliesPerWrite = 500;
constexpr int kMaxRounds = 200;  // per tick; the rest waits for the next one

}  // namespace

AutoKeeper::AutoKeeper(storage::Database& db, std::function<int64_t()> now_ms, std::chrono::milliseconds tick,
                       std::function<void()> on_change)
    : db_(db), now_ms_(std::move(now_ms)), tick_(tick), on_change_(std::move(on_change)) {}

AutoKeeper::~AutoKeeper() { stop(); }

void AutoKeeper::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void AutoKeeper::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int AutoKeeper::tick() {
  const int64_t now = now_ms_();
  int stored = 0;
  // A round reports whether its batch was full (more may be waiting).
  auto rounds = [&](auto check, int per_write) {
    for (int i = 0; i < kMaxRounds; ++i) {
      int n = 0;
      bool full = false;
      db_.write_sync([&](storage::Stores& r) {
        app::Context c{r, app::system_actor(), now, nullptr};
        n = check(c, per_write, full);
      });
      stored += n;
      if (!full) break;
    }
  };
  rounds(
      [](app::Context& c, int limit, bool& full) {
        auto out = app::auto_check_ended_chats(c, limit);
        full = out.seen == limit;
        return out.stored;
      },
      kChatsPerWrite);
  rounds(
      [](app::Context& c, int limit, bool& full) {
        auto out = app::auto_check_ticket_promises(c, limit);
        full = out.seen == limit;
        return out.stored;
      },
      kRepliesPerWrite);
  if (stored && on_change_) on_change_();
  return stored;
}

void AutoKeeper::run() {
  for (;;) {
    try {
      if (db_.lead("quality-auto")) tick();
    } catch (const std::exception& e) {
      spdlog::error("automatic quality checks job: {}", e.what());
    }
    std::unique_lock lock(mu_);
    if (cv_.wait_for(lock, tick_, [this] { return stopping_; })) return;
  }
}

}  // namespace kefu::jobs
