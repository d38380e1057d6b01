#pragma once
// The JSON form of SLA values, one shape for the database columns and the API:
//   targets    {"first_response": {"minutes": 30, "mode": "business"}, …}  (absent = no clock)
//   conditions {"types": ["complaint"], "priorities": ["P1"], "store_ids": [1], …}
//   ladder     [{"anchor": "percent_of_target", "value": 80, "notify": "owner"}, …]
//   hours      [{"open": "10:00", "close": "22:00"}, …]
// The *_from functions throw kefu::Error (invalid_input) naming the field for a value of
// the wrong shape or an unknown code; domain validation (policy.hpp, escalation.hpp,
// calendar.hpp) comes after.
#include <nlohmann/json.hpp>
#include <string>

#include "sla/domain/calendar.hpp"
#include "sla/domain/escalation.hpp"
#include "sla/domain/policy.hpp"
#include "sla/storage/sla_config_store.hpp"

namespace kefu::storage {

nlohmann::json to_json(const sla::Targets&);
nlohmann::json to_json(const sla::Conditions&);
nlohmann::json to_json(const sla::Ladder&);
nlohmann::json to_json(const std::vector<sla::Hours>&);
nlohmann::json to_json(const std::vector<people::OpeningPeriod>&);  // [{"weekday", "open", "close"}]
// {"id", "name", "position", "conditions", "targets", "ladder", "active", "updated_at", "version"}
nlohmann::json to_json(const SlaPolicyRecord&);
// {"time_zone", "weekly": [...], "special_days": [{"date", "name", "hours"}]}
nlohmann::json to_json(const sla::CalendarSpec&);

sla::Targets targets_from(const nlohmann::json&, const std::string& field = "targets");
sla::Conditions conditions_from(const nlohmann::json&, const std::string& field = "conditions");
sla::Ladder ladder_from(const nlohmann::json&, const std::string& field = "ladder");
std::vector<sla::Hours> hours_from(const nlohmann::json&, const std::string& field = "hours");

}  // namespace kefu::storage
