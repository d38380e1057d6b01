#pragma once
// A member in the API's JSON: the phone masked for roles below supervisor.
#include <nlohmann/json.hpp>

#include "auth/domain/actor.hpp"
#include "members/domain/member.hpp"

namespace kefu::api {

nlohmann::json render(const people::Member&, const people::Actor& viewer);

}  // namespace kefu::api
