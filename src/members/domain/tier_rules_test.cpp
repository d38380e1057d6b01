// The tier rules as a table a store manager could review: the 12-month spend, the tier
// now, since when the member has been below it, and what the evaluation decides.
#include "members/domain/tier_rules.hpp"

#include <gtest/gtest.h>

#include "members/domain/member_dates.hpp"

namespace kefu::people {
namespace {

const int64_t kNow = shanghai_midnight({2026, 11, 22}) + 10 * 3'600'000LL;  // 10:00
const int64_t kMarch = shanghai_midnight({2026, 3, 1});
const int64_t kLastNovember = shanghai_midnight({2025, 11, 22}) + 10 * 3'600'000LL;

TEST(TierRules, TheDefaultsDecideAsWritten) {
  struct Case {
    const char* what;
    int64_t spend_yuan;
    const char* current;
    int64_t below_since;
    TierDecision want;
  };
  const Case cases[] = {
      {"nothing spent, normal", 0, "normal", 0, {"normal", 0, "unchanged"}},
      {"¥4,999.99 is not silver", 0, "normal", 0, {"normal", 0, "unchanged"}},  // 499,999 fen, below
      {"¥5,000 earns silver", 5'000, "normal", 0, {"silver", 0, "up"}},
      {"¥20,000 earns gold straight from normal", 20'000, "normal", 0, {"gold", 0, "up"}},
      {"¥60,000 earns platinum", 60'000, "silver", 0, {"platinum", 0, "up"}},
      {"gold still reached", 25'000, "gold", 0, {"gold", 0, "unchanged"}},
      {"gold falls below: grace starts now", 8'000, "gold", 0, {"gold", kNow, "grace_started"}},
      {"below since March: still in grace", 8'000, "gold", kMarch, {"gold", kMarch, "grace"}},
      {"below for a year to the minute: down to what is earned", 8'000, "gold", kLastNovember, {"silver", 0, "down"}},
      {"below for a year with nothing spent: down to normal", 0, "gold", kLastNovember, {"normal", 0, "down"}},
      {"back above during grace: grace ends", 21'000, "gold", kMarch, {"gold", 0, "unchanged"}},
      {"up during grace of a lower tier", 55'000, "silver", kMarch, {"platinum", 0, "up"}},
  };
  for (const auto& c : cases) {
    int64_t spend = c.spend_yuan * 100;
    if (std::string(c.what).starts_with("¥4,999.99")) spend = 499'999;
    EXPECT_EQ(tier_for(default_tier_rules(), spend, c.current, c.below_since, kNow), c.want) << c.what;
  }
}

TEST(TierRules, ATierWithoutARuleIsKeptAndGraceFollowsItsOwnRule) {
  const std::vector<TierRule> rules{{"silver", 100'000, 0}, {"gold", 1'000'000, 3}};
  EXPECT_EQ(tier_for(rules, 0, "platinum", 0, kNow), (TierDecision{"platinum", 0, "kept"}));
  // No grace for silver: the evaluation after the one that found it below moves it down.
  EXPECT_EQ(tier_for(rules, 0, "silver", kNow, kNow), (TierDecision{"normal", 0, "down"}));
  // Three months for gold.
  EXPECT_EQ(tier_for(rules, 200'000, "gold", add_months(kNow, -2), kNow).reason, "grace");
  EXPECT_EQ(tier_for(rules, 200'000, "gold", add_months(kNow, -3), kNow), (TierDecision{"silver", 0, "down"}));
}

TEST(TierRules, RulesThatCannotWorkAreRefused) {
  EXPECT_EQ(tier_rules_problem(default_tier_rules()), "");
  EXPECT_EQ(tier_rules_problem({}), "");
  EXPECT_NE(tier_rules_problem({{"diamond", 1, 12}}), "");
  EXPECT_NE(tier_rules_problem({{"normal", 0, 12}}), "");
  EXPECT_NE(tier_rules_problem({{"gold", -1, 12}}), "");
  EXPECT_NE(tier_rules_problem({{"gold", 1, 61}}), "");
  EXPECT_NE(tier_rules_problem({{"gold", 1, 12}, {"gold", 2, 12}}), "");
  EXPECT_NE(tier_rules_problem({{"gold", 100, 12}, {"silver", 100, 12}}), "") << "gold must need more than silver";
}

TEST(MemberDates, MonthsAndYearEndsFollowTheShanghaiCalendar) {
  EXPECT_EQ(shanghai_date(kNow).year, 2026);
  EXPECT_EQ(add_months(shanghai_midnight({2026, 3, 31}), -1), shanghai_midnight({2026, 2, 28}));
  EXPECT_EQ(add_months(shanghai_midnight({2024, 3, 31}), -1), shanghai_midnight({2024, 2, 29}));
  EXPECT_EQ(add_months(kNow, -12), kLastNovember);
  EXPECT_EQ(shanghai_year_end(2026), 1798761600000LL - 8 * 3'600'000LL) << "2027-01-01 00:00 +08:00";
}

}  // namespace
}  // namespace kefu::people
