#pragma once
// Row readers shared by the repository's files.
#include <string>

#include "domain/ticket/ticket.hpp"
#include "storage/pg/connection.hpp"

namespace kefu::storage::pg {

// The ticket columns of "tickets t", in read_ticket's order.
extern const std::string kTicketCols;
ticket::Ticket read_ticket(Stmt& s);

}  // namespace kefu::storage::pg
