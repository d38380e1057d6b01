#pragma once
// The ticket list's `metric` filter: the tickets behind a dashboard figure, as a condition
// on their fact row (alias rf, table ticket_facts; reports/domain/facts.hpp).
#include <array>
#include <string>
#include <string_view>

namespace kefu::reports {

struct TicketMetric {
  std::string_view code;
  std::string_view condition;  // SQL over rf.*
};

inline constexpr std::array<TicketMetric, 9> kTicketMetrics{{
    {"resolved", "rf.resolved = 1"},
    {"fcr", "rf.fcr = 1"},
    {"not_fcr", "rf.resolved = 1 AND rf.fcr = 0"},
    {"reopened", "rf.reopened = 1"},
    {"frt_missed", "rf.frt_missed = 1"},
    {"resolution_missed", "rf.resolution_missed = 1"},
    {"sla_missed", "rf.sla_missed = 1"},
    {"sla_met", "rf.sla_met = 1"},
    {"rated", "rf.csat IS NOT NULL"},
}};

// The condition of a metric code; "" for an empty or unknown code.
inline std::string metric_condition(std::string_view code) {
  for (const auto& m : kTicketMetrics)
    if (m.code == code) return std::string(m.condition);
  return {};
}

}  // namespace kefu::reports
