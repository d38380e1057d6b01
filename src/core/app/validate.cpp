#include "core/app/validate.hpp"

#include "core/domain/error.hpp"
#include "core/text/normalize.hpp"

namespace kefu::app {

void check_text(std::string_view field, const std::string& value, std::size_t max_chars, bool required) {
  std::string f(field);
  if (!text::is_valid_utf8(value))
    throw invalid(f, f + " 不是有效的 UTF-8 文本", f + " is not valid UTF-8", "invalid_utf8");
  if (required && value.find_first_not_of(" \t\r\n") == std::string::npos)
    throw invalid(f, f + " 不能为空", f + " is required", "required");
  if (text::utf8_length(value) > max_chars)
    throw invalid(f, f + " 超过 " + std::to_string(max_chars) + " 个字符",
                  f + " is longer than " + std::to_string(max_chars) + " characters", "too_long");
}

void check_optional_text(std::string_view field, const std::optional<std::string>& value, std::size_t max_chars) {
  if (value) check_text(field, *value, max_chars, false);
}

void check_enum(std::string_view field, const std::string& value, bool ok) {
  if (ok) return;
  std::string f(field);
  throw invalid(f, f + " 的取值无效：" + value, "unknown value for " + f + ": " + value, "invalid_enum");
}

}  // namespace kefu::app
