// The auth capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"
#include "auth/domain/actor.hpp"

namespace kefu::api {

void add_auth_routes(RouteTable&);     // routes.cpp
void add_account_routes(RouteTable&);  // account_routes.cpp

namespace {

void add_routes(RouteTable& r) {
  add_auth_routes(r);
  add_account_routes(r);
}

void add_vocabulary(nlohmann::json& v) { v["scopes"] = terms_json<people::Scope>(); }

}  // namespace

ApiModule auth_api() { return {"auth", add_routes, add_vocabulary}; }

}  // namespace kefu::api
