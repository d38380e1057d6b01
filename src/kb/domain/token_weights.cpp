#include "kb/domain/token_weights.hpp"

#include <cmath>

namespace kefu::kb {

void MismatchCounts::add(const Weighed& a, const Weighed& b, bool same) {
  const auto count = [&](Token t) {
    n_[t][same ? 1 : 0] += 1;
    (same ? same_ : different_) += 1;
  };
  std::size_t i = 0, j = 0;
  while (i < a.terms.size() || j < b.terms.size()) {
    if (j == b.terms.size() || (i < a.terms.size() && a.terms[i] < b.terms[j])) {
      count(a.terms[i++]);
    } else if (i == a.terms.size() || b.terms[j] < a.terms[i]) {
      count(b.terms[j++]);
    } else {
      ++i, ++j;
    }
  }
}

void MismatchCounts::merge(const MismatchCounts& other) {
  for (const auto& [t, c] : other.n_) {
    auto& mine = n_[t];
    mine[0] += c[0], mine[1] += c[1];
  }
  different_ += other.different_, same_ += other.same_;
}

TokenWeights MismatchCounts::weights() const {
  TokenWeights w;
  const double r = (different_ + 1) / (same_ + 1);
  for (const auto& [t, c] : n_) {
    const auto v = static_cast<float>(std::log((c[0] + kPrior * r) / (c[1] + kPrior)) - std::log(r));
    if (std::fabs(v) >= kMinWeight) w.emplace(t, v);
  }
  return w;
}

}  // namespace kefu::kb
