#pragma once
// How ticket lists are ordered and paged: a sort key ("created_at", "updated_at",
// "priority", "-" in front for descending) and an opaque cursor "<sort key value>_<id>"
// naming the last row of the previous page (keyset pagination).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tickets/domain/ticket.hpp"

namespace kefu::ticket {

struct Sort {
  std::string key = "created_at";
  bool descending = true;
};
// nullopt for an unknown key.
std::optional<Sort> parse_sort(std::string_view text);

struct Cursor {
  std::string key;  // the sort key's value in the last row (a number, or a priority code)
  int64_t id = 0;
};
// The cursor after `t` in a list sorted by `sort_key`.
std::string cursor_of(const Ticket& t, std::string_view sort_key);
// nullopt for text that is no cursor of a list sorted by `sort_key`.
std::optional<Cursor> parse_cursor(std::string_view text, std::string_view sort_key);

}  // namespace kefu::ticket
