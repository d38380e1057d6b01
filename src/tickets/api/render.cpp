#include "tickets/api/render.hpp"

#include "core/api/json_writer.hpp"
#include "core/storage/platform_stores.hpp"
#include "members/domain/phone.hpp"

namespace kefu::api {
namespace {

nlohmann::json opt(const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

}  // namespace

void write_ticket(std::string& out, const ticket::Ticket& t) {
  JsonObject o(out);
  o.field("id", t.id)
      .field("number", t.number)
      .field("store_id", t.store_id)
      .field("department_id", t.department_id)
      .field("type", t.type)
      .field("channel", t.channel)
      .field("priority", t.priority)
      .field("status", t.status)
      .field("subject", t.subject)
      .field("description", t.description)
      .field("category", t.category)
      .field("location", t.location)
      .field("member_id", t.member_id)
      .field("purchase_ref", t.purchase_ref)
      .field("owner_id", t.owner_id)
      .field("created_by", t.created_by)
      .field("created_at", t.created_at)
      .field("updated_at", t.updated_at)
      .field("first_response_at", t.first_response_at)
      .field("resolved_at", t.resolved_at)
      .field("closed_at", t.closed_at)
      .field("reopen_count", t.reopen_count)
      .field("version", t.version)
      .field("sla_policy_id", t.sla_policy_id)
      .field("first_response_due_at", t.first_response_due_at)
      .field("resolution_due_at", t.resolution_due_at)
      .field("callback_due_at", t.callback_due_at)
      .field("next_escalation_at", t.next_escalation_at);
  o.close();
}

nlohmann::json render(const ticket::Ticket& t) {
  return {{"id", t.id},
          {"number", t.number},
          {"store_id", t.store_id},
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
          {"created_by", t.created_by},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at},
          {"first_response_at", opt(t.first_response_at)},
          {"resolved_at", opt(t.resolved_at)},
          {"closed_at", opt(t.closed_at)},
          {"reopen_count", t.reopen_count},
          {"version", t.version},
          {"sla_policy_id", opt(t.sla_policy_id)},
          {"first_response_due_at", opt(t.first_response_due_at)},
          {"resolution_due_at", opt(t.resolution_due_at)},
          {"callback_due_at", opt(t.callback_due_at)},
          {"next_escalation_at", opt(t.next_escalation_at)}};
}

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

nlohmann::json render(const ticket::Task& t) {
  return {{"id", t.id},
          {"ticket_id", t.ticket_id},
          {"department_id", t.department_id},
          {"assignee_id", opt(t.assignee_id)},
          {"description", t.description},
          {"status", t.status},
          {"due_at", t.due_at},
          {"result", t.result},
          {"created_by", t.created_by},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at},
          {"version", t.version}};
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

nlohmann::json render(const people::Store& s) {
  auto hours = nlohmann::json::array();
  for (const auto& p : s.hours) hours.push_back({{"weekday", p.weekday}, {"open", p.open}, {"close", p.close}});
  return {{"id", s.id},           {"code", s.code}, {"name", s.name}, {"timezone", s.timezone},
          {"address", s.address}, {"hours", hours}};
}

nlohmann::json render(const people::Department& d) {
  return {{"id", d.id}, {"store_id", d.store_id}, {"code", d.code}, {"name", d.name}, {"kind", d.kind}};
}

nlohmann::json render(const people::Staff& s) {
  return {{"id", s.id},         {"username", s.username},   {"display_name", s.display_name},    {"role", s.role},
          {"active", s.active}, {"store_ids", s.store_ids}, {"department_ids", s.department_ids}};
}

nlohmann::json render(const people::Member& m, const people::Actor& viewer) {
  return {{"id", m.id},
          {"member_no", m.member_no},
          {"name", m.name},
          {"phone", viewer.sees_full_phone() ? m.phone : people::mask_phone(m.phone)},
          {"phone_masked", !viewer.sees_full_phone()},
          {"tier", m.tier},
          {"birthday", m.birthday},
          {"care_flags", m.care_flags},
          {"home_store_id", m.home_store_id ? nlohmann::json(m.home_store_id) : nlohmann::json(nullptr)},
          {"created_at", m.created_at}};
}

nlohmann::json render(const storage::AuditEntry& a) {
  auto parse = [](const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(s, nullptr, false);
  };
  return {{"id", a.id},
          {"actor_id", a.actor_id},
          {"action", a.action},
          {"entity", a.entity},
          {"entity_id", a.entity_id},
          {"before", parse(a.before_json)},
          {"after", parse(a.after_json)},
          {"created_at", a.created_at}};
}

nlohmann::json render(const people::Actor& a) {
  return {{"id", a.staff_id},   {"username", a.username},   {"display_name", a.display_name},
          {"role", a.role},     {"store_ids", a.store_ids}, {"department_ids", a.department_ids},
          {"scopes", a.scopes}, {"via_token", a.via_token}};
}

}  // namespace kefu::api
