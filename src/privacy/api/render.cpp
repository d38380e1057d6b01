#include "privacy/api/render.hpp"

#include "core/api/json_io.hpp"

namespace kefu::api {

nlohmann::json render_counts(const storage::KindCounts& counts) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [kind, rows] : counts) j[kind] = rows;
  return j;
}

nlohmann::json render_person(const app::Person& p) {
  return {{"person", p.label},
          {"found", !p.footprint.empty()},
          {"member_ids", p.footprint.members},
          {"last_contact_at", p.footprint.last_contact_at ? nlohmann::json(p.footprint.last_contact_at) : nullptr},
          {"counts", render_counts(p.counts)},
          {"total", p.total()}};
}

nlohmann::json render_request(const storage::ErasureRequest& r) {
  auto counts = nlohmann::json::parse(r.counts_json.empty() ? "{}" : r.counts_json, nullptr, false);
  return {{"id", r.id},
          {"person", r.label},
          {"member_id", or_null(r.member_id)},
          {"reason", r.reason},
          {"state", r.state.code()},
          {"requested_by", r.requested_by},
          {"requested_at", r.requested_at},
          {"decided_by", or_null(r.decided_by)},
          {"decided_at", or_null(r.decided_at)},
          {"decision_note", r.decision_note},
          {"done_at", or_null(r.done_at)},
          {"counts", counts.is_discarded() ? nlohmann::json::object() : counts}};
}

nlohmann::json render_rule(const privacy::RetentionRule& r) {
  return {{"kind", r.kind.code()},
          {"enabled", r.enabled},
          {"days", r.days},
          {"updated_by", r.updated_at ? nlohmann::json(r.updated_by) : nullptr},
          {"updated_at", r.updated_at ? nlohmann::json(r.updated_at) : nullptr}};
}

nlohmann::json render_audit(const storage::AuditEntry& e) {
  auto after = nlohmann::json::parse(e.after_json.empty() ? "{}" : e.after_json, nullptr, false);
  return {{"id", e.id},
          {"actor_id", e.actor_id},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", e.entity_id},
          {"detail", after.is_discarded() ? nlohmann::json::object() : after},
          {"created_at", e.created_at}};
}

}  // namespace kefu::api
