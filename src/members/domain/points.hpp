#pragma once
// The points ledger (积分流水): every change of a member's points is an entry, and the
// balance is the sum of the entries — nothing else holds a balance, so it cannot drift.
// An entry that comes from another record (an order, a return, a redemption, a yearly
// expiry) carries that record's `ref` ("order:42:earn"), and the ledger stores a ref once:
// an import or a job run twice earns, claws back or expires nothing twice.
#include <array>
#include <cstdint>
#include <string>

#include "core/domain/vocabulary.hpp"

namespace kefu::people {

enum class PointsKindCode { earn, redeem, expire, adjust, clawback, restore };
inline constexpr std::array<Term<PointsKindCode>, 6> kPointsKinds{{
    {PointsKindCode::earn, "earn", "消费积分", "Earned"},
    {PointsKindCode::redeem, "redeem", "积分兑换", "Redeemed"},
    {PointsKindCode::expire, "expire", "积分过期", "Expired"},
    {PointsKindCode::adjust, "adjust", "人工调整", "Adjusted"},
    {PointsKindCode::clawback, "clawback", "退货扣回", "Clawed back on a return"},
    {PointsKindCode::restore, "restore", "退还积分", "Given back"},
}};
using PointsKind = Closed<PointsKindCode, kPointsKinds>;

struct PointsEntry {
  int64_t id = 0;
  int64_t member_id = 0;
  PointsKind kind = PointsKindCode::adjust;
  int64_t points = 0;      // signed: + earned or given back, - redeemed, expired, clawed back
  std::string reason;      // in words, for the member page
  std::string ref;         // the record it comes from; empty for a manual adjustment
  int64_t staff_id = 0;    // who made it (0: the system: an import, a job)
  int64_t created_at = 0;  // ms
};

}  // namespace kefu::people
