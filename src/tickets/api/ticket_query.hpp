#pragma once
// GET /tickets's query string as a list query (routes.cpp), shared with the export.
#include "core/http/message.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::api {

app::TicketQuery ticket_query(const http::Request& req, const people::Actor& actor, int64_t now);

}  // namespace kefu::api
