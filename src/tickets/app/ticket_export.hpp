#pragma once
// The ticket list as a file (GET /tickets/export): every ticket the list's filters find in
// the caller's stores, one row each, with names instead of ids and Chinese headers.
#include "core/app/context.hpp"
#include "core/app/table_export.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app {

inline constexpr int kMaxExportRows = 100000;

// Walks every page of list_tickets (same scope and checks). More than `max_rows` tickets
// throw export_too_large (400). Members are shown by number and phone, the phone masked
// below supervisor. `zh`: Chinese headers and labels, else English.
Table ticket_table(Context&, TicketQuery query, bool zh, int max_rows = kMaxExportRows);

}  // namespace kefu::app
