#include "core/storage/pg/search.hpp"

#include <cstdint>

namespace kefu::storage::pg {
namespace {

// Decodes one code point at s[pos] (RFC 3629) and advances pos; returns -1 for an
// ill-formed sequence after skipping its first byte.
int32_t decode(std::string_view s, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  int len = 0;
  int32_t cp = 0, min = 0;
  if (b0 < 0x80) {
    ++pos;
    return b0;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++pos;
    return -1;
  }
  if (pos + len > s.size()) {
    ++pos;
    return -1;
  }
  for (int i = 1; i < len; ++i) {
    const unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return -1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return -1;
  }
  pos += len;
  return cp;
}

bool separates(int32_t cp) {
  if (cp < 0) return true;
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
  // CJK symbols and punctuation, except its letters and numerals (々 〆 〇, Hangzhou
  // numerals, kana repeat marks), which FTS5 keeps inside words: 二〇二六 is one word.
  if (cp >= 0x3000 && cp <= 0x303F)
    return !(cp == 0x3005 || cp == 0x3006 || cp == 0x3007 || (cp >= 0x3021 && cp <= 0x3029) ||
             (cp >= 0x3031 && cp <= 0x3035) || (cp >= 0x3038 && cp <= 0x303C));
  return (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

}  // namespace

std::string fts_words(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const int32_t cp = decode(text, pos);
    if (separates(cp)) {
      in_word = false;
      continue;
    }
    if (!in_word && !out.empty()) out += ' ';
    in_word = true;
    if (cp >= 'A' && cp <= 'Z')
      out += static_cast<char>(cp - 'A' + 'a');
    else
      out.append(text.substr(start, pos - start));
  }
  return out;
}

}  // namespace kefu::storage::pg
