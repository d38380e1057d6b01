#pragma once
// Okapi BM25 over token lists (words or character n-grams), one document per FAQ entry:
// the union of the entry's questions, where a token's frequency is its highest in any
// one question and the length is the questions' average, so that an entry with many
// similar questions is neither longer nor more repetitive for it. (Indexing each question
// as a document and taking an entry's best was 3–4x slower at 10,000 entries, because a
// common token's postings list every question, and was not better on the retail set.)
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

// A token list as an index sees it: distinct tokens with their frequency and idf, so that
// scoring a pair needs no hash lookups.
struct Weighed {
  std::vector<Token> terms;  // distinct, sorted
  std::vector<float> tf;
  std::vector<float> idf;
  std::uint32_t length = 0;  // tokens, repeats counted
};

class Bm25Index {
 public:
  static constexpr float kK1 = 1.2f;
  static constexpr float kB = 0.75f;

  // Adds a document made of questions (each sorted tokens, repeats = term frequency);
  // ids are 0, 1, 2 … in order.
  void add(const std::vector<const std::vector<Token>*>& questions);
  // Computes idf and length norms; call once after the last add().
  void finalize();

  std::size_t size() const { return lengths_.size(); }
  float idf(Token t) const;
  // idf of a token no document has: the largest weight a token can get.
  float max_idf() const;

  Weighed weigh(const std::vector<Token>& sorted) const;

  // Adds every matching document's score to scores[doc] (scores.size() == size(), zero
  // where untouched) and appends each newly touched document to touched.
  //
  // Tokens in more than half of the documents are skipped when the query has any other:
  // their Robertson–Spärck Jones weight log((N - df + 0.5) / (df + 0.5)) is negative
  // (they are evidence of nothing), and they have the longest postings, so skipping them
  // is most of what keeps a match fast on a large KB (请问, 怎么, 的). The re-ranker's
  // features still see every token.
  void score(const Weighed& query, std::vector<float>& scores, std::vector<std::uint32_t>& touched) const;

  // BM25 of query against one token list scored as if it were a document of this index.
  float pair_score(const Weighed& query, const Weighed& doc) const;

 private:
  struct Postings {
    float idf = 0;
    std::vector<std::uint32_t> docs;
    std::vector<float> impact;  // tf before finalize(), then the document's BM25 term score
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
