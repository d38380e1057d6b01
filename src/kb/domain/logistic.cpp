#include "kb/domain/logistic.hpp"

#include <cmath>

namespace kefu::kb {
namespace {

constexpr int kMaxIterations = 20;
// Newton converges quadratically: a step below this changes no ranking.
constexpr double kTolerance = 1e-6;

// Solves a x = b for a symmetric positive definite a (n x n, row-major) in place
// (Gaussian elimination with partial pivoting; n is ~13). False when singular.
bool solve(std::vector<double>& a, std::vector<double>& b, std::size_t n) {
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < n; ++r) {
      if (std::fabs(a[r * n + c]) > std::fabs(a[pivot * n + c])) pivot = r;
    }
    if (std::fabs(a[pivot * n + c]) < 1e-12) return false;
    if (pivot != c) {
      for (std::size_t k = 0; k < n; ++k) std::swap(a[c * n + k], a[pivot * n + k]);
      std::swap(b[c], b[pivot]);
    }
    for (std::size_t r = c + 1; r < n; ++r) {
      const double f = a[r * n + c] / a[c * n + c];
      for (std::size_t k = c; k < n; ++k) a[r * n + k] -= f * a[c * n + k];
      b[r] -= f * b[c];
    }
  }
  for (std::size_t c = n; c-- > 0;) {
    for (std::size_t k = c + 1; k < n; ++k) b[c] -= a[c * n + k] * b[k];
    b[c] /= a[c * n + c];
  }
  return true;
}

}  // namespace

double sigmoid(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }

LogisticFit fit_logistic(const std::vector<float>& x, std::size_t dims, const std::vector<unsigned char>& y,
                         const std::vector<float>& w, double lambda) {
  LogisticFit fit;
  fit.weights.assign(dims, 0);
  const std::size_t rows = y.size();
  double total = 0, positive = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    const double wi = w.empty() ? 1 : w[i];
    total += wi;
    positive += y[i] ? wi : 0;
  }
  if (rows == 0 || positive <= 0 || positive >= total) return fit;

  const std::size_t n = dims + 1;  // the bias is the last parameter
  std::vector<double> beta(n, 0);
  beta[dims] = std::log(positive / (total - positive));
  const double penalty = lambda * total;
  std::vector<double> hessian(n * n), gradient(n), row(n);
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    std::fill(hessian.begin(), hessian.end(), 0);
    std::fill(gradient.begin(), gradient.end(), 0);
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t k = 0; k < dims; ++k) row[k] = x[i * dims + k];
      row[dims] = 1;
      double z = 0;
      for (std::size_t k = 0; k < n; ++k) z += beta[k] * row[k];
      const double p = sigmoid(z);
      const double wi = w.empty() ? 1 : w[i];
      const double r = wi * ((y[i] ? 1.0 : 0.0) - p);
      const double s = wi * p * (1 - p);
      for (std::size_t a = 0; a < n; ++a) {
        gradient[a] += r * row[a];
        for (std::size_t b = 0; b <= a; ++b) hessian[a * n + b] += s * row[a] * row[b];
      }
    }
    for (std::size_t a = 0; a < n; ++a) {
      for (std::size_t b = 0; b < a; ++b) hessian[b * n + a] = hessian[a * n + b];
    }
    for (std::size_t k = 0; k < dims; ++k) {
      gradient[k] -= penalty * beta[k];
      hessian[k * n + k] += penalty;
    }
    hessian[dims * n + dims] += 1e-9 * total;  // keeps a separable bias finite
    if (!solve(hessian, gradient, n)) break;
    double step = 0;
    for (std::size_t k = 0; k < n; ++k) {
      beta[k] += gradient[k];
      step = std::max(step, std::fabs(gradient[k]));
    }
    if (step < kTolerance) break;
  }
  for (std::size_t k = 0; k < dims; ++k) fit.weights[k] = beta[k];
  fit.bias = beta[dims];
  fit.ok = true;
  return fit;
}

}  // namespace kefu::kb
