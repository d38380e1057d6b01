#pragma once
// Small pieces the SQL stores of every capability share, over either engine's statement
// type (the same bind/step/i64/text/opt_i64 API on SQLite and PostgreSQL).
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

namespace kefu::storage::sql {

// A value bound to a statement built at run time (filters).
using Value = std::variant<int64_t, std::string>;

// Binds values built at run time to the placeholders from `first` on; returns the next
// placeholder's number.
template <class Statement>
int bind_values(Statement& s, const std::vector<Value>& values, int first = 1) {
  for (const auto& v : values) std::visit([&](const auto& x) { s.bind(first++, x); }, v);
  return first;
}

// "?,?,…" for n values.
inline std::string placeholders(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s;
}

// Appends "AND col IN (?,?,…)" for a non-empty list.
template <typename T>
void add_in(std::string& where, std::vector<Value>& args, const char* col, const std::vector<T>& values) {
  if (values.empty()) return;
  where += std::string(" AND ") + col + " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    where += i ? ",?" : "?";
    args.emplace_back(values[i]);
  }
  where += ")";
}

// Appends "AND col = ?" when v is set.
inline void add_eq(std::string& where, std::vector<Value>& args, const char* col, const std::optional<int64_t>& v) {
  if (!v) return;
  where += std::string(" AND ") + col + " = ?";
  args.emplace_back(*v);
}

// Comma-separated lists (API token scopes, member care flags).
inline std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

inline std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ',');)
    if (!part.empty()) out.push_back(part);
  return out;
}

}  // namespace kefu::storage::sql
