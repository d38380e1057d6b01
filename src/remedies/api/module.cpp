// The remedies capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"
#include "remedies/domain/authority.hpp"

namespace kefu::api {

void add_remedy_routes(RouteTable&);  // routes.cpp

namespace {

void add_routes(RouteTable& r) { add_remedy_routes(r); }

void add_vocabulary(nlohmann::json& v) {
  using namespace remedy;
  v["resolution_kinds"] = terms_json<Kind>([](Kind k, nlohmann::json& j) { j["money"] = has_amount(k.code()); });
  v["compensations"] = terms_json<Form>();
  v["resolution_statuses"] = terms_json<remedy::Status>();
}

}  // namespace

ApiModule remedies_api() { return {"remedies", add_routes, add_vocabulary}; }

}  // namespace kefu::api
