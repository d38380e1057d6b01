// The callbacks capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"
#include "callbacks/domain/outcome.hpp"

namespace kefu::api {

void add_callback_routes(RouteTable&);  // routes.cpp

namespace {

void add_routes(RouteTable& r) { add_callback_routes(r); }

void add_vocabulary(nlohmann::json& v) { v["callback_outcomes"] = terms_json<csat::Outcome>(); }

}  // namespace

ApiModule callbacks_api() { return {"callbacks", add_routes, add_vocabulary}; }

}  // namespace kefu::api
