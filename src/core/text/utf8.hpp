#pragma once
// Low-level UTF-8 decoding shared by the text module. Internal to
// domain/text: other layers use normalize.hpp.
#include <cstddef>
#include <string>
#include <string_view>

namespace kefu::text::utf8 {

// Returned by decode() for an ill-formed sequence.
inline constexpr char32_t kInvalid = 0xFFFFFFFF;
inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at s[pos] and advances pos past it.
// Strict (RFC 3629): overlong forms, surrogates and values above U+10FFFF are
// ill-formed. On an ill-formed sequence returns kInvalid and advances over its
// "maximal subpart" (at least one byte), the unit that the Unicode standard
// replaces by one U+FFFD, so every byte of the input is consumed exactly once.
// Precondition: pos < s.size().
char32_t decode(std::string_view s, std::size_t& pos);

// Appends the UTF-8 encoding of a valid scalar value.
void append(std::string& out, char32_t cp);

}  // namespace kefu::text::utf8
