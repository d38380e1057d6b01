// The public_tickets capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"

namespace kefu::api {

void add_public_routes(http::Router&, Services&);  // routes.cpp

namespace {

void add_routes(http::Router& r, Services& s) { add_public_routes(r, s); }

}  // namespace

ApiModule public_tickets_api() { return {"public_tickets", add_routes}; }

}  // namespace kefu::api
