#pragma once
// The returns capability's JSON: policies in force and their versions, verdicts, case
// results (rendering), and the request parts the routes read (parsing).
#include <nlohmann/json.hpp>

#include <vector>

#include "returns/app/decide.hpp"
#include "returns/app/policy.hpp"

namespace kefu::api {

nlohmann::json render_policy(const app::PolicyInForce&);
nlohmann::json render_version(const storage::PolicyVersion&);
nlohmann::json render_verdict(const returns::Verdict&);
nlohmann::json render_check(const app::PolicyCheck&);

// {category, condition, days, receipt, quality_issue, tier, promotion, paid_fen, decision,
//  rule, refund_fen, note}; invalid_type / required naming "cases[i].<field>".
std::vector<returns::Case> cases_from(const nlohmann::json& body);

// The described item ("item") and the order's terms ("order") of POST /returns/decide.
returns::Line line_from(const nlohmann::json& item);
returns::OrderTerms order_from(const nlohmann::json& body);

}  // namespace kefu::api
