// The performance capability's API: staff KPIs, the service bonus, complaints against staff
// and the case library (core/api/module.hpp).
#include "core/api/module.hpp"
#include "performance/domain/kpi.hpp"
#include "performance/domain/records.hpp"

namespace kefu::api {

void add_performance_routes(RouteTable&);  // routes.cpp

namespace {

void add_routes(RouteTable& r) { add_performance_routes(r); }

void add_vocabulary(nlohmann::json& v) {
  v["kpi_measures"] = terms_json<performance::Measure>();
  v["staff_record_kinds"] = terms_json<performance::RecordKind>();
  v["complaint_outcomes"] = terms_json<performance::Outcome>();
  v["complaint_responsibilities"] = terms_json<performance::Responsibility>();
  v["complaint_actions"] = terms_json<performance::Action>();
  v["case_kinds"] = terms_json<performance::CaseKind>();
}

}  // namespace

ApiModule performance_api() { return {"performance", add_routes, add_vocabulary}; }

}  // namespace kefu::api
