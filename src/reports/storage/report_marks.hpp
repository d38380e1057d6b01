#pragma once
// Marking tickets whose report facts are stale (reports/domain/facts.hpp): the ticket and
// rating stores add a row to report_dirty in the statement batch that writes the ticket,
// so every path that changes a ticket is caught; the rollup keeper drains the queue.
// Process-wide switch, on by default: `[reports] rollups = false` turns marking (and the
// keeper) off, e.g. to measure what keeping the rollups costs ticket creation.
namespace kefu::storage {

inline constexpr const char* kMarkReportDirty =
    "INSERT INTO report_dirty(ticket_id, seq) VALUES (?, 1) "
    "ON CONFLICT (ticket_id) DO UPDATE SET seq = report_dirty.seq + 1";

bool report_marking();
void set_report_marking(bool on);

}  // namespace kefu::storage
