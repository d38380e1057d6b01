#pragma once
// Reports for managers. SLA compliance (达标率) is recomputed from the clock events
// (sla/domain/compliance.hpp), so it explains itself and never trusts recorded breaches.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/app/context.hpp"
#include "reports/storage/report_store.hpp"
#include "sla/domain/compliance.hpp"

namespace kefu::app {

// The longest period one report covers.
inline constexpr int64_t kMaxReportSpanMs = 366LL * 24 * 3600 * 1000;

// Compliance of the tickets created in [from_ms, to_ms), as of c.now_ms, grouped by `d`
// (stores are keyed by name). Supervisor+ (403 otherwise); the caller's stores (admins:
// all), or the one store_id (404 outside the caller's stores); from < to and at most
// 366 days (400 invalid_range, field "to").
std::vector<sla::ComplianceRow> sla_compliance(Context&, int64_t from_ms, int64_t to_ms, sla::Dimension d,
                                               std::optional<int64_t> store_id);

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
