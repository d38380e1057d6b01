#pragma once
// Who is calling, in the API's JSON (GET /auth/me, the login answer).
#include <nlohmann/json.hpp>

#include "auth/domain/actor.hpp"

namespace kefu::api {

nlohmann::json render(const people::Actor&);

}  // namespace kefu::api
