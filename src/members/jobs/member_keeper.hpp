#pragma once
// The members' nightly job: once a night (from 03:00 Asia/Shanghai) it re-evaluates every
// member's tier from the last 12 months' purchases (members/app/member_tiers.hpp) and, in
// January, writes last year's points expiry (members/app/member_points.hpp; idempotent by
// its ref, so January's later nights and a restart change nothing). Members are taken in
// batches of kBatch, one write job per batch. With several nodes on PostgreSQL only the
// node that leads "members-nightly" runs it (Database::lead).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/storage/database.hpp"

namespace kefu::jobs {

class MemberKeeper {
 public:
  static constexpr int kBatch = 200;

  MemberKeeper(storage::Database& db, std::function<int64_t()> now_ms,
               std::chrono::milliseconds tick = std::chrono::minutes(5));
  ~MemberKeeper();
  MemberKeeper(const MemberKeeper&) = delete;
  MemberKeeper& operator=(const MemberKeeper&) = delete;

  void start();
  void stop();

  struct Pass {
    int evaluated = 0;  // members looked at
    int tier_changes = 0;
    int expired = 0;  // members whose points expired
  };
  // The whole pass at now_ms(), whatever the hour (the loop calls it once a night).
  Pass run_pass();

 private:
  void run();
  storage::Database& db_;
  std::function<int64_t()> now_ms_;
  std::chrono::milliseconds tick_;
  std::string last_night_;  // the Shanghai date of the last pass
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kefu::jobs
