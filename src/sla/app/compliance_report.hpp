#pragma once
// The SLA compliance report (达标率), recomputed from the clock events
// (sla/domain/compliance.hpp), so it explains itself and never trusts recorded breaches.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/app/context.hpp"
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

}  // namespace kefu::app
