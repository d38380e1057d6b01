#pragma once
// The ticket list's `metric` filter: the tickets behind a dashboard figure, as a condition
// on their fact row (alias f, table ticket_facts; reports/domain/facts.hpp).
#include <array>
#include <string>
#include <string_view>

namespace kefu::reports {

struct TicketMetric {
  std::string_view code;
  std::string_view condition;  // SQL over f.*
};

inline constexpr std::array<TicketMetric, 9> kTicketMetrics{{
    {"resolved", "f.resolved = 1"},
    {"fcr", "f.fcr = 1"},
    {"not_fcr", "f.resolved = 1 AND f.fcr = 0"},
    {"reopened", "f.reopened = 1"},
    {"frt_missed", "f.frt_missed = 1"},
    {"resolution_missed", "f.resolution_missed = 1"},
    {"sla_missed", "f.sla_missed = 1"},
    {"sla_met", "f.sla_met = 1"},
    {"rated", "f.csat IS NOT NULL"},
}};

// The condition of a metric code; "" for an empty or unknown code.
inline std::string metric_condition(std::string_view code) {
  for (const auto& m : kTicketMetrics)
    if (m.code == code) return std::string(m.condition);
  return {};
}

}  // namespace kefu::reports
