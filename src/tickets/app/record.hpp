#pragma once
// Writing what happened: timeline events, audit entries, the search document.
#include <nlohmann/json.hpp>

#include "core/app/context.hpp"
#include "core/app/vocabulary_json.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::app {

nlohmann::json snapshot(const ticket::Ticket&);
nlohmann::json snapshot(const ticket::Task&);

void audit(Context&, const std::string& action, const std::string& entity, int64_t entity_id,
           const nlohmann::json& before, const nlohmann::json& after);

ticket::Event record_event(Context&, int64_t ticket_id, const std::string& kind, const std::string& body,
                           const nlohmann::json& data, bool customer_visible);

// Rebuilds the ticket's search document from its fields and its messages
// (a ticket just created has none, so the timeline need not be read).
void reindex(Context&, const ticket::Ticket&, bool has_messages = true);

}  // namespace kefu::app
