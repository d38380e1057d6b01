#pragma once
// The performance capability's JSON.
#include <nlohmann/json.hpp>

#include "core/app/context.hpp"
#include "performance/app/kpi_rules.hpp"
#include "performance/app/kpi_sheet.hpp"
#include "performance/domain/records.hpp"

namespace kefu::api {

nlohmann::json render_rules(const app::EffectiveRules&);
nlohmann::json render_sheet(const app::KpiSheet&);
// Records and cases with the names of the staff they mention (read on the same connection).
nlohmann::json render_records(app::Context&, const std::vector<performance::StaffRecord>&);
nlohmann::json render_case(app::Context&, const performance::CaseEntry&);
nlohmann::json render_case_summary(const performance::CaseEntry&);

}  // namespace kefu::api
