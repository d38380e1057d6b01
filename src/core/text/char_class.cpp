#include "core/text/char_class.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace kefu::text {
namespace {

// Code points that ICU 72 calls letters but SQLite 3.40's unicode61 tables
// (older Unicode data) call combining marks, i.e. separators: New Tai Lue
// vowel signs and two Vedic signs. Treating them as separators here keeps
// our tokens unsplittable for FTS5.
bool fts5_separator_exception(char32_t cp) { return (cp >= 0x19B0 && cp <= 0x19C9) || cp == 0x1CF2 || cp == 0x1CF3; }

}  // namespace

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLetter;
    if (cp >= '0' && cp <= '9') return CharClass::kNumber;
    return CharClass::kOther;
  }
  const auto c = static_cast<UChar32>(cp);
  const uint32_t mask = U_GET_GC_MASK(c);
  if ((mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_CO_MASK)) == 0 || fts5_separator_exception(cp)) {
    return CharClass::kOther;
  }
  UErrorCode status = U_ZERO_ERROR;
  if (uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status)) return CharClass::kHan;
  return (mask & U_GC_N_MASK) ? CharClass::kNumber : CharClass::kLetter;
}

}  // namespace kefu::text
