#pragma once
// A small streaming JSON writer for the hot responses (tickets in get, list and
// search), where building an nlohmann tree per row cost more than the database
// query. Output only: parsing stays with nlohmann::json. Strings must be valid
// UTF-8 (everything stored was validated on the way in); quotes, backslashes and
// control characters are escaped.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/http/json_string.hpp"

#include "core/domain/vocabulary.hpp"

namespace kefu::api {

using http::append_json_string;

class JsonObject {
 public:
  explicit JsonObject(std::string& out) : out_(out) { out_ += '{'; }
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;

  JsonObject& field(std::string_view key, std::string_view value);
  JsonObject& field(std::string_view key, const std::string& value) { return field(key, std::string_view(value)); }
  JsonObject& field(std::string_view key, const char* value) { return field(key, std::string_view(value)); }
  JsonObject& field(std::string_view key, int64_t value);
  JsonObject& field(std::string_view key, int value) { return field(key, static_cast<int64_t>(value)); }
  JsonObject& field(std::string_view key, bool value);
  JsonObject& field(std::string_view key, std::optional<int64_t> value);
  // A vocabulary value is written as its code.
  template <class E, const auto& kTerms>
  JsonObject& field(std::string_view key, Closed<E, kTerms> value) {
    return field(key, value.code());
  }
  // value is already JSON (an array or object written elsewhere).
  JsonObject& raw(std::string_view key, std::string_view json);
  void close() { out_ += '}'; }

 private:
  void key(std::string_view k);
  std::string& out_;
  bool first_ = true;
};

}  // namespace kefu::api
