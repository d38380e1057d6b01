#include "core/app/validate.hpp"

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/text/normalize.hpp"

namespace kefu::app {

void check_text(std::string_view field, const std::string& value, std::size_t max_chars, bool required) {
  std::string f(field);
  if (!text::is_valid_utf8(value)) throw make_error(errors::kInvalidUtf8, {{"what", f}}, f);
  if (required && value.find_first_not_of(" \t\r\n") == std::string::npos)
    throw make_error(errors::kRequired, {{"what", f}}, f);
  if (text::utf8_length(value) > max_chars) throw make_error(errors::kTooLong, {{"what", f}, {"max", max_chars}}, f);
}

void check_optional_text(std::string_view field, const std::optional<std::string>& value, std::size_t max_chars) {
  if (value) check_text(field, *value, max_chars, false);
}

void check_enum(std::string_view field, const std::string& value, bool ok) {
  if (ok) return;
  std::string f(field);
  throw make_error(errors::kInvalidEnum, {{"field", f}, {"value", value}}, f);
}

}  // namespace kefu::app
