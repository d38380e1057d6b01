// The returns capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"
#include "returns/domain/return_record.hpp"
#include "returns/domain/vocabulary.hpp"

namespace kefu::api {

void add_returns_routes(RouteTable&);      // routes.cpp
void add_desk_return_routes(RouteTable&);  // desk_routes.cpp

namespace {

void add_routes(RouteTable& r) {
  add_returns_routes(r);
  add_desk_return_routes(r);
}

void add_vocabulary(nlohmann::json& v) {
  v["return_conditions"] = terms_json<returns::Condition>();
  v["return_promotions"] = terms_json<returns::Promotion>();
  v["return_decisions"] = terms_json<returns::Decision>();
  v["return_remedies"] = terms_json<returns::Remedy>();
  v["return_reasons"] = terms_json<returns::Reason>();
  v["return_states"] = terms_json<returns::State>();
}

}  // namespace

ApiModule returns_api() { return {"returns", add_routes, add_vocabulary}; }

}  // namespace kefu::api
