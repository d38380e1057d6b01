#pragma once
// The figures of one bucket of the rollups as JSON (the F of docs/reports.md): the
// dashboards' metrics and the monthly service report render them the same way.
#include <nlohmann/json.hpp>

#include "reports/domain/rollup.hpp"

namespace kefu::api {

// contacts, resolved, frt_avg_ms, resolution_avg_ms, sla_met, sla_missed, sla_rate, fcr,
// fcr_rate, reopened, reopen_rate, csat_avg, csat_n, csat_good_rate (rates and averages
// null without a denominator).
nlohmann::json figures(const reports::Measures& m);

}  // namespace kefu::api
