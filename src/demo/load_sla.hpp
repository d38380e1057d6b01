#pragma once
// The demo's SLA set-up: policies with escalation ladders, authority limits, holidays,
// and for each generated ticket the clock events its history implies.
#include <cstdint>
#include <vector>

#include "core/app/context.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::demo {

// Default policies (P1 / special care / P2 / everything else), the default authority
// limits and the 2026 国庆 and 2027 春节 special days of every store.
void load_demo_sla(storage::Stores&, const std::vector<int64_t>& store_ids, int64_t now_ms);

// A historical ticket loaded after the fact: every escalation step that fell due before
// now is marked fired at its time, so the scheduler does not replay months of alerts
// when the demo server starts; steps still ahead fire live.
void settle_demo_escalations(app::Context&, ticket::Ticket&);

}  // namespace kefu::demo
