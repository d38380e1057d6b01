#include "tickets/app/record.hpp"

#include "core/storage/platform_stores.hpp"
#include "core/text/search_text.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {

nlohmann::json snapshot(const ticket::Ticket& t) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"store_id", t.store_id},
          {"department_id", opt(t.department_id)},
          {"type", t.type},
          {"channel", t.channel},
          {"priority", t.priority},
          {"status", t.status},
          {"subject", t.subject},
          {"description", t.description},
          {"category", t.category},
          {"location", t.location},
          {"member_id", opt(t.member_id)},
          {"purchase_ref", t.purchase_ref},
          {"owner_id", opt(t.owner_id)},
          {"version", t.version}};
}

nlohmann::json snapshot(const ticket::Task& t) {
  return {{"ticket_id", t.ticket_id},
          {"department_id", t.department_id},
          {"assignee_id", t.assignee_id ? nlohmann::json(*t.assignee_id) : nlohmann::json(nullptr)},
          {"description", t.description},
          {"status", t.status},
          {"due_at", t.due_at},
          {"result", t.result},
          {"version", t.version}};
}

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
