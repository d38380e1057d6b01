#include "feedback/domain/digest.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include "feedback/domain/distributions.hpp"

namespace kefu::feedback {
namespace {

std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string name_of(const DigestText& t, const std::string& code) {
  auto it = t.names.find(code);
  return it == t.names.end() ? code : it->second;
}

}  // namespace

DigestFigures digest_figures(const std::vector<JourneyCount>& week, const std::vector<JourneyCount>& before,
                             const DigestRules& rules) {
  DigestFigures out;
  std::map<std::string, TopicWeek> topics;
  for (const auto& c : week) {
    out.total += c.count;
    if (c.sentiment == "negative") out.negative += c.count;
    if (c.topic.empty()) continue;
    auto& t = topics[c.topic];
    t.topic = c.topic;
    t.count += c.count;
    if (c.sentiment == "negative") t.negative += c.count;
  }
  std::map<std::string, int64_t> earlier;
  int64_t before_total = 0;
  for (const auto& c : before) {
    before_total += c.count;
    if (!c.topic.empty()) earlier[c.topic] += c.count;
  }
  const double weeks = std::max(1, rules.weeks_before);
  out.weekly_before = static_cast<double>(before_total) / weeks;
  for (const auto& [code, t] : topics) {
    out.top.push_back(t);
    RisingTopic r{code, t.count, (static_cast<double>(earlier[code]) + 0.5) / weeks, 0, 1};
    r.ratio = static_cast<double>(t.count) / r.expected;
    r.p_value = poisson_upper_tail(t.count, r.expected);
    if (t.count >= rules.rising_min && r.ratio >= rules.rising_ratio && r.p_value < rules.alpha)
      out.rising.push_back(r);
  }
  std::sort(out.top.begin(), out.top.end(), [](const TopicWeek& a, const TopicWeek& b) {
    return std::tuple(-a.count, -a.negative, a.topic) < std::tuple(-b.count, -b.negative, b.topic);
  });
  if (static_cast<int>(out.top.size()) > rules.top) out.top.resize(static_cast<size_t>(rules.top));
  std::sort(out.rising.begin(), out.rising.end(), [](const RisingTopic& a, const RisingTopic& b) {
    return std::tuple(a.p_value, -a.count, a.topic) < std::tuple(b.p_value, -b.count, b.topic);
  });
  return out;
}

std::string digest_title(const DigestText& t) { return "反馈周报 · " + t.store_name + " · " + t.week; }

std::string digest_body(const DigestFigures& f, const DigestText& t) {
  std::string s = t.store_name + " 上周（" + t.from_day + " 至 " + t.to_day + "）共收到反馈 " +
                  std::to_string(f.total) + " 条，其中负面 " + std::to_string(f.negative) + " 条；此前四周平均每周 " +
                  fixed(f.weekly_before, 1) + " 条。\n";
  s += "\n一、反馈最多的主题\n";
  if (f.top.empty()) s += "（上周没有已分类的反馈）\n";
  int rank = 0;
  for (const auto& x : f.top) {
    s += std::to_string(++rank) + ". " + name_of(t, x.topic) + "：" + std::to_string(x.count) + " 条（负面 " +
         std::to_string(x.negative) + "）\n";
    auto ex = t.examples.find(x.topic);
    if (ex == t.examples.end()) continue;
    for (const auto& text : ex->second) s += "   “" + text + "”\n";
  }
  s += "\n二、上升的主题（与此前四周相比）\n";
  if (f.rising.empty()) s += "（没有明显上升的主题）\n";
  for (const auto& r : f.rising)
    s += "· " + name_of(t, r.topic) + "：" + std::to_string(r.count) + " 条，此前平均每周 " + fixed(r.expected, 1) +
         " 条（" + fixed(r.ratio, 1) + " 倍，p = " + fixed(r.p_value, 4) + "）\n";
  if (!t.link.empty()) s += "\n热点问题看板：" + t.link + "\n";
  return s;
}

}  // namespace kefu::feedback
