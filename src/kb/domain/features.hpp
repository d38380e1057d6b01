#pragma once
// What the re-ranker sees of a (query, question) pair: twelve numbers, all computable
// from the two analyses and the KB's token statistics, so that a KB question, an
// imported paraphrase pair and a customer's query are described the same way.
#include <array>
#include <string_view>
#include <unordered_map>

#include "kb/domain/analyzer.hpp"
#include "kb/domain/bm25.hpp"

namespace kefu::kb {

inline constexpr std::size_t kFeatureCount = 15;
using Features = std::array<float, kFeatureCount>;

// Names, in order, for the saved model and for reading it.
inline constexpr std::array<std::string_view, kFeatureCount> kFeatureNames = {
    "bm25_words",         // BM25(q, d) over words / BM25(q, q)
    "bm25_grams",         // the same over character unigrams and bigrams
    "word_recall",        // idf mass of q's words found in d / idf mass of q's words
    "word_precision",     // idf mass of d's words found in q / idf mass of d's words
    "gram_recall",        // the same two over n-grams
    "gram_precision",     //
    "gram_jaccard",       // |q ∩ d| / |q ∪ d| over distinct n-grams, unweighted
    "common_substring",   // longest common substring / the shorter text's length
    "length_ratio",       // shorter / longer, in characters
    "phrase_overlap",     // shared synonym/keyword phrases / the larger phrase count
    "query_missing_idf",  // largest idf of a q word absent from d / the largest possible idf
    "doc_missing_idf",    // largest idf of a d word absent from q / the largest possible idf
    // The two word overlaps again, each word weighed by its surprisal in general text
    // instead of its idf in the KB: a small KB's idf calls 能不能 rare because only one
    // question says it.
    "word_recall_general", "word_precision_general",
    "learned_mismatch",  // largest learned weight of a word on one side only (TokenWeights)
};

// Learned per word from labelled pairs at build time: the log-odds, against the average,
// that a pair with this word on one side only asks different things (花呗 vs 借呗 decides;
// 请问 does not). Absent words weigh 0.
using TokenWeights = std::unordered_map<Token, float>;

// The corpus statistics the features use: the KB's word and n-gram indexes.
struct FeatureContext {
  const Bm25Index& words;
  const Bm25Index& grams;
  const TokenWeights* learned = nullptr;  // null: learned_mismatch is 0
};

// A question or query ready for pair features: its analysis weighed by both indexes.
struct Prepared {
  Analysis analysis;
  Weighed words, grams;
  float self_words = 0, self_grams = 0;  // BM25 of the text against itself
};

Prepared prepare(const FeatureContext& ctx, Analysis analysis);

Features pair_features(const FeatureContext& ctx, const Prepared& q, const Prepared& d);

}  // namespace kefu::kb
