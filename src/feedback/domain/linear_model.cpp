#include "feedback/domain/linear_model.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>
#include <random>

namespace kefu::feedback {

namespace {

void softmax_in_place(std::vector<double>& s) {
  const double top = *std::max_element(s.begin(), s.end());
  double total = 0;
  for (double& v : s) total += (v = std::exp(v - top));
  for (double& v : s) v /= total;
}

// A seeded Fisher–Yates shuffle (std::shuffle's algorithm is not specified, so its
// result could change with the standard library).
void shuffle(std::vector<std::size_t>& order, std::mt19937_64& rng) {
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
}

}  // namespace

std::vector<double> LinearModel::scores(const SparseVector& x) const {
  std::vector<double> s = bias;
  const double units = x.sum();
  for (std::size_t c = 0; c < classes; ++c) s[c] += per_unit[c] * units;
  for (std::size_t i = 0; i < x.index.size(); ++i) {
    const float* row = &weights[static_cast<std::size_t>(x.index[i]) * classes];
    for (std::size_t c = 0; c < classes; ++c) s[c] += static_cast<double>(x.value[i]) * row[c];
  }
  return s;
}

std::vector<double> LinearModel::probabilities(const SparseVector& x) const {
  std::vector<double> s = scores(x);
  softmax_in_place(s);
  return s;
}

LinearModel fit_naive_bayes(const std::vector<SparseVector>& counts, const std::vector<int>& y, std::size_t classes) {
  assert(counts.size() == y.size() && classes > 0);
  constexpr double alpha = 1.0;
  LinearModel m;
  m.classes = classes;
  std::vector<double> tf(static_cast<std::size_t>(kDims) * classes, 0.0), total(classes, 0.0), docs(classes, 0.0);
  for (std::size_t r = 0; r < counts.size(); ++r) {
    const std::size_t c = static_cast<std::size_t>(y[r]);
    docs[c] += 1;
    for (std::size_t i = 0; i < counts[r].index.size(); ++i) {
      tf[counts[r].index[i] * classes + c] += counts[r].value[i];
      total[c] += counts[r].value[i];
    }
  }
  m.weights.assign(tf.size(), 0.0f);
  m.bias.resize(classes);
  m.per_unit.resize(classes);
  const double n = static_cast<double>(counts.size());
  for (std::size_t c = 0; c < classes; ++c) {
    const double denom = total[c] + alpha * kDims;
    m.per_unit[c] = std::log(alpha / denom);
    m.bias[c] = std::log((docs[c] + 1.0) / (n + static_cast<double>(classes)));
  }
  for (std::size_t k = 0; k < tf.size(); ++k) {
    if (tf[k] == 0) continue;
    m.weights[k] = static_cast<float>(std::log((tf[k] + alpha) / alpha));
  }
  return m;
}

LinearModel fit_softmax(const std::vector<SparseVector>& x, const std::vector<int>& y, std::size_t classes,
                        const std::vector<float>& row_weight, const SgdOptions& options, std::uint64_t seed) {
  assert(x.size() == y.size() && classes > 0);
  LinearModel m;
  m.classes = classes;
  m.bias.assign(classes, 0.0);
  m.per_unit.assign(classes, 0.0);
  // W = scale · v: the L2 shrink of every weight is one multiplication of scale.
  std::vector<float> v(static_cast<std::size_t>(kDims) * classes, 0.0f);
  double scale = 1.0;
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::mt19937_64 rng(seed);
  const double rows = std::max<double>(1, static_cast<double>(x.size()));
  std::vector<double> s(classes);
  double t = 0;
  // The weights at the end of each epoch of the second half are averaged (Polyak
  // averaging over epochs): the last steps' noise cancels, at one pass over W per epoch.
  std::vector<double> avg_w(v.size(), 0.0), avg_b(classes, 0.0);
  int averaged = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    shuffle(order, rng);
    for (std::size_t r : order) {
      const SparseVector& xr = x[r];
      const double eta = options.eta0 / (1.0 + t / rows);
      t += 1;
      for (std::size_t c = 0; c < classes; ++c) s[c] = m.bias[c];
      for (std::size_t i = 0; i < xr.index.size(); ++i) {
        const float* row = &v[static_cast<std::size_t>(xr.index[i]) * classes];
        for (std::size_t c = 0; c < classes; ++c) s[c] += scale * xr.value[i] * row[c];
      }
      softmax_in_place(s);
      const double w = row_weight.empty() ? 1.0 : row_weight[r];
      for (std::size_t c = 0; c < classes; ++c) s[c] = w * (s[c] - (static_cast<int>(c) == y[r] ? 1.0 : 0.0));
      scale *= std::max(1e-3, 1.0 - eta * options.l2);
      const double step = eta / scale;
      for (std::size_t i = 0; i < xr.index.size(); ++i) {
        float* row = &v[static_cast<std::size_t>(xr.index[i]) * classes];
        for (std::size_t c = 0; c < classes; ++c) row[c] -= static_cast<float>(step * s[c] * xr.value[i]);
      }
      for (std::size_t c = 0; c < classes; ++c) m.bias[c] -= eta * s[c];
      if (scale < 1e-6) {
        for (float& f : v) f = static_cast<float>(f * scale);
        scale = 1.0;
      }
    }
    if (2 * (epoch + 1) <= options.epochs) continue;
    ++averaged;
    for (std::size_t k = 0; k < v.size(); ++k) avg_w[k] += v[k] * scale;
    for (std::size_t c = 0; c < classes; ++c) avg_b[c] += m.bias[c];
  }
  m.weights.resize(v.size());
  const double inv = averaged ? 1.0 / averaged : 0.0;
  for (std::size_t k = 0; k < v.size(); ++k) m.weights[k] = static_cast<float>(avg_w[k] * inv);
  for (std::size_t c = 0; c < classes; ++c) m.bias[c] = avg_b[c] * inv;
  return m;
}

}  // namespace kefu::feedback
