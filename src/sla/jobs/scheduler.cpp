#include "sla/jobs/scheduler.hpp"
#include "sla/storage/clock_store.hpp"
#include "tickets/storage/task_store.hpp"

#include <spdlog/spdlog.h>

#include <future>

namespace kefu::jobs {

EscalationScheduler::EscalationScheduler(storage::Database& db, std::function<int64_t()> now_ms,
                                         SchedulerOptions options, std::function<void()> on_fired)
    : db_(db), now_ms_(std::move(now_ms)), options_(options), on_fired_(std::move(on_fired)) {}

EscalationScheduler::~EscalationScheduler() { stop(); }

void EscalationScheduler::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void EscalationScheduler::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

EscalationScheduler::Stats EscalationScheduler::stats() const {
  return {ticks_.load(), fired_.load(), late_.load(), leading_.load()};
}

void EscalationScheduler::for_each_in_own_write(const std::vector<int64_t>& ids, const char* what,
                                                const std::function<void(app::Context&, int64_t)>& fn, int64_t now) {
  std::vector<std::future<void>> done;
  done.reserve(ids.size());
  for (auto id : ids) {
    auto promise = std::make_shared<std::promise<void>>();
    done.push_back(promise->get_future());
    db_.write(
        [id, now, &fn](storage::Stores& r) {
          app::Context c{r, app::system_actor(), now, nullptr};
          fn(c, id);
        },
        [promise, id, what](std::exception_ptr e) {
          if (e) try {
              std::rethrow_exception(e);
            } catch (const std::exception& ex) {
              spdlog::error("escalation of {} {} failed: {}", what, id, ex.what());
            }
          promise->set_value();
        });
  }
  for (auto& f : done) f.wait();
}

std::vector<app::FiredStep> EscalationScheduler::tick() {
  ++ticks_;
  const int64_t now = now_ms_();
  std::vector<app::FiredStep> out;
  std::mutex mu;
  // A full batch means more may be due; stop early when a pass fires nothing new.
  for (int pass = 0; pass < 64; ++pass) {
    std::vector<int64_t> ids;
    {
      auto& reader = db_.reader();
      storage::Snapshot snap(reader);
      ids = reader.get<storage::ClockStore>().tickets_due_for_escalation(now, options_.batch);
    }
    if (ids.empty()) break;
    const std::size_t before = out.size();
    for_each_in_own_write(
        ids, "ticket",
        [&](app::Context& c, int64_t id) {
          auto fired = app::fire_escalations(c, id);
          std::lock_guard lock(mu);
          for (auto& f : fired) out.push_back(std::move(f));
        },
        now);
    if (static_cast<int>(ids.size()) < options_.batch || out.size() == before) break;
  }
  const bool tasks = escalate_tasks(now);
  for (const auto& f : out) {
    ++fired_;
    if (f.late_ms >= 60'000) {
      ++late_;
      spdlog::warn("escalation fired late: ticket {} {} step {} was due {} s ago", f.ticket_id, f.metric, f.step,
                   f.late_ms / 1000);
    }
  }
  if ((tasks || !out.empty()) && on_fired_) on_fired_();
  return out;
}

bool EscalationScheduler::escalate_tasks(int64_t now) {
  std::vector<int64_t> ids;
  {
    auto& reader = db_.reader();
    storage::Snapshot snap(reader);
    ids = reader.get<storage::TaskStore>().tasks_overdue(now, options_.batch);
  }
  for_each_in_own_write(
      ids, "task", [](app::Context& c, int64_t id) { app::escalate_overdue_task(c, id); }, now);
  return !ids.empty();
}

void EscalationScheduler::run() {
  for (;;) {
    try {
      // With several nodes on one database one of them ticks (the others wait for it to
      // die); firing stays exactly once through the database either way.
      const bool lead = db_.lead("sla-scheduler");
      leading_.store(lead);
      if (lead) tick();
    } catch (const std::exception& e) {
      spdlog::error("escalation scheduler: {}", e.what());
    }
    std::unique_lock lock(mu_);
    if (cv_.wait_for(lock, options_.tick, [this] { return stopping_; })) return;
  }
}

}  // namespace kefu::jobs
