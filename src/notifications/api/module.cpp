// The notifications capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"

namespace kefu::api {

void add_notification_routes(RouteTable&);  // routes.cpp

namespace {

void add_routes(RouteTable& r) { add_notification_routes(r); }

}  // namespace

ApiModule notifications_api() { return {"notifications", add_routes}; }

}  // namespace kefu::api
