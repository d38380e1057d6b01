// The notifications capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"

namespace kefu::api {

void add_notification_routes(http::Router&, Services&);  // routes.cpp

namespace {

void add_routes(http::Router& r, Services& s) { add_notification_routes(r, s); }

}  // namespace

ApiModule notifications_api() { return {"notifications", add_routes}; }

}  // namespace kefu::api
