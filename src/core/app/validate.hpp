#pragma once
// Field rules shared by use cases: present, valid UTF-8, within a length in characters.
#include <optional>
#include <string>
#include <string_view>

namespace kefu::app {

// Throws invalid_input (code "invalid_utf8", "too_long", "required") naming the field.
void check_text(std::string_view field, const std::string& value, std::size_t max_chars, bool required);
void check_optional_text(std::string_view field, const std::optional<std::string>& value, std::size_t max_chars);
// Throws invalid_input (code "invalid_enum") when ok is false.
void check_enum(std::string_view field, const std::string& value, bool ok);

// The vocabulary value of a code from a request (C is a Closed vocabulary type); throws
// invalid_enum naming the field when it is none.
template <class C>
C parse_enum(std::string_view field, const std::string& value) {
  auto v = C::parse(value);
  if (!v) check_enum(field, value, false);
  return *v;
}

}  // namespace kefu::app
