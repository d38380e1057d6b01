#pragma once
// The ticket status machine:
//   new → in_progress | waiting_customer | waiting_internal | resolved
//   in_progress → waiting_customer | waiting_internal | resolved
//   waiting_customer | waiting_internal → in_progress | resolved
//   resolved → closed | in_progress (reopen)
//   closed → in_progress (reopen)
#include <string_view>
#include <vector>

#include "tickets/domain/vocabulary.hpp"

namespace kefu::ticket {

bool can_transition(Status from, Status to);
// The statuses a ticket in `from` may move to: onward first, reopening last.
std::vector<Status> next_statuses(Status from);
// True when the move from → to reopens a finished ticket.
bool is_reopen(Status from, Status to);
// Resolved and closed tickets are finished: no replies, tasks or hand-overs without reopening.
constexpr bool is_finished(Status s) { return s == "resolved" || s == "closed"; }

// The same for codes read at run time (false for a code that is no status).
bool can_transition_codes(std::string_view from, std::string_view to);
bool is_reopen_codes(std::string_view from, std::string_view to);
template <RuntimeCode A, RuntimeCode B>
bool can_transition(const A& from, const B& to) {
  return can_transition_codes(from, to);
}
template <RuntimeCode A, RuntimeCode B>
bool is_reopen(const A& from, const B& to) {
  return is_reopen_codes(from, to);
}
template <RuntimeCode S>
bool is_finished(const S& status) {
  auto s = Status::parse(status);
  return s && is_finished(*s);
}

}  // namespace kefu::ticket
