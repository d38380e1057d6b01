// The org capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"
#include "org/domain/role.hpp"

namespace kefu::api {

void add_org_routes(RouteTable&);  // routes.cpp

namespace {

void add_routes(RouteTable& r) { add_org_routes(r); }

void add_vocabulary(nlohmann::json& v) {
  v["roles"] = terms_json<people::Role>();
  v["department_kinds"] = terms_json<people::DepartmentKind>();
}

}  // namespace

ApiModule org_api() { return {"org", add_routes, add_vocabulary}; }

}  // namespace kefu::api
