#include "feedback/api/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace kefu::api::multipart {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The value of `key` among the "; key=value" parameters after a header's first value
// (quoted values unquoted, a backslash escapes the next character); nullopt when absent or
// when the parameters are malformed.
std::optional<std::string> parameter(std::string_view header, std::string_view key) {
  std::size_t i = header.find(';');
  while (i != std::string_view::npos && i < header.size()) {
    ++i;  // past ';'
    const std::size_t eq = header.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string name = lower(trim(header.substr(i, eq - i)));
    std::string value;
    i = eq + 1;
    while (i < header.size() && header[i] == ' ') ++i;
    if (i < header.size() && header[i] == '"') {
      for (++i; i < header.size() && header[i] != '"'; ++i) {
        if (header[i] == '\\' && i + 1 < header.size()) ++i;
        value += header[i];
      }
      if (i >= header.size()) return std::nullopt;  // an unterminated quote
      i = header.find(';', i);
    } else {
      const std::size_t semi = header.find(';', i);
      value = std::string(trim(header.substr(i, semi == std::string_view::npos ? header.npos : semi - i)));
      i = semi;
    }
    if (name == key) return value;
  }
  return std::nullopt;
}

// One part's header block into `part`; false when it has no form-data name.
bool read_headers(std::string_view block, Part& part) {
  bool named = false;
  while (!block.empty()) {
    const std::size_t eol = block.find("\r\n");
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return false;
    const std::string key = lower(trim(line.substr(0, colon)));
    const std::string_view value = trim(line.substr(colon + 1));
    if (key == "content-disposition") {
      if (lower(value.substr(0, value.find(';'))) != "form-data") return false;
      auto name = parameter(value, "name");
      if (!name) return false;
      part.name = *name;
      part.filename = parameter(value, "filename").value_or("");
      named = true;
    } else if (key == "content-type") {
      part.content_type = lower(trim(value.substr(0, value.find(';'))));
    }
  }
  return named;
}

}  // namespace

std::optional<std::string> boundary_of(std::string_view content_type) {
  if (lower(trim(content_type.substr(0, content_type.find(';')))) != "multipart/form-data") return std::nullopt;
  auto b = parameter(content_type, "boundary");
  if (!b || b->empty() || b->size() > 70) return std::nullopt;
  return b;
}

std::optional<std::vector<Part>> parse(std::string_view body, const std::string& boundary, std::size_t max_parts) {
  const std::string delimiter = "--" + boundary;
  const std::string between = "\r\n" + delimiter;
  // The preamble (usually empty) ends at the first delimiter.
  std::size_t at = body.substr(0, delimiter.size()) == delimiter ? 0 : body.find(between);
  if (at == std::string_view::npos) return std::nullopt;
  at += at == 0 ? delimiter.size() : between.size();
  std::vector<Part> parts;
  while (true) {
    if (body.substr(at, 2) == "--") return parts;  // the close delimiter
    // The rest of the delimiter's line (transport padding), then the part's headers.
    const std::size_t line_end = body.find("\r\n", at);
    if (line_end == std::string_view::npos) return std::nullopt;
    const std::size_t headers_end = body.find("\r\n\r\n", line_end);
    if (headers_end == std::string_view::npos) return std::nullopt;
    Part part;
    if (headers_end == line_end) return std::nullopt;  // a part without headers has no name
    if (!read_headers(body.substr(line_end + 2, headers_end - line_end - 2), part)) return std::nullopt;
    const std::size_t content = headers_end + 4;
    const std::size_t end = body.find(between, content);
    if (end == std::string_view::npos) return std::nullopt;
    part.body = body.substr(content, end - content);
    if (parts.size() == max_parts) return std::nullopt;
    parts.push_back(std::move(part));
    at = end + between.size();
  }
}

}  // namespace kefu::api::multipart
