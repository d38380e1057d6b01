// The weekly sample: flagged first, the extras for low CSAT, complaints and reopened
// items, then routine picks; the same seed draws the same sample.
#include "quality/domain/sampler.hpp"

#include <gtest/gtest.h>

#include <set>

namespace kefu::quality {
namespace {

Candidate c(int64_t id, int64_t staff) { return {"ticket", id, staff, "desk"}; }

std::vector<Candidate> week() {
  std::vector<Candidate> v;
  for (int64_t i = 1; i <= 20; ++i) v.push_back(c(i, 7));
  for (int64_t i = 21; i <= 22; ++i) v.push_back(c(i, 9));
  v[0].flagged = true;                                   // 1
  v[1].flagged = v[1].red_line = true;                   // 2
  v[2].low_csat = v[3].low_csat = v[4].low_csat = true;  // 3, 4, 5
  v[5].complaint = true;                                 // 6
  v[6].reopened = v[7].reopened = true;                  // 7, 8
  return v;
}

std::vector<std::string> reasons(const std::vector<Pick>& p, int64_t staff) {
  std::vector<std::string> out;
  for (const auto& x : p)
    if (x.candidate.staff_id == staff) out.emplace_back(x.reason.code());
  return out;
}

TEST(QaSampler, FlaggedFirstThenExtrasThenRoutine) {
  auto p = draw_sample(week(), {}, 42);
  EXPECT_EQ(reasons(p, 7), (std::vector<std::string>{"auto_flag", "auto_flag", "low_csat", "low_csat", "complaint",
                                                     "reopened", "routine", "routine", "routine"}));
  EXPECT_EQ(p[0].candidate.id, 2);  // the red-line hit before the other flag
  EXPECT_EQ(p[1].candidate.id, 1);
  // An agent with fewer items than the quota gets them all, once.
  EXPECT_EQ(reasons(p, 9), (std::vector<std::string>{"routine", "routine"}));
  std::set<int64_t> ids;
  for (const auto& x : p) EXPECT_TRUE(ids.insert(x.candidate.id).second) << x.candidate.id;
  EXPECT_EQ(p.back().candidate.staff_id, 9);  // agents in staff-id order
}

TEST(QaSampler, DeterministicFromTheSeed) {
  auto ids = [](const std::vector<Pick>& p) {
    std::vector<int64_t> v;
    for (const auto& x : p) v.push_back(x.candidate.id);
    return v;
  };
  EXPECT_EQ(ids(draw_sample(week(), {}, 42)), ids(draw_sample(week(), {}, 42)));
  bool differs = false;
  for (uint64_t seed = 1; seed < 10 && !differs; ++seed)
    differs = ids(draw_sample(week(), {}, seed)) != ids(draw_sample(week(), {}, 42));
  EXPECT_TRUE(differs);
  auto shuffled = week();
  std::reverse(shuffled.begin(), shuffled.end());
  EXPECT_EQ(ids(draw_sample(shuffled, {}, 42)), ids(draw_sample(week(), {}, 42)));
}

TEST(QaSampler, CapsFromTheRules) {
  SamplingRules r{.per_agent = 1, .extra_low_csat = 0, .extra_complaint = 0, .extra_reopened = 0, .max_flagged = 1};
  auto p = draw_sample(week(), r, 3);
  EXPECT_EQ(reasons(p, 7), (std::vector<std::string>{"auto_flag", "routine"}));
  EXPECT_EQ(p[0].candidate.id, 2);
  EXPECT_TRUE(draw_sample({}, r, 3).empty());
}

}  // namespace
}  // namespace kefu::quality
