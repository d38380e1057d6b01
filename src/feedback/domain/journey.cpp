#include "feedback/domain/journey.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "feedback/domain/distributions.hpp"
#include "feedback/domain/vocabulary.hpp"

namespace kefu::feedback {
namespace {

void add(PeriodFigures& f, const JourneyCount& c) {
  f.volume += c.count;
  if (c.sentiment == "negative") f.negative += c.count;
  if (c.sentiment == "positive") f.positive += c.count;
}

void finish(PeriodFigures& f) {
  const int64_t n = f.negative + f.positive;
  if (n > 0) f.negative_share = static_cast<double>(f.negative) / static_cast<double>(n);
}

bool known(const std::string& touchpoint) {
  for (const auto& t : kTouchpoints)
    if (t.code == touchpoint) return true;
  return false;
}

}  // namespace

std::optional<ProportionTest> two_proportion_test(int64_t x, int64_t n, int64_t x0, int64_t n0) {
  if (n <= 0 || n0 <= 0) return std::nullopt;
  const double pooled = static_cast<double>(x + x0) / static_cast<double>(n + n0);
  if (pooled <= 0 || pooled >= 1) return std::nullopt;
  const double se = std::sqrt(pooled * (1 - pooled) * (1.0 / static_cast<double>(n) + 1.0 / static_cast<double>(n0)));
  const double z =
      (static_cast<double>(x) / static_cast<double>(n) - static_cast<double>(x0) / static_cast<double>(n0)) / se;
  return ProportionTest{z, std::min(1.0, 2 * normal_upper_tail(std::fabs(z)))};
}

Journey build_journey(const std::vector<JourneyCount>& current, const std::vector<JourneyCount>& previous,
                      const JourneyRules& rules) {
  Journey out;
  std::map<std::string, Stage> stages;
  std::map<std::string, std::map<std::string, TopicShare>> topics;
  for (const auto& c : current) {
    if (!known(c.touchpoint)) {
      out.without_touchpoint += c.count;
      continue;
    }
    add(stages[c.touchpoint].current, c);
    if (c.topic.empty()) continue;
    auto& t = topics[c.touchpoint][c.topic];
    t.topic = c.topic;
    t.count += c.count;
    if (c.sentiment == "negative") t.negative += c.count;
  }
  for (const auto& c : previous) {
    if (!known(c.touchpoint)) {
      out.previous_without_touchpoint += c.count;
      continue;
    }
    add(stages[c.touchpoint].previous, c);
  }
  for (const auto& term : kTouchpoints) {
    Stage s = stages[std::string(term.code)];
    s.touchpoint = term.code;
    finish(s.current);
    finish(s.previous);
    for (const auto& [code, t] : topics[s.touchpoint]) s.top_topics.push_back(t);
    std::sort(s.top_topics.begin(), s.top_topics.end(), [](const TopicShare& a, const TopicShare& b) {
      return std::tuple(-a.count, -a.negative, a.topic) < std::tuple(-b.count, -b.negative, b.topic);
    });
    if (static_cast<int>(s.top_topics.size()) > rules.top_topics) s.top_topics.resize(rules.top_topics);
    const int64_t n = s.current.negative + s.current.positive;
    const int64_t n0 = s.previous.negative + s.previous.positive;
    s.trend = "unknown";
    if (n >= rules.min_items && n0 >= rules.min_items) {
      s.trend = "steady";
      if (const auto t = two_proportion_test(s.current.negative, n, s.previous.negative, n0)) {
        s.z = t->z;
        s.p_value = t->p_value;
        if (t->p_value < rules.alpha) s.trend = t->z > 0 ? "worse" : "better";
      }
    }
    out.stages.push_back(std::move(s));
  }
  return out;
}

}  // namespace kefu::feedback
