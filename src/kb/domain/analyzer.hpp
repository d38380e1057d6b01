#pragma once
// How the FAQ matcher reads a question: one Analysis per question or query.
//
// Steps, in order:
//  1. text::normalize (NFKC casefold: full/half width, case, compatibility forms);
//  2. traditional → simplified (T2s, OpenCC), when a converter is given;
//  3. Chinese numerals before a measure word become digits (七天 → 7天, 两个 → 2个), so
//     that a customer writing either form matches the other;
//  4. synonyms: every occurrence of a group's term becomes the group's canonical term
//     (the first one), longest match first; the canonical terms and the KB's keywords
//     found in the text are kept as "phrases" (whole words even when the segmenter
//     would split them);
//  5. words: the segmenter's precise cut plus the phrases; characters: the letters,
//     digits and Chinese characters (punctuation and spaces dropped), whose unigrams and
//     bigrams are the n-gram tokens.
// Filler words (请问, 你好, 一下 …) are not removed by a list: retrieval and the
// re-ranker weigh every token by its inverse document frequency in the KB.
//
// An Analyzer is immutable once built and safe to share between threads.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text/segmenter.hpp"
#include "kb/domain/t2s.hpp"

namespace kefu::kb {

// A token is a 64-bit hash of its text; words, phrases and n-grams hash into separate
// spaces (a one-character word and the same unigram are different tokens).
using Token = std::uint64_t;

struct Analysis {
  std::u32string chars;        // the kept characters, after steps 1–4
  std::vector<Token> words;    // sorted; repeats kept (term frequency)
  std::vector<Token> grams;    // unigrams and bigrams of chars, sorted, repeats kept
  std::vector<Token> phrases;  // canonical synonyms and keywords found, sorted unique
  // Each distinct word's surprisal in general text (Segmenter::surprisal), sorted by token.
  std::vector<std::pair<Token, float>> surprisal;
  std::string text;  // chars as UTF-8 (for display and tests)
};

// Synonym groups as an admin edits them: {停车券, 停车票}, {退货, 退款, 退钱}. The first
// term of a group is its canonical form. Terms are normalized like questions.
using SynonymGroups = std::vector<std::vector<std::string>>;

class Analyzer {
 public:
  // segmenter: required (text::Segmenter::load or ::builtin); t2s: may be null (then no
  // traditional → simplified step; production passes T2s::load()). keywords: the KB's
  // keywords, kept whole as phrases.
  Analyzer(std::shared_ptr<const text::Segmenter> segmenter, std::shared_ptr<const T2s> t2s,
           const SynonymGroups& synonyms, const std::vector<std::string>& keywords);

  // Only the first kMaxBytes of a text are read (a question is a sentence or two; this
  // bounds the work any input can cause). A UTF-8 sequence cut there becomes U+FFFD.
  static constexpr std::size_t kMaxBytes = 1000;

  Analysis analyze(std::string_view question) const;

  // Steps 1–4 only, as UTF-8 (for tests and for the admin's preview).
  std::string canonical_text(std::string_view question) const;

  // Hash of a word token (as Analysis::words holds it).
  static Token word_token(std::string_view word);

 private:
  std::u32string canonical(std::string_view question, std::vector<std::pair<Token, float>>* phrases) const;

  std::shared_ptr<const text::Segmenter> segmenter_;
  std::shared_ptr<const T2s> t2s_;
  struct Phrase {
    std::u32string term;       // as found in text
    std::u32string canonical;  // what replaces it (== term for keywords)
  };
  std::vector<Phrase> phrases_;
  std::unordered_multimap<std::uint64_t, std::uint32_t> by_hash_;  // hash of term -> index in phrases_
  std::size_t max_phrase_ = 0;                                     // in code points
};

}  // namespace kefu::kb
