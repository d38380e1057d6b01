#pragma once
#include <string>
#include <string_view>

namespace kefu::http {

// Appends s as a JSON string literal: quotes, backslashes and control characters
// escaped, UTF-8 passed through (callers hand in valid UTF-8). Shared by the
// server's own error bodies and the api layer's JSON writer.
void append_json_string(std::string& out, std::string_view s);

}  // namespace kefu::http
