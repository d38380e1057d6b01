// The public_tickets capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"

namespace kefu::api {

void add_public_routes(RouteTable&);  // routes.cpp

namespace {

void add_routes(RouteTable& r) { add_public_routes(r); }

}  // namespace

ApiModule public_tickets_api() { return {"public_tickets", add_routes}; }

}  // namespace kefu::api
