#include "members/jobs/member_keeper.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "members/app/member_points.hpp"
#include "members/app/member_tiers.hpp"
#include "members/domain/member_dates.hpp"
#include "members/domain/points_expiry.hpp"
#include "members/storage/member_rules_store.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::jobs {

MemberKeeper::MemberKeeper(storage::Database& db, std::function<int64_t()> now_ms, std::chrono::milliseconds tick)
    : db_(db), now_ms_(std::move(now_ms)), tick_(tick) {}

MemberKeeper::~MemberKeeper() { stop(); }

void MemberKeeper::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void MemberKeeper::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

MemberKeeper::Pass MemberKeeper::run_pass() {
  const int64_t now = now_ms_();
  const auto today = people::shanghai_date(now);
  const bool expiry_month = today.month == 1;
  Pass out;
  int64_t after = 0;
  for (;;) {
    std::vector<int64_t> ids;
    {
      auto& reader = db_.reader();
      storage::Snapshot snap(reader);
      ids = reader.get<storage::MemberRulesStore>().member_ids(after, kBatch);
    }
    if (ids.empty()) break;
    after = ids.back();
    db_.write_sync([&](storage::Stores& r) {
      app::Context c{r, app::system_actor(), now, nullptr};
      for (auto id : ids) {
        ++out.evaluated;
        if (app::evaluate_member_tier(c, id).changed) ++out.tier_changes;
        if (expiry_month && app::expire_member_points(c, id, today.year - 1, people::kPointsLifeMonths) > 0)
          ++out.expired;
      }
    });
  }
  return out;
}

void MemberKeeper::run() {
  for (;;) {
    try {
      const auto d = people::shanghai_date(now_ms_());
      const auto night = fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
      const int64_t hour = (now_ms_() - people::shanghai_midnight(d)) / 3'600'000;
      if (hour >= 3 && night != last_night_ && db_.lead("members-nightly")) {
        last_night_ = night;
        auto p = run_pass();
        spdlog::info("members nightly: {} evaluated, {} tier changes, {} points expiries", p.evaluated, p.tier_changes,
                     p.expired);
      }
    } catch (const std::exception& e) {
      spdlog::error("members nightly job: {}", e.what());
    }
    std::unique_lock lock(mu_);
    if (cv_.wait_for(lock, tick_, [this] { return stopping_; })) return;
  }
}

}  // namespace kefu::jobs
