#pragma once
// Points at the desk and in the console, over the ledger (members/app/points.hpp): the
// balance and entries, adjustments with a reason, redemptions from the rewards catalogue
// (积分兑换: parking coupons …), and the yearly expiry (members/domain/points_expiry.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "members/domain/points.hpp"
#include "members/domain/rewards.hpp"

namespace kefu::app {

struct PointsPage {
  int64_t balance = 0;
  std::vector<people::PointsEntry> entries;  // newest first
  std::optional<int64_t> next_before;        // pass as before_id for the next page
};
PointsPage member_points(Context&, int64_t member_id, std::optional<int64_t> before_id, int limit);

inline constexpr int64_t kMaxPointsAdjustment = 1'000'000;
// A manual adjustment (supervisors and above) with a reason; taking out more than the
// balance is 409 points_insufficient.
people::PointsEntry adjust_member_points(Context&, int64_t member_id, int64_t points, const std::string& reason);

// The catalogue: the stored one, or the defaults while none is stored.
std::vector<people::Reward> points_rewards(Context&);
// Replaces the catalogue (admins). Audited.
std::vector<people::Reward> put_points_rewards(Context&, const std::vector<people::Reward>&);

struct Redemption {
  people::PointsEntry entry;
  people::Reward reward;
  int quantity = 1;
  int64_t balance = 0;  // after
};
// Redeems `quantity` of an active reward at the desk: refused with 409 points_insufficient
// when the balance would go below zero.
Redemption redeem_member_points(Context&, int64_t member_id, const std::string& reward_code, int quantity);

// Writes the member's expiry entry for `year` (once: its ref) when points lapse; the
// points expired (0 when none, or when written before). Run by the nightly job.
int64_t expire_member_points(Context&, int64_t member_id, int year, int life_months);

}  // namespace kefu::app
