#pragma once
// The value of a customer and the member page in the API's JSON.
#include <nlohmann/json.hpp>

#include "auth/domain/actor.hpp"
#include "members/app/member_value.hpp"
#include "members/app/overview.hpp"

namespace kefu::api::member_page {

nlohmann::json value(const app::MemberValue&);
// The compact form for the card and the report: the CLV, the amount at risk and the reasons.
nlohmann::json value_summary(const app::MemberValue&);
nlohmann::json overview(const app::MemberOverview&, const people::Actor& viewer);

}  // namespace kefu::api::member_page
