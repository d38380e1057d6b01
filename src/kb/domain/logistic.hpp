#pragma once
// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted
// least squares): a handful of features and up to a few hundred thousand rows, so each
// step is one pass over the rows and a small linear solve. Deterministic: no random
// initialisation, no sampling; the same rows give the same weights to the last bit.
#include <cstddef>
#include <vector>

namespace kefu::kb {

struct LogisticFit {
  std::vector<double> weights;  // one per feature
  double bias = 0;
  bool ok = false;  // false when the rows hold only one class (nothing to learn)
};

// x: rows of dims values each (row-major); y: 0/1; w: row weights (empty: all 1).
// lambda: L2 penalty on the weights (not the bias), in units of total row weight.
LogisticFit fit_logistic(const std::vector<float>& x, std::size_t dims, const std::vector<unsigned char>& y,
                         const std::vector<float>& w, double lambda);

double sigmoid(double z);

}  // namespace kefu::kb
