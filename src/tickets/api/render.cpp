#include "tickets/api/render.hpp"

#include "core/api/json_writer.hpp"
#include "core/app/json_fields.hpp"
#include "tickets/domain/fields.hpp"

namespace kefu::api {

void write_ticket(std::string& out, const ticket::Ticket& t) {
  JsonObject o(out);
  ticket::for_each_field(t, [&o](std::string_view name, const auto& value) { o.field(name, value); });
  o.close();
}

nlohmann::json render(const ticket::Ticket& t) { return app::fields_json(t); }

nlohmann::json render(const ticket::Task& t) { return app::fields_json(t); }

nlohmann::json render(const ticket::Event& e) {
  auto data = nlohmann::json::parse(e.data, nullptr, false);
  return {{"id", e.id},
          {"kind", e.kind},
          {"actor_id", e.actor_id},
          {"body", e.body},
          {"data", data.is_discarded() ? nlohmann::json::object() : data},
          {"customer_visible", e.customer_visible},
          {"created_at", e.created_at}};
}

nlohmann::json render(const ticket::Attachment& a) {
  return {{"id", a.id},
          {"ticket_id", a.ticket_id},
          {"sha256", a.sha256},
          {"content_type", a.content_type},
          {"filename", a.filename},
          {"size", a.size},
          {"uploaded_by", a.uploaded_by},
          {"created_at", a.created_at},
          {"url", "/api/v1/attachments/" + std::to_string(a.id)}};
}

}  // namespace kefu::api
