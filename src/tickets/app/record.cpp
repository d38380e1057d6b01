#include "tickets/app/record.hpp"

#include "core/app/json_fields.hpp"
#include "tickets/domain/fields.hpp"

#include "core/storage/platform_stores.hpp"
#include "core/text/search_text.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {

nlohmann::json snapshot(const ticket::Ticket& t) { return fields_json(t, ticket::kAuditedTicketFields); }

nlohmann::json snapshot(const ticket::Task& t) { return fields_json(t, ticket::kAuditedTaskFields); }

void audit(Context& c, const std::string& action, const std::string& entity, int64_t entity_id,
           const nlohmann::json& before, const nlohmann::json& after) {
  c.store<storage::AuditStore>().append_audit(
      {0, c.actor.staff_id, action, entity, entity_id, before.is_null() ? "" : before.dump(), after.dump(), c.now_ms});
}

ticket::Event record_event(Context& c, int64_t ticket_id, const std::string& kind, const std::string& body,
                           const nlohmann::json& data, bool customer_visible) {
  ticket::Event e{
      0, ticket_id, kind, c.actor.staff_id, body, data.is_null() ? "{}" : data.dump(), customer_visible, c.now_ms};
  e.id = c.store<storage::TimelineStore>().insert_event(e);
  return e;
}

void reindex(Context& c, const ticket::Ticket& t, bool has_messages) {
  if (!c.segmenter) return;
  std::string doc =
      t.number + " " + t.subject + " " + t.description + " " + t.category + " " + t.location + " " + t.purchase_ref;
  if (has_messages)
    for (const auto& e : c.store<storage::TimelineStore>().events(t.id))
      if (e.kind == "reply" || e.kind == "note" || e.kind == "customer_reply") doc += " " + e.body;
  c.store<storage::TicketStore>().index_ticket(t.id, text::index_document(*c.segmenter, doc));
}

}  // namespace kefu::app
