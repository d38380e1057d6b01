#include "performance/domain/bonus.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"

namespace kefu::performance {
namespace {

BonusRules base_rules() {
  BonusRules r = default_bonus_rules();  // 500 元, bands 90:120 80:100 70:80 60:50, praise 20, complaint 100, cap 1000
  return normalise_bonus_rules(r);
}

TEST(ServiceBonus, PerPersonBase) {
  struct Row {
    const char* story;
    BonusInput in;
    int64_t amount_fen;
    int percent;
  };
  const Row rows[] = {
      {"top band", {1, 95.0, 0, 0, 0}, 60000, 120},
      {"exactly on 90", {2, 90.0, 0, 0, 0}, 60000, 120},
      {"just under 90", {3, 89.9, 0, 0, 0}, 50000, 100},
      {"70s", {4, 75.0, 0, 0, 0}, 40000, 80},
      {"60s", {5, 60.0, 0, 0, 0}, 25000, 50},
      {"below every band", {6, 59.9, 0, 0, 0}, 0, 0},
      {"no score", {7, std::nullopt, 0, 0, 0}, 0, 0},
      {"praise adds", {8, 85.0, 3, 0, 0}, 56000, 100},
      {"an upheld complaint deducts", {9, 85.0, 0, 1, 0}, 40000, 100},
      {"partly upheld: half", {10, 85.0, 0, 0, 1}, 45000, 100},
      {"never below 0", {11, 60.0, 0, 3, 0}, 0, 50},
      {"capped at 1,000 元", {12, 95.0, 30, 0, 0}, 100000, 120},
      {"praise with no score", {13, std::nullopt, 2, 0, 0}, 4000, 0},
  };
  std::vector<BonusInput> in;
  for (const auto& r : rows) in.push_back(r.in);
  auto out = bonuses(in, base_rules());
  ASSERT_EQ(out.size(), in.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i].amount_fen, rows[i].amount_fen) << rows[i].story;
    EXPECT_EQ(out[i].percent, rows[i].percent) << rows[i].story;
    EXPECT_EQ(out[i].staff_id, rows[i].in.staff_id);
    EXPECT_FALSE(out[i].why.empty()) << rows[i].story;
  }
  EXPECT_TRUE(out[11].capped);
  EXPECT_EQ(out[7].why[0].zh, "得分 85.0，落在 ≥80.0 档：基本奖金 500.00 元 × 100% = 500.00 元");
  EXPECT_EQ(out[7].why[1].zh, "表扬 3 次，每次 20.00 元：+60.00 元");
  EXPECT_EQ(out[7].why.back().zh, "合计 560.00 元");
  EXPECT_EQ(out[8].why.back().en, "total ¥400.00");
}

TEST(ServiceBonus, APoolIsSharedToTheFen) {
  BonusRules r = base_rules();
  r.pool = true;
  r.pool_fen = 100000;  // 1,000 元
  r.cap_fen = 0;
  // Percents 120, 100, 100, 0: 1000 × 120/320 = 375, 312.50, 312.50, 0.
  auto out = bonuses({{1, 95.0}, {2, 85.0}, {3, 81.0}, {4, 10.0}}, r);
  EXPECT_EQ(out[0].amount_fen, 37500);
  EXPECT_EQ(out[1].amount_fen, 31250);
  EXPECT_EQ(out[2].amount_fen, 31250);
  EXPECT_EQ(out[3].amount_fen, 0);
  // 100 fen among three equal shares: 34, 33, 33 (the first in the ranking gets the fen left).
  r.pool_fen = 100;
  out = bonuses({{1, 85.0}, {2, 85.0}, {3, 85.0}}, r);
  EXPECT_EQ(out[0].base_fen, 34);
  EXPECT_EQ(out[1].base_fen, 33);
  EXPECT_EQ(out[2].base_fen, 33);
  // Nobody in a band: nothing is shared.
  out = bonuses({{1, 10.0}, {2, std::nullopt}}, r);
  EXPECT_EQ(out[0].amount_fen + out[1].amount_fen, 0);
}

TEST(ServiceBonus, RulesAManagerCannotSave) {
  struct Row {
    BonusRules r;
    const char* field;
  };
  auto with = [](auto f) {
    BonusRules r = default_bonus_rules();
    f(r);
    return r;
  };
  const Row rows[] = {
      {with([](auto& r) { r.base_fen = -1; }), "bonus.base_fen"},
      {with([](auto& r) { r.cap_fen = 100'000'001; }), "bonus.cap_fen"},
      {with([](auto& r) {
         r.bands.push_back({101, 10});
       }),
       "bonus.bands[4].min_score"},
      {with([](auto& r) {
         r.bands.push_back({90, 10});
       }),
       "bonus.bands[4].min_score"},
      {with([](auto& r) { r.bands[0].percent = 501; }), "bonus.bands[0].percent"},
  };
  for (const auto& row : rows) {
    try {
      normalise_bonus_rules(row.r);
      ADD_FAILURE() << row.field;
    } catch (const Error& e) {
      EXPECT_EQ(e.field(), row.field);
    }
  }
  auto sorted = normalise_bonus_rules(with([](auto& r) { r.bands = {{60, 50}, {90, 120}}; }));
  EXPECT_EQ(sorted.bands[0].min_score, 90);
}

TEST(ServiceBonus, Yuan) {
  EXPECT_EQ(yuan_zh(123456789), "1,234,567.89 元");
  EXPECT_EQ(yuan_zh(5), "0.05 元");
  EXPECT_EQ(yuan_en(-2000), "-¥20.00");
}

}  // namespace
}  // namespace kefu::performance
