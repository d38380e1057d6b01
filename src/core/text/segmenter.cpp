#include "core/text/segmenter.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/text/char_class.hpp"
#include "core/text/normalize.hpp"
#include "core/text/retail_terms.hpp"
#include "core/text/utf8.hpp"

namespace kefu::text {
namespace {

// Frequency given to every retail term that the dictionary knows less well.
// jieba's dictionary sums to about 6e7; common words are in the 1e3..1e5
// range (收费 2553, 投诉 2719), while many retail words are rare there
// (退货 34, 客服 3) and lose against splits such as 要退|货.
constexpr double kRetailFreq = 20000;

bool all_han(std::string_view word) {
  if (word.empty()) return false;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t cp = utf8::decode(word, pos);
    if (cp == utf8::kInvalid || classify(cp) != CharClass::kHan) return false;
  }
  return true;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read segmentation dictionary: " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw std::runtime_error("cannot read segmentation dictionary: " + path);
  return std::move(buf).str();
}

// Parses jieba's format: one entry per line, "word freq [tag]", separated by
// spaces. Malformed lines and words that are not purely Chinese are skipped.
// Returns the number of words taken.
std::size_t parse_jieba(std::string_view data, Dictionary& dict) {
  if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);  // BOM
  std::size_t taken = 0;
  while (!data.empty()) {
    const std::size_t eol = data.find('\n');
    std::string_view line = data.substr(0, eol);
    data.remove_prefix(eol == std::string_view::npos ? data.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    const std::size_t sp = line.find(' ');
    if (sp == std::string_view::npos) continue;
    const std::string_view word = line.substr(0, sp);
    std::string_view rest = line.substr(sp + 1);
    rest = rest.substr(0, rest.find(' '));
    double freq = 0;
    const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), freq);
    if (ec != std::errc() || ptr != rest.data() + rest.size() || !(freq > 0) || !std::isfinite(freq)) continue;
    if (!all_han(word)) continue;
    dict.set(word, freq);
    ++taken;
  }
  return taken;
}

// With the jieba dictionary the terms are boosted (the total stays jieba's,
// so text without retail terms is segmented exactly as jieba does); alone
// they form the whole dictionary.
void add_retail_terms(Dictionary& dict, bool boost) {
  for (std::string_view term : retail_terms()) {
    if (boost) {
      dict.boost(term, kRetailFreq);
    } else {
      dict.set(term, kRetailFreq);
    }
  }
}

}  // namespace

std::shared_ptr<const Segmenter> Segmenter::load(const std::string& dict_path) {
  const std::string data = read_file(dict_path);
  Dictionary dict;
  if (parse_jieba(data, dict) == 0) throw std::runtime_error("no words in segmentation dictionary: " + dict_path);
  add_retail_terms(dict, /*boost=*/true);
  dict.finalize();
  return std::shared_ptr<const Segmenter>(new Segmenter(std::move(dict)));
}

std::shared_ptr<const Segmenter> Segmenter::builtin() {
  static const std::shared_ptr<const Segmenter> instance = [] {
    Dictionary dict;
    add_retail_terms(dict, /*boost=*/false);
    dict.finalize();
    return std::shared_ptr<const Segmenter>(new Segmenter(std::move(dict)));
  }();
  return instance;
}

std::vector<std::string> Segmenter::cut(std::string_view text) const {
  std::vector<std::string> out;
  segment(normalize(text), Mode::kPrecise, out);
  return out;
}

std::vector<std::string> Segmenter::cut_for_index(std::string_view text) const {
  std::vector<std::string> out;
  segment(normalize(text), Mode::kIndex, out);
  return out;
}

std::vector<std::string> Segmenter::cut_for_query(std::string_view text) const {
  std::vector<std::string> out;
  segment(normalize(text), Mode::kQuery, out);
  return out;
}

void Segmenter::segment(std::string_view s, Mode mode, std::vector<std::string>& out) const {
  // Walk the text once, cutting it into runs of one kind: Chinese (kHan),
  // alnum (kLetter and kNumber together) or separators (dropped).
  std::vector<std::size_t> part_starts;  // alnum: where letters turn into digits or back
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const CharClass first = classify(utf8::decode(s, pos));
    if (first == CharClass::kOther) continue;
    const bool han = first == CharClass::kHan;
    part_starts.assign(1, 0);
    CharClass prev = first;
    std::size_t end = pos;
    while (pos < s.size()) {
      std::size_t next = pos;
      const CharClass c = classify(utf8::decode(s, next));
      if (c == CharClass::kOther || (c == CharClass::kHan) != han) break;
      if (c != prev) part_starts.push_back(pos - start);
      prev = c;
      pos = end = next;
    }
    const std::string_view run = s.substr(start, end - start);
    if (han) {
      emit_han(run, mode, out);
    } else {
      emit_alnum(run, part_starts, mode, out);
    }
  }
}

void Segmenter::emit_alnum(std::string_view run, const std::vector<std::size_t>& part_starts, Mode mode,
                           std::vector<std::string>& out) {
  if (part_starts.size() == 1 || mode == Mode::kPrecise) {
    out.emplace_back(run);
    return;
  }
  for (std::size_t i = 0; i < part_starts.size(); ++i) {
    const std::size_t to = i + 1 < part_starts.size() ? part_starts[i + 1] : run.size();
    out.emplace_back(run.substr(part_starts[i], to - part_starts[i]));
  }
  if (mode == Mode::kIndex) out.emplace_back(run);
}

void Segmenter::emit_han(std::string_view run, Mode mode, std::vector<std::string>& out) const {
  std::vector<std::uint32_t> bounds;
  for (std::size_t pos = 0; pos < run.size();) {
    bounds.push_back(static_cast<std::uint32_t>(pos));
    utf8::decode(run, pos);
  }
  bounds.push_back(static_cast<std::uint32_t>(run.size()));

  std::vector<std::uint32_t> ends;
  dict_.segment(run, bounds, ends);
  const auto piece = [&](std::uint32_t from, std::uint32_t to) {
    return run.substr(bounds[from], bounds[to] - bounds[from]);
  };
  std::uint32_t begin = 0;
  for (std::size_t w = 0; w < ends.size(); ++w) {
    const std::uint32_t end = ends[w];
    const std::uint32_t len = end - begin;
    // Two single-character words in a row that together are a dictionary
    // word: the probability model split a rare word (单号 -> 单|号). The
    // query takes the word instead of the two characters, the index takes
    // both, so a query for 单号 finds it here and inside 订单号 alike.
    const bool pair_word =
        len == 1 && w + 1 < ends.size() && ends[w + 1] == end + 1 && dict_.is_word(piece(begin, end + 1));
    if (mode == Mode::kQuery && pair_word) {
      out.emplace_back(piece(begin, end + 1));
      begin = end + 1;
      ++w;
      continue;
    }
    if (mode == Mode::kIndex) {
      // Dictionary words of 2 and 3 characters inside a longer word. A
      // 3-character word only has 2-character ones (the 3-gram is itself).
      for (std::uint32_t n = 2; n <= 3 && n < len; ++n) {
        for (std::uint32_t i = begin; i + n <= end; ++i) {
          if (dict_.is_word(piece(i, i + n))) out.emplace_back(piece(i, i + n));
        }
      }
    }
    out.emplace_back(piece(begin, end));
    if (mode == Mode::kIndex && pair_word) out.emplace_back(piece(begin, end + 1));
    begin = end;
  }
}

}  // namespace kefu::text
