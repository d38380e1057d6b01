#include "core/text/normalize.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <climits>
#include <stdexcept>

#include "core/text/utf8.hpp"

namespace kefu::text {
namespace {

// Copy of s with every ill-formed subpart replaced by U+FFFD.
std::string repair(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(s, pos);
    if (cp == utf8::kInvalid) {
      utf8::append(out, utf8::kReplacement);
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  return out;
}

bool is_space_like(char32_t cp) {
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) || u_charType(static_cast<UChar32>(cp)) == U_CONTROL_CHAR;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();) {
    if (utf8::decode(s, pos) == utf8::kInvalid) return false;
  }
  return true;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size(); ++n) utf8::decode(s, pos);
  return n;
}

std::string normalize(std::string_view input) {
  if (input.size() >= static_cast<std::size_t>(INT32_MAX)) throw std::length_error("text too long to normalize");
  std::string repaired;
  std::string_view valid = input;
  if (!is_valid_utf8(input)) {
    repaired = repair(input);
    if (repaired.size() >= static_cast<std::size_t>(INT32_MAX)) throw std::length_error("text too long to normalize");
    valid = repaired;
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold data unavailable");
  std::string folded;
  folded.reserve(valid.size());
  icu::StringByteSink<std::string> sink(&folded);
  nfkc_cf->normalizeUTF8(0, icu::StringPiece(valid.data(), static_cast<int32_t>(valid.size())), sink, nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU normalization failed");

  // Collapse white space; folded is well-formed UTF-8 now.
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < folded.size();) {
    const std::size_t start = pos;
    const char32_t cp = utf8::decode(folded, pos);
    if (is_space_like(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out.append(folded, start, pos - start);
  }
  return out;
}

}  // namespace kefu::text
