#pragma once
// Reading request bodies and query strings into typed values. Every failure is a
// kefu::Error (invalid_input) naming the field: invalid_json, invalid_utf8,
// invalid_type, required.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/app/vocabulary_json.hpp"
#include "core/http/message.hpp"

namespace kefu::api {

using nlohmann::json;

// An optional value as JSON: the value, or null when absent (rendering responses).
template <class T>
json or_null(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

// The body as a JSON object (an empty body is an empty object when allow_empty).
json parse_object(const http::Request&, bool allow_empty = false);

std::string req_string(const json& j, const char* field);
std::string opt_string(const json& j, const char* field, std::string fallback = {});
std::optional<std::string> maybe_string(const json& j, const char* field);
int64_t req_int(const json& j, const char* field);
std::optional<int64_t> maybe_int(const json& j, const char* field);
std::optional<bool> maybe_bool(const json& j, const char* field);
// Distinguishes absent (nullopt) from explicit null (inner nullopt) for PATCH.
std::optional<std::optional<int64_t>> patch_int(const json& j, const char* field);
std::vector<std::string> string_list(const json& j, const char* field);
std::vector<int64_t> int_list(const json& j, const char* field);
// A time given as Unix milliseconds or an RFC 3339 string ("2026-11-22T10:00:00+08:00").
std::optional<int64_t> maybe_time(const json& j, const char* field);

// Path and query parameters.
int64_t path_id(const http::Request&, const char* name = "id");
std::optional<int64_t> query_int(const http::Request&, const char* name);
std::optional<int64_t> query_time(const http::Request&, const char* name);
std::vector<std::string> query_list(const http::Request&, const char* name);  // a,b or repeated

int64_t parse_time(const std::string& field, const std::string& text);
// A whole number given as text (a header value); invalid_type naming the field otherwise.
int64_t parse_int_text(const char* field, std::string_view text);

}  // namespace kefu::api
