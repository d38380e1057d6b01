#pragma once
// The organisation's entities in the API's JSON.
#include <nlohmann/json.hpp>

#include "org/domain/org.hpp"

namespace kefu::api {

nlohmann::json render(const people::Store&);
nlohmann::json render(const people::Department&);
nlohmann::json render(const people::Staff&);  // never includes the password hash

}  // namespace kefu::api
