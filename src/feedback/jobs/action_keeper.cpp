#include "feedback/jobs/action_keeper.hpp"

#include <spdlog/spdlog.h>

#include <future>

#include "feedback/app/feedback_actions.hpp"
#include "feedback/storage/action_store.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::jobs {

ActionKeeper::ActionKeeper(storage::Database& db, std::function<int64_t()> now_ms, std::chrono::milliseconds tick,
                           std::function<void()> on_change)
    : db_(db), now_ms_(std::move(now_ms)), tick_(tick), on_change_(std::move(on_change)) {}

ActionKeeper::~ActionKeeper() { stop(); }

void ActionKeeper::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void ActionKeeper::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int ActionKeeper::each(const std::vector<int64_t>& ids, bool verify, int64_t now) {
  std::atomic<int> changed{0};
  std::vector<std::future<void>> done;
  for (auto id : ids) {
    auto promise = std::make_shared<std::promise<void>>();
    done.push_back(promise->get_future());
    db_.write(
        [id, now, verify, &changed](storage::Stores& r) {
          app::Context c{r, app::system_actor(), now, nullptr};
          if (verify ? app::verify_due_action(c, id) : app::escalate_overdue_action(c, id)) ++changed;
        },
        [promise, id, verify](std::exception_ptr e) {
          if (e) try {
              std::rethrow_exception(e);
            } catch (const std::exception& ex) {
              spdlog::error("improvement action {}: {} failed: {}", id, verify ? "verification" : "escalation",
                            ex.what());
            }
          promise->set_value();
        });
  }
  for (auto& f : done) f.wait();
  return changed.load();
}

ActionKeeper::Pass ActionKeeper::tick() {
  const int64_t now = now_ms_();
  Pass out;
  // An action may owe two levels (the keeper was down): each pass fires one.
  for (int pass = 0; pass < 4; ++pass) {
    std::vector<int64_t> verify, escalate;
    {
      auto& reader = db_.reader();
      storage::Snapshot snap(reader);
      verify = reader.get<storage::ActionStore>().due_for_verification(now, 256);
      escalate = reader.get<storage::ActionStore>().due_for_escalation(now, 256);
    }
    if (verify.empty() && escalate.empty()) break;
    const int v = each(verify, true, now), e = each(escalate, false, now);
    out.verified += v;
    out.escalated += e;
    if (v + e == 0) break;
  }
  if ((out.verified || out.escalated) && on_change_) on_change_();
  return out;
}

void ActionKeeper::run() {
  for (;;) {
    try {
      if (db_.lead("feedback-actions")) tick();
    } catch (const std::exception& e) {
      spdlog::error("improvement actions job: {}", e.what());
    }
    std::unique_lock lock(mu_);
    if (cv_.wait_for(lock, tick_, [this] { return stopping_; })) return;
  }
}

}  // namespace kefu::jobs
