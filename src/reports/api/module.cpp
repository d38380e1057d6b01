// The reports capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"

namespace kefu::api {

void add_report_routes(RouteTable&);           // routes.cpp
void add_metrics_routes(RouteTable&);          // metrics_routes.cpp
void add_metrics_export_routes(RouteTable&);   // metrics_export_routes.cpp
void add_report_export_routes(RouteTable&);    // export_routes.cpp
void add_report_schedule_routes(RouteTable&);  // schedule_routes.cpp
void add_live_routes(RouteTable&);             // live_routes.cpp

namespace {

void add_routes(RouteTable& r) {
  add_report_routes(r);
  add_live_routes(r);
  add_metrics_routes(r);
  add_metrics_export_routes(r);
  add_report_export_routes(r);
  add_report_schedule_routes(r);
}

}  // namespace

ApiModule reports_api() { return {"reports", add_routes}; }

}  // namespace kefu::api
