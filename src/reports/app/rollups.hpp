#pragma once
// Keeping the ticket facts and rollups (reports/domain/facts.hpp, rollup.hpp) in step
// with the tickets: the ticket and rating stores mark a changed ticket
// (reports/storage/report_marks.hpp); these drain the marks — recompute each ticket's
// fact, subtract its old fact from the rollups and add the new one, drop the marks — in
// the caller's write transaction. The rollup keeper (reports/jobs/rollup_keeper.hpp) calls
// refresh_rollups_batch every second; tests and the rebuild call refresh_rollups.
#include <cstdint>

#include "core/app/context.hpp"
#include "reports/domain/facts.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

inline constexpr int kRollupBatch = 500;

// The fact of one ticket as its stores hold it (timeline, clock events, rating, the
// store's calendar); it does not depend on c.now_ms.
reports::TicketFact compute_fact(Context&, const ticket::Ticket&);

// Drains up to `limit` marks; returns how many it took.
int refresh_rollups_batch(Context&, int limit = kRollupBatch);
// Drains the queue; returns how many tickets were recomputed.
int64_t refresh_rollups(Context&);
// Drops every fact and rollup, marks every ticket and drains (`kefu reports rebuild`).
int64_t rebuild_reports(Context&);

}  // namespace kefu::app
