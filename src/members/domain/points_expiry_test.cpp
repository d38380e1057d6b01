// Points expiry as a table: a member's ledger, the year end, and what expires.
#include "members/domain/points_expiry.hpp"

#include <gtest/gtest.h>

#include "members/domain/member_dates.hpp"

namespace kefu::people {
namespace {

int64_t on(int y, int m, int d) { return shanghai_midnight({y, m, d}) + 12 * 3'600'000LL; }

TEST(PointsExpiry, OldUnspentPointsLapseAtTheYearEnd) {
  struct Case {
    const char* what;
    std::vector<PointsMove> ledger;
    int64_t expiring;  // at the end of 2026, 12 months of life
  };
  const Case cases[] = {
      {"nothing on the ledger", {}, 0},
      {"earned in 2025, never spent: all of it", {{on(2025, 3, 1), 500}}, 500},
      {"earned in 2026: none yet", {{on(2026, 3, 1), 500}}, 0},
      {"earned on the last day of 2025 (Shanghai)", {{shanghai_midnight({2026, 1, 1}) - 1, 80}}, 80},
      {"earned in the first instant of 2026", {{shanghai_midnight({2026, 1, 1}), 80}}, 0},
      {"spending takes the oldest first", {{on(2025, 3, 1), 500}, {on(2026, 2, 1), 300}, {on(2026, 6, 1), -200}}, 300},
      {"spent more than the old points: none left to lapse",
       {{on(2025, 3, 1), 500}, {on(2026, 2, 1), 300}, {on(2026, 6, 1), -600}},
       0},
      {"an earlier expiry counts as taken out",
       {{on(2024, 3, 1), 100}, {shanghai_midnight({2025, 1, 1}), -100}, {on(2025, 5, 1), 40}},
       40},
      {"never more than the balance", {{on(2025, 3, 1), 500}, {on(2026, 6, 1), -450}}, 50},
      {"entries after the year end are not counted", {{on(2025, 3, 1), 500}, {on(2027, 1, 5), -500}}, 500},
  };
  for (const auto& c : cases) EXPECT_EQ(points_expiring(c.ledger, 2026), c.expiring) << c.what;
}

TEST(PointsExpiry, TheLifeInMonthsMovesTheCutoff) {
  // 24 months: at the end of 2026 only what was earned before 2025 lapses.
  const std::vector<PointsMove> ledger{{on(2024, 6, 1), 100}, {on(2025, 6, 1), 200}};
  EXPECT_EQ(points_expiring(ledger, 2026, 24), 100);
  EXPECT_EQ(points_expiring(ledger, 2026, 12), 300);
  // 6 months: what was earned before July 2026 lapses too.
  EXPECT_EQ(points_expiring({{on(2026, 6, 30), 70}, {on(2026, 7, 2), 30}}, 2026, 6), 70);
}

TEST(PointsExpiry, DueAtNewYearInShanghaiWithOneRefAYear) {
  EXPECT_EQ(points_expiry_due(2026), 1798761600000LL - 8 * 3'600'000LL);
  EXPECT_EQ(points_expiry_ref(2026, 42), "expire:2026:42");
}

}  // namespace
}  // namespace kefu::people
