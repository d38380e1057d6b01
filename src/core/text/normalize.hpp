#pragma once
// Text normalisation applied to everything that is stored for search or
// compared as text (ticket subjects, descriptions, notes, search queries).
#include <cstddef>
#include <string>
#include <string_view>

namespace kefu::text {

// Returns the search form of utf8:
//  - ill-formed UTF-8 is repaired first: each maximal ill-formed subpart
//    becomes U+FFFD (never throws or crashes on bad bytes);
//  - Unicode NFKC_Casefold: full-width ＡＢＣ１２３ -> abc123, ideographic
//    space -> space, case folded (Straße -> strasse), default-ignorable
//    characters (zero-width space, soft hyphen, ...) removed;
//  - every run of white space or control characters becomes one ASCII space,
//    leading and trailing ones are removed.
// Chinese characters are left as they are (no traditional/simplified mapping).
// Throws std::length_error for inputs of 2 GiB or more (ICU's limit).
std::string normalize(std::string_view utf8);

// True when utf8 is well-formed UTF-8 under RFC 3629: no overlong forms, no
// surrogate code points, nothing above U+10FFFF, no truncated sequence.
// NUL and other control characters are well-formed.
bool is_valid_utf8(std::string_view utf8);

// Number of code points in utf8, for length limits. An ill-formed subpart
// counts as one (the U+FFFD that normalize() would put in its place).
std::size_t utf8_length(std::string_view utf8);

}  // namespace kefu::text
