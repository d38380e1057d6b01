#include "tickets/domain/status.hpp"

#include <array>

namespace kefu::ticket {
namespace {

struct Edge {
  Status from, to;
};
constexpr std::array kEdges{
    Edge{"new", "in_progress"},
    Edge{"new", "waiting_customer"},
    Edge{"new", "waiting_internal"},
    Edge{"new", "resolved"},
    Edge{"in_progress", "waiting_customer"},
    Edge{"in_progress", "waiting_internal"},
    Edge{"in_progress", "resolved"},
    Edge{"waiting_customer", "in_progress"},
    Edge{"waiting_customer", "resolved"},
    Edge{"waiting_internal", "in_progress"},
    Edge{"waiting_internal", "resolved"},
    Edge{"resolved", "closed"},
    Edge{"resolved", "in_progress"},
    Edge{"closed", "in_progress"},
};

}  // namespace

bool can_transition(Status from, Status to) {
  for (const auto& e : kEdges)
    if (e.from == from && e.to == to) return true;
  return false;
}

std::vector<Status> next_statuses(Status from) {
  std::vector<Status> out;
  for (const auto& e : kEdges)
    if (e.from == from) out.push_back(e.to);
  return out;
}

bool is_reopen(Status from, Status to) { return is_finished(from) && to == "in_progress"; }

bool can_transition_codes(std::string_view from, std::string_view to) {
  auto f = Status::parse(from), t = Status::parse(to);
  return f && t && can_transition(*f, *t);
}

bool is_reopen_codes(std::string_view from, std::string_view to) {
  auto f = Status::parse(from), t = Status::parse(to);
  return f && t && is_reopen(*f, *t);
}

}  // namespace kefu::ticket
