#pragma once
// The two ways the feedback classifier learns labels from texts, both ending as one
// linear scorer over hashed features (text_features.hpp):
//
//   score(c) = bias[c] + per_unit[c] * Σ x_j + Σ x_j · weights[j, c],  P(c) = softmax(score)
//
// - Naive Bayes (multinomial, Laplace smoothing α = 1) on raw token counts: the baseline.
//   weights[j, c] = log θ_jc − log θ_unseen,c, so buckets no class saw weigh 0 and the
//   unseen probability goes into per_unit (the model stays sparse).
// - Multinomial logistic regression on log-TF unit vectors, fitted by plain SGD on the
//   cross-entropy with an L2 term and class weights. Why this method: on bag-of-n-gram
//   text it is as accurate as a linear SVM and, unlike Naive Bayes, does not count
//   correlated evidence (a word and its bigrams) several times, so its probabilities
//   mean something (the score the API returns and the margin active learning ranks by);
//   SGD makes one cheap pass per epoch over sparse rows, so 50,000 texts train in
//   seconds; a seeded shuffle makes it deterministic. The weights returned are the
//   average of the last half of the epochs' end points (measured: the fold-to-fold spread
//   of sentiment accuracy fell from ±0.5 to ±0.03 points, docs/benchmarks.md).
// Everything is single-threaded and deterministic: the same rows and seed give the same
// weights to the last bit.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "feedback/domain/text_features.hpp"

namespace kefu::feedback {

struct LinearModel {
  std::size_t classes = 0;
  std::vector<float> weights;    // kDims * classes, row j holds the classes of bucket j
  std::vector<double> bias;      // per class
  std::vector<double> per_unit;  // per class; 0 for logistic regression
  std::vector<double> scores(const SparseVector& x) const;
  std::vector<double> probabilities(const SparseVector& x) const;
};

// y: class index per row (< classes). Rows: raw counts.
LinearModel fit_naive_bayes(const std::vector<SparseVector>& counts, const std::vector<int>& y, std::size_t classes);

struct SgdOptions {
  double l2 = 1e-5;   // λ in mean loss + λ/2 ‖W‖² (the bias is not penalised)
  int epochs = 8;     // the second half of them is averaged
  double eta0 = 1.0;  // step size at the start; step t is eta0 / (1 + t / rows)
};

// Rows: unit vectors (log_tf_unit). row_weight: per row (class weights), empty for 1.
LinearModel fit_softmax(const std::vector<SparseVector>& x, const std::vector<int>& y, std::size_t classes,
                        const std::vector<float>& row_weight, const SgdOptions& options, std::uint64_t seed);

}  // namespace kefu::feedback
