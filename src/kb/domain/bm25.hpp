#pragma once
// Okapi BM25 over token lists (words or character n-grams), one document per question.
//
// k1 = 1.2 and b = 0.75 are Robertson's standard values, not tuned here: FAQ questions
// are short and of similar length, so b matters little, and k1 only caps how much a
// repeated token adds. idf = ln(1 + (N - df + 0.5) / (df + 0.5)) (never negative), so a
// token in most questions (请问, 怎么, 的) weighs almost nothing: the general way this
// matcher discounts filler words.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "kb/domain/analyzer.hpp"

namespace kefu::kb {

class Bm25Index {
 public:
  static constexpr float kK1 = 1.2f;
  static constexpr float kB = 0.75f;

  // Adds a document (sorted tokens, repeats = term frequency); ids are 0, 1, 2 … in order.
  void add(const std::vector<Token>& tokens);
  // Computes idf and length norms; call once after the last add().
  void finalize();

  std::size_t size() const { return lengths_.size(); }
  float idf(Token t) const;
  // idf of a token no document has: the largest weight a token can get.
  float max_idf() const;

  // Adds every matching document's score to scores[doc] (scores.size() == size(), zero
  // where untouched) and appends each newly touched document to touched.
  void score(const std::vector<Token>& query, std::vector<float>& scores, std::vector<std::uint32_t>& touched) const;

  // BM25 of query against one token list scored as if it were a document of this index.
  float pair_score(const std::vector<Token>& query, const std::vector<Token>& doc) const;

 private:
  struct Postings {
    float idf = 0;
    std::vector<std::uint32_t> docs;
    std::vector<std::uint16_t> tf;
  };
  float norm(std::size_t length) const;

  std::unordered_map<Token, std::uint32_t> terms_;  // token -> index in postings_
  std::vector<Postings> postings_;
  std::vector<std::uint32_t> lengths_;
  std::vector<float> norms_;  // k1 * (1 - b + b * length / avgdl) per document
  double avg_length_ = 1;
};

// Calls f(token, count) for each distinct token of a sorted list.
template <typename F>
void for_each_run(const std::vector<Token>& sorted, F&& f) {
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i + 1;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    f(sorted[i], static_cast<std::uint32_t>(j - i));
    i = j;
  }
}

}  // namespace kefu::kb
