#include "quality/domain/calibration.hpp"

#include <algorithm>
#include <cmath>

namespace kefu::quality {
namespace {

Spread of(std::string item, std::vector<int> v) {
  Spread s{std::move(item), std::move(v), 0, 0};
  if (s.shares_x10.empty()) return s;
  auto [lo, hi] = std::minmax_element(s.shares_x10.begin(), s.shares_x10.end());
  s.range_x10 = *hi - *lo;
  double mean = 0;
  for (int x : s.shares_x10) mean += x / 10.0;
  mean /= static_cast<double>(s.shares_x10.size());
  double var = 0;
  for (int x : s.shares_x10) var += (x / 10.0 - mean) * (x / 10.0 - mean);
  s.stddev = std::round(std::sqrt(var / static_cast<double>(s.shares_x10.size())) * 10) / 10;
  return s;
}

}  // namespace

std::vector<Spread> spread(const Scorecard& card, const std::vector<std::vector<Mark>>& by_inspector) {
  std::vector<Spread> out;
  for (const auto& it : card.items) {
    std::vector<int> v;
    for (const auto& marks : by_inspector)
      if (auto s = item_share_x10(card, marks, it.id)) v.push_back(*s);
    out.push_back(of(it.id, std::move(v)));
  }
  std::vector<int> totals;
  for (const auto& marks : by_inspector) totals.push_back(score(card, marks).score_x10);
  out.push_back(of("", std::move(totals)));
  return out;
}

}  // namespace kefu::quality
