// The privacy capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"
#include "privacy/domain/request.hpp"
#include "privacy/domain/retention.hpp"

namespace kefu::api {

void add_privacy_routes(RouteTable&);  // routes.cpp

namespace {

void add_routes(RouteTable& r) { add_privacy_routes(r); }

void add_vocabulary(nlohmann::json& v) {
  v["privacy_request_states"] = terms_json<privacy::RequestState>();
  v["retention_kinds"] = terms_json<privacy::RetentionKind>();
}

}  // namespace

ApiModule privacy_api() { return {"privacy", add_routes, add_vocabulary}; }

}  // namespace kefu::api
