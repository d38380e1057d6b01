#pragma once
// Points expiry (积分到期): which points lapse at a year end.
//
// The rule, in prose (docs/members.md "## Points"):
// - Points expire once a year, at the end of the calendar year in Asia/Shanghai (the
//   instant 1 January 00:00 of the next year).
// - At the end of year Y, the points earned more than N months before it (N = 12 by
//   default: everything earned before 1 January of Y) expire if they are still unspent.
// - Spending takes the oldest points first: every point taken out of the balance so far —
//   redeemed, adjusted down, clawed back by a return, expired at an earlier year end —
//   first uses up the oldest points earned. So what remains of the old points is what was
//   earned before the cutoff minus everything taken out before the year end, never below
//   zero and never more than the balance at the year end.
// - The expiry is one ledger entry per member and year, kind "expire", with the ref
//   "expire:<Y>:<member id>" (refs are unique across the ledger), so that running the job
//   twice writes it once.
#include <cstdint>
#include <string>
#include <vector>

namespace kefu::people {

inline constexpr int kPointsLifeMonths = 12;

struct PointsMove {
  int64_t at = 0;      // Unix ms
  int64_t points = 0;  // + earned, − taken out
};

// The first instant after year `year` ends (Shanghai): when its expiry is due.
int64_t points_expiry_due(int year);
// How many points expire at the end of `year` (>= 0; see the rule above).
int64_t points_expiring(const std::vector<PointsMove>& ledger, int year, int life_months = kPointsLifeMonths);
// The idempotency ref of a member's expiry entry for a year.
std::string points_expiry_ref(int year, int64_t member_id);

}  // namespace kefu::people
