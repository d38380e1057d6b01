#include "quality/domain/sampler.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace kefu::quality {
namespace {

uint64_t mix(uint64_t x) {  // splitmix64's finaliser
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t rank(const Candidate& c, uint64_t seed) {
  return mix(seed ^ mix(static_cast<uint64_t>(c.id) * 2 + (c.kind == "conversation" ? 1 : 0)));
}

}  // namespace

std::vector<Pick> draw_sample(const std::vector<Candidate>& all, const SamplingRules& rules, uint64_t seed) {
  std::map<int64_t, std::vector<Candidate>> by_agent;
  for (const auto& c : all) by_agent[c.staff_id].push_back(c);
  std::vector<Pick> out;
  for (auto& [staff, list] : by_agent) {
    std::sort(list.begin(), list.end(), [&](const Candidate& a, const Candidate& b) {
      auto ra = rank(a, seed), rb = rank(b, seed);
      if (ra != rb) return ra < rb;
      return a.id < b.id;
    });
    std::set<std::pair<bool, int64_t>> taken;
    auto step = [&](int cap, Reason reason, auto wanted) {
      int n = 0;
      for (const auto& c : list) {
        if (n >= cap) break;
        std::pair<bool, int64_t> key{c.kind == "conversation", c.id};
        if (taken.count(key) || !wanted(c)) continue;
        taken.insert(key);
        out.push_back({c, reason});
        ++n;
      }
      return n;
    };
    int flagged = step(rules.max_flagged, "auto_flag", [](const Candidate& c) { return c.flagged && c.red_line; });
    step(rules.max_flagged - flagged, "auto_flag", [](const Candidate& c) { return c.flagged; });
    step(rules.extra_low_csat, "low_csat", [](const Candidate& c) { return c.low_csat; });
    step(rules.extra_complaint, "complaint", [](const Candidate& c) { return c.complaint; });
    step(rules.extra_reopened, "reopened", [](const Candidate& c) { return c.reopened; });
    step(rules.per_agent, "routine", [](const Candidate&) { return true; });
  }
  return out;
}

}  // namespace kefu::quality
