#pragma once
// The desk returns' JSON: purchases found for a return, return records, the report.
#include <nlohmann/json.hpp>

#include <vector>

#include "returns/app/desk.hpp"

namespace kefu::api {

nlohmann::json render_desk_order(const app::DeskOrder&);
nlohmann::json render_return(const returns::ReturnRecord&);
nlohmann::json render_desk_outcome(const app::DeskOutcome&);
nlohmann::json render_returns_report(const app::ReturnsReport&);

}  // namespace kefu::api
