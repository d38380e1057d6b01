// The sla capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"
#include "sla/domain/target.hpp"

namespace kefu::api {

void add_sla_routes(RouteTable&);         // routes.cpp
void add_sla_report_routes(RouteTable&);  // routes_report.cpp

namespace {

void add_routes(RouteTable& r) {
  add_sla_routes(r);
  add_sla_report_routes(r);
}

void add_vocabulary(nlohmann::json& v) {
  auto metrics = nlohmann::json::array();
  for (const auto& t : sla::kMetricTerms) metrics.push_back({{"code", t.code}, {"zh", t.zh}, {"en", t.en}});
  v["sla_metrics"] = metrics;
}

}  // namespace

ApiModule sla_api() { return {"sla", add_routes, add_vocabulary}; }

}  // namespace kefu::api
