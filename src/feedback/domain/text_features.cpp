#include "feedback/domain/text_features.hpp"

#include <algorithm>
#include <cmath>

namespace kefu::feedback {

namespace {

std::uint32_t bucket(kb::Token token) {
  // Fibonacci hashing: the top bits of the product mix every bit of the token.
  return static_cast<std::uint32_t>((token * 0x9E3779B97F4A7C15ull) >> (64 - kHashBits));
}

}  // namespace

double SparseVector::sum() const {
  double s = 0;
  for (float v : value) s += v;
  return s;
}

Featurizer::Featurizer(const kb::TextTools& tools)
    : analyzer_(std::make_shared<const kb::Analyzer>(tools.segmenter, tools.t2s, kb::SynonymGroups{},
                                                     std::vector<std::string>{})) {}

SparseVector Featurizer::counts(std::string_view text) const {
  const kb::Analysis a = analyzer_->analyze(text);
  std::vector<std::uint32_t> buckets;
  buckets.reserve(a.words.size() + a.grams.size());
  for (kb::Token t : a.words) buckets.push_back(bucket(t));
  for (kb::Token t : a.grams) buckets.push_back(bucket(t));
  std::sort(buckets.begin(), buckets.end());
  SparseVector out;
  for (std::uint32_t b : buckets) {
    if (!out.index.empty() && out.index.back() == b) {
      out.value.back() += 1;
      continue;
    }
    out.index.push_back(b);
    out.value.push_back(1);
  }
  return out;
}

SparseVector log_tf_unit(const SparseVector& counts) {
  SparseVector out = counts;
  double norm2 = 0;
  for (float& v : out.value) {
    v = static_cast<float>(std::log1p(v));
    norm2 += static_cast<double>(v) * v;
  }
  if (norm2 <= 0) return out;
  const double inv = 1.0 / std::sqrt(norm2);
  for (float& v : out.value) v = static_cast<float>(v * inv);
  return out;
}

}  // namespace kefu::feedback
