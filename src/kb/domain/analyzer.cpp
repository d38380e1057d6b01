#include "kb/domain/analyzer.hpp"

#include <algorithm>

#include "core/text/char_class.hpp"
#include "core/text/normalize.hpp"
#include "core/text/utf8.hpp"

namespace kefu::kb {
namespace {

// Token spaces: the kind is hashed first, so equal texts of different kinds differ.
enum class Kind : unsigned char { kWord = 1, kGram = 2, kPhrase = 3 };

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t fnv_step(std::uint64_t h, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) {
    h ^= (v >> (8 * i)) & 0xFF;
    h *= kFnvPrime;
  }
  return h;
}

Token hash_bytes(Kind kind, std::string_view s) {
  std::uint64_t h = fnv_step(kFnvOffset, static_cast<std::uint32_t>(kind));
  for (unsigned char c : s) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

Token hash_chars(Kind kind, const char32_t* p, std::size_t n) {
  std::uint64_t h = fnv_step(kFnvOffset, static_cast<std::uint32_t>(kind));
  for (std::size_t i = 0; i < n; ++i) h = fnv_step(h, static_cast<std::uint32_t>(p[i]));
  return h;
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = text::utf8::decode(s, pos);
    out.push_back(cp == text::utf8::kInvalid ? text::utf8::kReplacement : cp);
  }
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t cp : s) text::utf8::append(out, cp);
  return out;
}

int digit_value(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

// Measure words and time units after which a Chinese numeral is a quantity (Chinese
// grammar, not a data set: 七天, 两个, 三楼, 十点, 五折).
bool is_measure(char32_t c) {
  static constexpr std::u32string_view kMeasures = U"天日号点个元块月年楼层次岁折倍件张分秒周位名小米斤条双套瓶盒台辆";
  return kMeasures.find(c) != std::u32string_view::npos;
}

// Value of a numeral run of up to 99 (一, 十, 十五, 二十, 二十三), -1 when it is not one.
int numeral_value(std::u32string_view run) {
  if (run.size() == 1) return run[0] == U'十' ? 10 : digit_value(run[0]);
  const std::size_t ten = run.find(U'十');
  if (ten == std::u32string_view::npos || run.size() > 3) return -1;
  const int tens = ten == 0 ? 1 : (ten == 1 ? digit_value(run[0]) : -1);
  const int ones = ten + 1 < run.size() ? (ten + 2 == run.size() ? digit_value(run[ten + 1]) : -1) : 0;
  if (tens < 1 || ones < 0) return -1;
  return tens * 10 + ones;
}

void numerals_to_digits(std::u32string& s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && (digit_value(s[j]) >= 0 || s[j] == U'十')) ++j;
    if (j == i) {
      out.push_back(s[i++]);
      continue;
    }
    const int value = j < s.size() && is_measure(s[j]) ? numeral_value(std::u32string_view(s).substr(i, j - i)) : -1;
    if (value < 0) {
      out.append(s, i, j - i);
    } else {
      for (char c : std::to_string(value)) out.push_back(static_cast<char32_t>(c));
    }
    i = j;
  }
  s.swap(out);
}

bool kept(char32_t c) { return text::classify(c) != text::CharClass::kOther; }

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

Token Analyzer::word_token(std::string_view word) { return hash_bytes(Kind::kWord, word); }

Analyzer::Analyzer(std::shared_ptr<const text::Segmenter> segmenter, std::shared_ptr<const T2s> t2s,
                   const SynonymGroups& synonyms, const std::vector<std::string>& keywords)
    : segmenter_(std::move(segmenter)), t2s_(std::move(t2s)) {
  const auto clean = [&](std::string_view term) {
    std::string s = text::normalize(term);
    if (t2s_) s = t2s_->convert(s);
    std::u32string u = decode(s);
    numerals_to_digits(u);
    std::erase_if(u, [](char32_t c) { return !kept(c); });
    return u;
  };
  const auto add = [&](std::u32string term, const std::u32string& canonical) {
    if (term.empty()) return;
    const std::uint64_t h = hash_chars(Kind::kPhrase, term.data(), term.size());
    auto [it, end] = by_hash_.equal_range(h);
    for (; it != end; ++it) {
      if (phrases_[it->second].term == term) return;  // the first group that names a term keeps it
    }
    max_phrase_ = std::max(max_phrase_, term.size());
    by_hash_.emplace(h, static_cast<std::uint32_t>(phrases_.size()));
    phrases_.push_back({std::move(term), canonical});
  };
  for (const auto& group : synonyms) {
    if (group.empty()) continue;
    const std::u32string canonical = clean(group.front());
    if (canonical.empty()) continue;
    for (const auto& term : group) add(clean(term), canonical);
  }
  for (const auto& keyword : keywords) {
    std::u32string k = clean(keyword);
    add(k, k);
  }
}

std::u32string Analyzer::canonical(std::string_view question, std::vector<std::pair<Token, float>>* phrases) const {
  std::string s = text::normalize(question.substr(0, kMaxBytes));
  if (t2s_) s = t2s_->convert(s);
  std::u32string u = decode(s);
  numerals_to_digits(u);
  if (phrases_.empty()) return u;

  std::u32string out;
  out.reserve(u.size());
  for (std::size_t i = 0; i < u.size();) {
    // Longest phrase starting at i (hashes grow one code point at a time).
    const Phrase* best = nullptr;
    std::uint64_t h = fnv_step(kFnvOffset, static_cast<std::uint32_t>(Kind::kPhrase));
    for (std::size_t n = 1; n <= max_phrase_ && i + n <= u.size(); ++n) {
      h = fnv_step(h, static_cast<std::uint32_t>(u[i + n - 1]));
      auto [it, end] = by_hash_.equal_range(h);
      for (; it != end; ++it) {
        const Phrase& p = phrases_[it->second];
        if (p.term.size() == n && std::u32string_view(u).substr(i, n) == p.term) best = &p;
      }
    }
    if (!best) {
      out.push_back(u[i++]);
      continue;
    }
    out += best->canonical;
    if (phrases) {
      phrases->emplace_back(hash_chars(Kind::kPhrase, best->canonical.data(), best->canonical.size()),
                            static_cast<float>(segmenter_->surprisal(encode(best->canonical))));
    }
    i += best->term.size();
  }
  return out;
}

std::string Analyzer::canonical_text(std::string_view question) const {
  std::u32string u = canonical(question, nullptr);
  std::erase_if(u, [](char32_t c) { return !kept(c); });
  return encode(u);
}

Analysis Analyzer::analyze(std::string_view question) const {
  Analysis a;
  std::vector<std::pair<Token, float>> found;
  const std::u32string full = canonical(question, &found);
  for (const auto& [t, s] : found) a.phrases.push_back(t);
  sort_unique(a.phrases);

  for (const std::string& w : segmenter_->cut(encode(full))) {
    a.words.push_back(word_token(w));
    found.emplace_back(a.words.back(), static_cast<float>(segmenter_->surprisal(w)));
  }
  a.words.insert(a.words.end(), a.phrases.begin(), a.phrases.end());
  std::sort(a.words.begin(), a.words.end());
  sort_unique(found);
  a.surprisal = std::move(found);

  for (char32_t c : full) {
    if (kept(c)) a.chars.push_back(c);
  }
  const std::size_t n = a.chars.size();
  a.grams.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    a.grams.push_back(hash_chars(Kind::kGram, a.chars.data() + i, 1));
    if (i + 1 < n) a.grams.push_back(hash_chars(Kind::kGram, a.chars.data() + i, 2));
  }
  std::sort(a.grams.begin(), a.grams.end());
  a.text = encode(a.chars);
  return a;
}

}  // namespace kefu::kb
