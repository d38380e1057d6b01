#include "feedback/domain/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace kefu::feedback {

namespace {

// Each class's example indexes, each list in a seeded random order.
std::vector<std::vector<std::size_t>> shuffled_by_class(const std::vector<int>& y, std::size_t classes,
                                                        std::uint64_t seed) {
  std::vector<std::vector<std::size_t>> by(classes);
  for (std::size_t i = 0; i < y.size(); ++i) by[static_cast<std::size_t>(y[i])].push_back(i);
  std::mt19937_64 rng(seed);
  for (auto& list : by)
    for (std::size_t i = list.size(); i > 1; --i) std::swap(list[i - 1], list[rng() % i]);
  return by;
}

}  // namespace

Scores score(const std::vector<int>& truth, const std::vector<int>& predicted, const std::vector<std::string>& labels) {
  Scores out;
  out.n = truth.size();
  const std::size_t k = labels.size();
  std::vector<double> tp(k, 0), fp(k, 0), fn(k, 0);
  std::size_t right = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const auto t = static_cast<std::size_t>(truth[i]), p = static_cast<std::size_t>(predicted[i]);
    if (t == p) {
      ++right;
      tp[t] += 1;
    } else {
      fp[p] += 1;
      fn[t] += 1;
    }
  }
  out.accuracy = out.n ? static_cast<double>(right) / static_cast<double>(out.n) : 0;
  double f1_sum = 0;
  std::size_t counted = 0;
  for (std::size_t c = 0; c < k; ++c) {
    ClassScore s;
    s.label = labels[c];
    s.support = static_cast<std::size_t>(tp[c] + fn[c]);
    s.precision = tp[c] + fp[c] > 0 ? tp[c] / (tp[c] + fp[c]) : 0;
    s.recall = s.support ? tp[c] / static_cast<double>(s.support) : 0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    if (s.support) f1_sum += s.f1, ++counted;
    out.classes.push_back(s);
  }
  out.macro_f1 = counted ? f1_sum / static_cast<double>(counted) : 0;
  return out;
}

Split stratified_split(const std::vector<int>& y, std::size_t classes, double fraction, std::uint64_t seed) {
  Split out;
  for (const auto& list : shuffled_by_class(y, classes, seed)) {
    const std::size_t n = list.size();
    std::size_t held = static_cast<std::size_t>(std::llround(fraction * static_cast<double>(n)));
    if (n >= 2)
      held = std::clamp<std::size_t>(held, 1, n - 1);
    else
      held = 0;
    out.held_out.insert(out.held_out.end(), list.begin(), list.begin() + static_cast<std::ptrdiff_t>(held));
    out.train.insert(out.train.end(), list.begin() + static_cast<std::ptrdiff_t>(held), list.end());
  }
  std::sort(out.train.begin(), out.train.end());
  std::sort(out.held_out.begin(), out.held_out.end());
  return out;
}

std::vector<int> stratified_folds(const std::vector<int>& y, std::size_t classes, int folds, std::uint64_t seed) {
  std::vector<int> fold(y.size(), 0);
  for (const auto& list : shuffled_by_class(y, classes, seed))
    for (std::size_t i = 0; i < list.size(); ++i) fold[list[i]] = static_cast<int>(i % static_cast<std::size_t>(folds));
  return fold;
}

}  // namespace kefu::feedback
