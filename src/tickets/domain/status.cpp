#include "tickets/domain/status.hpp"

#include <array>
#include <utility>

namespace kefu::ticket {
namespace {

using Edge = std::pair<std::string_view, std::string_view>;
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

bool can_transition(std::string_view from, std::string_view to) {
  for (const auto& [f, t] : kEdges)
    if (f == from && t == to) return true;
  return false;
}

bool is_reopen(std::string_view from, std::string_view to) { return is_finished(from) && to == "in_progress"; }

bool is_finished(std::string_view status) { return status == "resolved" || status == "closed"; }

}  // namespace kefu::ticket
