// The reports capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"

namespace kefu::api {

void add_report_routes(http::Router&, Services&);  // routes.cpp

namespace {

void add_routes(http::Router& r, Services& s) { add_report_routes(r, s); }

}  // namespace

ApiModule reports_api() { return {"reports", add_routes}; }

}  // namespace kefu::api
