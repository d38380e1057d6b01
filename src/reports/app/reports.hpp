#pragma once
// The managers' dashboard: contacts by type and channel, open and overdue tickets. (The
// SLA compliance report is the SLA capability's: sla/app/compliance_report.hpp.)
#include <cstdint>
#include <optional>

#include "core/app/context.hpp"
#include "reports/storage/report_store.hpp"
#include "sla/app/compliance_report.hpp"

namespace kefu::app {

// The dashboard's counts (storage::TicketCounts) for [from_ms, to_ms) — by default the
// current local day of the store (or of the caller's first store) — in the caller's
// stores or the one store_id (404 outside them).
struct DashboardCounts {
  int64_t from_ms = 0, to_ms = 0;
  storage::TicketCounts counts;
};
DashboardCounts dashboard_counts(Context&, std::optional<int64_t> from_ms, std::optional<int64_t> to_ms,
                                 std::optional<int64_t> store_id);

}  // namespace kefu::app
