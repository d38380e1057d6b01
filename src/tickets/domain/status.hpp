#pragma once
// The ticket status machine:
//   new → in_progress | waiting_customer | waiting_internal | resolved
//   in_progress → waiting_customer | waiting_internal | resolved
//   waiting_customer | waiting_internal → in_progress | resolved
//   resolved → closed | in_progress (reopen)
//   closed → in_progress (reopen)
#include <string_view>

namespace kefu::ticket {

bool can_transition(std::string_view from, std::string_view to);
// True when the move from → to reopens a finished ticket.
bool is_reopen(std::string_view from, std::string_view to);
// Resolved and closed tickets are finished: no replies, tasks or hand-overs without reopening.
bool is_finished(std::string_view status);

}  // namespace kefu::ticket
