#pragma once
// The KPI and bonus rules as JSON: how they are stored (kpi_rule_sets.body) and shown.
// Reading throws kefu::Error (invalid_input) naming the field for a wrong shape or value.
#include <nlohmann/json.hpp>

#include "performance/domain/bonus.hpp"
#include "performance/domain/kpi.hpp"

namespace kefu::performance {

nlohmann::json kpi_rules_json(const KpiRules&);
nlohmann::json bonus_rules_json(const BonusRules&);
// Not validated beyond the shape: normalise_kpi_rules / normalise_bonus_rules do that.
KpiRules kpi_rules_from(const nlohmann::json&);
BonusRules bonus_rules_from(const nlohmann::json&);

}  // namespace kefu::performance
