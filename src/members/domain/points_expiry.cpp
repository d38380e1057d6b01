#include "members/domain/points_expiry.hpp"

#include <algorithm>

#include "members/domain/member_dates.hpp"

namespace kefu::people {

int64_t points_expiry_due(int year) { return shanghai_year_end(year); }

int64_t points_expiring(const std::vector<PointsMove>& ledger, int year, int life_months) {
  const int64_t end = shanghai_year_end(year);
  const int64_t cutoff = add_months(end, -life_months);
  int64_t old_earned = 0, taken = 0, balance = 0;
  for (const auto& m : ledger) {
    if (m.at >= end) continue;
    balance += m.points;
    if (m.points > 0 && m.at < cutoff) old_earned += m.points;
    if (m.points < 0) taken -= m.points;
  }
  return std::clamp<int64_t>(old_earned - taken, 0, std::max<int64_t>(balance, 0));
}

std::string points_expiry_ref(int year, int64_t member_id) {
  return "expire:" + std::to_string(year) + ":" + std::to_string(member_id);
}

}  // namespace kefu::people
