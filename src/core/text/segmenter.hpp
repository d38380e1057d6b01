#pragma once
// Chinese word segmentation for full-text search.
//
// Tickets are indexed in SQLite FTS5 as space-separated tokens. Chinese has no
// spaces, and ICU's word breaker splits retail words (退|货, 尺|码), so runs of
// Chinese characters are segmented with jieba's dictionary algorithm: all
// dictionary words in the run form a DAG, and the path with the highest
// product of word probabilities wins (no HMM: a character that is not part of
// a known word stays a single-character token).
//
// Everything else: letters and digits form "alnum runs" (iphone15, sku,
// 12345); punctuation, symbols and white space separate tokens and are
// dropped. How alnum runs are emitted depends on the mode, see below.
//
// A Segmenter is immutable once built; all methods are const and safe to call
// from many threads at once. Share it through the shared_ptr.
#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/dictionary.hpp"

namespace kefu::text {

class Segmenter {
 public:
  // Loads a jieba dictionary (UTF-8 lines "word freq [tag]", e.g. the one at
  // KEFU_JIEBA_DICT) plus the built-in retail terms. Words that contain
  // anything but Chinese characters are skipped (letters and digits are
  // segmented as alnum runs instead). Throws std::runtime_error naming the
  // path when the file cannot be read or holds no usable word.
  static std::shared_ptr<const Segmenter> load(const std::string& dict_path);

  // The retail terms alone (no file needed); shared instance. Good enough for
  // tests and as a fallback: retail words stay whole, other Chinese text
  // falls apart into single characters.
  static std::shared_ptr<const Segmenter> builtin();

  // Precise mode. The text is normalized first (normalize.hpp). Each alnum run
  // is one token: "SKU12345" -> sku12345, "iPhone15" -> iphone15;
  // "SKU-12345" -> sku, 12345 (the hyphen separates).
  std::vector<std::string> cut(std::string_view text) const;

  // Index mode (jieba's cut_for_search, plus two additions): the precise
  // tokens, each preceded by the dictionary words of 2 and 3 characters inside
  // it when it is longer (停车场 -> 停车 车场 停车场); after two single-character
  // tokens that together are a dictionary word, that word too (单 号 ->
  // 单 单号 号); each alnum run that mixes letters and digits preceded by its
  // letter/digit parts (iphone15 -> iphone 15 iphone15). A document is thus
  // found by a shorter word, or by a part of a product code.
  // Not emitted: character pairs cut by a word boundary (积分 in 累积|分数).
  std::vector<std::string> cut_for_index(std::string_view text) const;

  // Query mode: the precise tokens, except that two single-character tokens
  // that together are a dictionary word become that word (a rare word such
  // as 单号 typed alone is split 单|号 by the model, but indexed whole inside
  // 订单号), and alnum runs mixing letters and digits are replaced by their
  // parts (iphone15 -> iphone 15) so that a query for sku12345 also finds
  // "SKU-12345" and "sku 12345". Every query token is a token that
  // cut_for_index emits for text containing the query as words.
  std::vector<std::string> cut_for_query(std::string_view text) const;

  // True when word (normalized, Chinese characters) is a dictionary word.
  bool is_word(std::string_view word) const { return dict_.is_word(word); }
  std::size_t word_count() const { return dict_.word_count(); }
  // How informative word (normalized) is in general text: -log(freq / total) over the
  // dictionary's frequencies (jieba's come from a large general corpus); a word the
  // dictionary does not know gets the value of a frequency of 1 (the most informative).
  // The FAQ matcher weighs words with it where its own KB is too small to count on.
  double surprisal(std::string_view word) const {
    const double total = dict_.total() < 1 ? 1.0 : dict_.total();
    const double f = dict_.freq(word);
    return std::log(total / (f < 1 ? 1.0 : f));
  }

 private:
  enum class Mode { kPrecise, kIndex, kQuery };

  explicit Segmenter(Dictionary dict) : dict_(std::move(dict)) {}
  void segment(std::string_view normalized, Mode mode, std::vector<std::string>& out) const;
  void emit_han(std::string_view run, Mode mode, std::vector<std::string>& out) const;
  static void emit_alnum(std::string_view run, const std::vector<std::size_t>& part_starts, Mode mode,
                         std::vector<std::string>& out);

  Dictionary dict_;
};

}  // namespace kefu::text
