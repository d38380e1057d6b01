#pragma once
// The customer journey map (顾客旅程地图): per touchpoint, in the order a customer walks the
// store (vocabulary.hpp's kTouchpoints), how much was said, how much of it was negative, the
// topics most said, and whether the touchpoint got better or worse than in the previous
// period of the same length. Pure: the counts come in added up per touchpoint × topic ×
// sentiment for each period.
//
// Better or worse is read from the negative share (negative ÷ items with a sentiment),
// not from the volume (more feedback can mean more visitors or a new QR code). The change
// is tested by a two-proportion z-test with the pooled share:
//   z = (p₁ − p₀) / √(p̂(1 − p̂)(1/n₁ + 1/n₀)), p̂ = (x₁ + x₀)/(n₁ + n₀), two-sided p-value.
// trend: "worse" / "better" when p < `alpha` (share up / down), "steady" when not, and
// "unknown" when either period has fewer than `min_items` items with a sentiment (the normal
// approximation and the manager's trust both need a few).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kefu::feedback {

// Items of one touchpoint, topic and sentiment ("" where the item has none yet).
struct JourneyCount {
  std::string touchpoint;
  std::string topic;
  std::string sentiment;
  int64_t count = 0;
  friend bool operator==(const JourneyCount&, const JourneyCount&) = default;
};

struct JourneyRules {
  double alpha = 0.05;
  int64_t min_items = 10;
  int top_topics = 3;
};

struct TopicShare {
  std::string topic;
  int64_t count = 0;
  int64_t negative = 0;
};

struct PeriodFigures {
  int64_t volume = 0;    // every item of the touchpoint
  int64_t negative = 0;  // items with sentiment negative
  int64_t positive = 0;
  std::optional<double> negative_share;  // negative ÷ (negative + positive); none without either
};

struct Stage {
  std::string touchpoint;
  PeriodFigures current;
  PeriodFigures previous;
  std::vector<TopicShare> top_topics;  // most items first (ties: more negative, then code)
  std::optional<double> z;             // the test's statistic (none: trend unknown)
  std::optional<double> p_value;
  std::string trend;  // better | worse | steady | unknown
};

struct Journey {
  std::vector<Stage> stages;       // every touchpoint, journey order ("other" last)
  int64_t without_touchpoint = 0;  // items of the period whose touchpoint is unknown
  int64_t previous_without_touchpoint = 0;
};

Journey build_journey(const std::vector<JourneyCount>& current, const std::vector<JourneyCount>& previous,
                      const JourneyRules& rules = {});

// The two-proportion z-test above: x of n against x0 of n0; nullopt when a share is undefined
// or the pooled share is 0 or 1 (then nothing changed that a test could see).
struct ProportionTest {
  double z = 0;
  double p_value = 1;
};
std::optional<ProportionTest> two_proportion_test(int64_t x, int64_t n, int64_t x0, int64_t n0);

}  // namespace kefu::feedback
