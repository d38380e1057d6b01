// The FAQ bot's operations API: its routes (core/api/module.hpp).
#include "core/api/module.hpp"

namespace kefu::api {

void add_bot_routes(RouteTable&);  // routes.cpp

namespace {

void add_routes(RouteTable& r) { add_bot_routes(r); }

}  // namespace

ApiModule bot_api() { return {"bot", add_routes}; }

}  // namespace kefu::api
