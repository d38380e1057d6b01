#pragma once
// Learning which words decide between two questions (the re-ranker's learned_mismatch
// feature, features.hpp): from labelled pairs, how often a word on one side only went with
// "different question" against how often with "same question".
#include <array>
#include <unordered_map>

#include "kb/domain/bm25.hpp"
#include "kb/domain/features.hpp"

namespace kefu::kb {

class MismatchCounts {
 public:
  // A labelled pair: every word in exactly one of a and b is counted for its label.
  void add(const Weighed& a, const Weighed& b, bool same);
  void merge(const MismatchCounts& other);

  // Per word, log((d + k·r) / (s + k)) − log r, where d and s are its different/same counts,
  // r the average different/same ratio over all words, and k = kPrior pseudo-observations
  // at that average: 0 for a word that behaves like the average or was seen rarely,
  // positive when it marks different questions (花呗 vs 借呗), negative when it is noise
  // (请问). Weights below kMinWeight in size are left out (they change no ranking).
  TokenWeights weights() const;

  static constexpr double kPrior = 2;
  static constexpr float kMinWeight = 0.05f;

 private:
  std::unordered_map<Token, std::array<float, 2>> n_;  // [different, same]
  double different_ = 0, same_ = 0;
};

}  // namespace kefu::kb
