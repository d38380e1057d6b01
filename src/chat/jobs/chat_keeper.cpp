#include "chat/jobs/chat_keeper.hpp"

#include <spdlog/spdlog.h>

#include "chat/app/desk.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::jobs {

ChatKeeper::ChatKeeper(storage::Database& db, std::function<int64_t()> now_ms, std::function<void()> after_change,
                       std::chrono::milliseconds tick)
    : db_(db), now_ms_(std::move(now_ms)), after_change_(std::move(after_change)), tick_(tick) {}

ChatKeeper::~ChatKeeper() { stop(); }

void ChatKeeper::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void ChatKeeper::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int ChatKeeper::run_once() {
  int ended = 0;
  std::size_t offline = 0;
  db_.write_sync([&](storage::Stores& r) {
    app::Context c{r, app::system_actor(), now_ms_(), nullptr};
    ended = app::end_idle(c);
    offline = app::expire_presence(c).size();
    app::prune_chat_feed(c);
  });
  if ((ended || offline) && after_change_) after_change_();
  if (ended || offline) spdlog::info("chat: {} idle conversation(s) ended, {} agent(s) offline", ended, offline);
  return ended;
}

void ChatKeeper::run() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, tick_, [this] { return stopping_; });
      if (stopping_) return;
    }
    try {
      if (db_.lead("chat_keeper")) run_once();
    } catch (const std::exception& e) {
      spdlog::warn("chat keeper: {}", e.what());
    }
  }
}

}  // namespace kefu::jobs
