// The members capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"
#include "members/domain/consent.hpp"
#include "members/domain/identity.hpp"
#include "members/domain/member_vocabulary.hpp"

namespace kefu::api {

void add_member_routes(RouteTable&);       // routes.cpp
void add_member_page_routes(RouteTable&);  // page_routes.cpp
void add_member_core_routes(RouteTable&);  // core_routes.cpp

namespace {

void add_routes(RouteTable& r) {
  add_member_routes(r);
  add_member_page_routes(r);
  add_member_core_routes(r);
}

void add_vocabulary(nlohmann::json& v) {
  v["member_tiers"] = terms_json<people::Tier>();
  v["care_flags"] = terms_json<people::CareFlag>();
  v["member_identity_kinds"] = terms_json<people::IdentityKind>();
  v["consent_channels"] = terms_json<people::ConsentChannel>();
}

}  // namespace

ApiModule members_api() { return {"members", add_routes, add_vocabulary}; }

}  // namespace kefu::api
