#pragma once
// Request-target helpers shared by the server and the router: percent-decoding,
// splitting a target into path and query, and query-string parsing.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kefu::http {

// Decodes %XX escapes; with plus_as_space also '+' -> ' ' (form/query encoding).
// Returns nullopt on a malformed escape ("%G1", a trailing "%").
std::optional<std::string> percent_decode(std::string_view in, bool plus_as_space = false);

// "/a/b?x=1#frag" -> path "/a/b", query "x=1" (the fragment is dropped). Views into target.
struct SplitTarget {
  std::string_view path;
  std::string_view query;
};
SplitTarget split_target(std::string_view target);

// Parses "a=1&b=x%20y&flag" into decoded pairs ("flag" -> ""). '+' means space.
// Empty pieces are skipped; a malformed escape keeps that piece's raw text.
std::multimap<std::string, std::string> parse_query(std::string_view query);

}  // namespace kefu::http
