#include "core/api/audit_json.hpp"

namespace kefu::api {

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

}  // namespace kefu::api
