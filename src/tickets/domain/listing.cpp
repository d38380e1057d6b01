#include "tickets/domain/listing.hpp"

#include <charconv>

namespace kefu::ticket {
namespace {

std::optional<int64_t> number(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<Sort> parse_sort(std::string_view text) {
  Sort s;
  s.descending = text.starts_with('-');
  if (s.descending) text.remove_prefix(1);
  if (text != "created_at" && text != "updated_at" && text != "priority") return std::nullopt;
  s.key = std::string(text);
  return s;
}

std::string cursor_of(const Ticket& t, std::string_view sort_key) {
  const std::string key = sort_key == "updated_at" ? std::to_string(t.updated_at)
                          : sort_key == "priority" ? std::string(t.priority.code())
                                                   : std::to_string(t.created_at);
  return key + "_" + std::to_string(t.id);
}

std::optional<Cursor> parse_cursor(std::string_view text, std::string_view sort_key) {
  const auto cut = text.rfind('_');
  if (cut == std::string_view::npos) return std::nullopt;
  auto id = number(text.substr(cut + 1));
  auto key = text.substr(0, cut);
  if (!id || (sort_key != "priority" && !number(key))) return std::nullopt;
  return Cursor{std::string(key), *id};
}

}  // namespace kefu::ticket
