#pragma once
// A returns policy as JSON: how a version is stored (one document per store and version),
// what the API reads and answers and what the audit log shows. Kept beside the store
// interface so that the SQL, the use cases and the routes share one shape:
//   {"rules": [{"id", "name", "enabled",
//               "scope": {"categories": [], "brands": [], "store_ids": [], "tiers": []},
//               "match": {"conditions": [], "quality_issue": bool|null, "receipt": bool|null,
//                         "max_days": int|null, "promotions": []},
//               "outcome": {"decision", "remedy", "customer": {"zh", "en"}, "agent": {"zh", "en"}}}]}
#include <nlohmann/json.hpp>

#include "returns/domain/policy.hpp"

namespace kefu::storage {

nlohmann::json rule_json(const returns::Rule&);
nlohmann::json rules_json(const returns::Policy&);  // the array of rules

// The rules of a JSON array. Throws kefu::Error (invalid_input: invalid_type or required)
// naming the field ("rules[2].match.max_days") for a value of the wrong type; missing
// optional parts take their defaults (empty lists, unset conditions, enabled). The codes
// are checked by returns::validate, not here.
returns::Policy policy_from_json(const nlohmann::json& rules, const std::string& field = "rules");

}  // namespace kefu::storage
