#include <string>

#include "core/http/error_json.hpp"
#include "core/http/json_string.hpp"
#include "core/http/message.hpp"

namespace kefu::http {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return {};
}

// Cookie: a=1; b="two" -- names are case-sensitive (RFC 6265); every Cookie header is searched.
std::string Request::cookie(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (!iequals(key, "cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      const std::string_view pair = trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      const auto eq = pair.find('=');
      if (eq == std::string_view::npos || trim(pair.substr(0, eq)) != name) continue;
      std::string_view v = trim(pair.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string(v);
    }
  }
  return {};
}

std::string Request::query_value(std::string_view name) const {
  const auto it = query.find(std::string(name));
  return it == query.end() ? std::string{} : it->second;
}

bool Request::has_query(std::string_view name) const { return query.find(std::string(name)) != query.end(); }

Response error_json(int status, std::string_view code, std::string_view message) {
  std::string body = R"({"error":{"code":)";
  append_json_string(body, code);
  body += R"(,"message":)";
  append_json_string(body, message);
  body += "}}";
  return Response::json(status, std::move(body));
}

}  // namespace kefu::http
