#pragma once
// How the feedback classifiers read a text: a bag of hashed tokens.
//
// The text goes through the FAQ matcher's analyzer (kb/domain/analyzer.hpp: NFKC
// casefold, traditional → simplified, numerals, jieba words, character unigrams and
// bigrams); each word and n-gram token is hashed into one of kDims buckets (the hashing
// trick: no vocabulary to store or keep in step with the model; at 2^18 buckets the
// collisions of a few hundred thousand distinct tokens cost little). Words and n-grams
// hash into separate spaces (the analyzer's tokens already do).
//
// Only the analyzer's first kb::Analyzer::kMaxBytes bytes of a text are read.
// A Featurizer is immutable and safe to share between threads.
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "kb/domain/analyzer.hpp"
#include "kb/domain/matcher.hpp"

namespace kefu::feedback {

inline constexpr unsigned kHashBits = 18;
inline constexpr std::uint32_t kDims = 1u << kHashBits;

// Sorted by index, indexes unique.
struct SparseVector {
  std::vector<std::uint32_t> index;
  std::vector<float> value;
  double sum() const;
};

class Featurizer {
 public:
  // tools.segmenter is required; tools.t2s may be null.
  explicit Featurizer(const kb::TextTools& tools);

  // How often each bucket's tokens occur in text (term frequency).
  SparseVector counts(std::string_view text) const;

 private:
  std::shared_ptr<const kb::Analyzer> analyzer_;
};

// log(1 + tf) per bucket, scaled to unit Euclidean length (an empty vector stays empty):
// long reviews do not outweigh short ones, and a word said five times is not five times
// the evidence.
SparseVector log_tf_unit(const SparseVector& counts);

}  // namespace kefu::feedback
