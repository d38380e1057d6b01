#pragma once
// The service bonus (服务奖金): each person's amount for a month from the KPI score and the
// praise and upheld complaints against them, under rules the manager sets. Money is integer
// fen. Pure.
//
// 1. The band: the first band (highest min_score first) whose min_score the score reaches
//    gives a percentage; no score (nothing measured) gives 0%.
// 2. The base: per person, base_fen × percent / 100 (rounded down); or, with a pool, the
//    pool shared in proportion to the people's percentages, rounded down, the fen left over
//    given one each to those with the largest remainders (ties: the order given, i.e. the
//    ranking), so the shares add up to the pool exactly (nothing to share: 0 each).
// 3. Praise adds per_praise_fen each; an upheld complaint deducts per_complaint_fen, a partly
//    upheld one half of it (rounded down).
// 4. The amount is at least 0 and at most cap_fen (0 = no cap).
// Each person's figures come with the reasons in words (zh and en), one line per step.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kefu::performance {

struct BonusBand {
  double min_score = 0;  // the score reaches it (>=)
  int percent = 0;       // of the base, 0..500
  friend bool operator==(const BonusBand&, const BonusBand&) = default;
};

struct BonusRules {
  bool pool = false;         // true: share pool_fen; false: base_fen per person
  int64_t base_fen = 50000;  // 500 元
  int64_t pool_fen = 0;
  std::vector<BonusBand> bands;  // highest min_score first once normalised
  int64_t per_praise_fen = 2000;
  int64_t per_complaint_fen = 10000;
  int64_t cap_fen = 100000;  // 0 = no cap
  friend bool operator==(const BonusRules&, const BonusRules&) = default;
};

BonusRules default_bonus_rules();

// Throws kefu::Error (invalid_input, invalid_field) naming "bonus.base_fen", "bonus.pool_fen",
// "bonus.per_praise_fen", "bonus.per_complaint_fen", "bonus.cap_fen" (0 .. 100,000,000 fen),
// "bonus.bands[i].min_score" (0..100, each once), "bonus.bands[i].percent" (0..500) or
// "bonus.bands" (more than 10). Returns the bands sorted, highest first.
BonusRules normalise_bonus_rules(BonusRules rules);

struct BonusInput {
  int64_t staff_id = 0;
  std::optional<double> score;
  int praise = 0;
  int upheld = 0;
  int partly = 0;
};

struct BonusLine {
  std::string zh, en;
};

struct Bonus {
  int64_t staff_id = 0;
  int percent = 0;
  int64_t base_fen = 0;  // after the band (or the pool share)
  int64_t praise_fen = 0;
  int64_t deduction_fen = 0;
  bool capped = false;
  int64_t amount_fen = 0;
  std::vector<BonusLine> why;
};

// One result per input, in the same order.
std::vector<Bonus> bonuses(const std::vector<BonusInput>&, const BonusRules&);

// "1,234.56 元" / "¥1,234.56".
std::string yuan_zh(int64_t fen);
std::string yuan_en(int64_t fen);

}  // namespace kefu::performance
