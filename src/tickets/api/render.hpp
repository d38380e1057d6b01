#pragma once
// A ticket and what hangs off it in the API's JSON. The ticket's and the task's fields are
// listed once, in tickets/domain/fields.hpp.
#include <nlohmann/json.hpp>
#include <string>

#include "core/api/audit_json.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::api {

nlohmann::json render(const ticket::Ticket&);
// The same JSON as render(Ticket), written straight into out (the hot path).
void write_ticket(std::string& out, const ticket::Ticket&);
nlohmann::json render(const ticket::Event&);
nlohmann::json render(const ticket::Task&);
nlohmann::json render(const ticket::Attachment&);

}  // namespace kefu::api
