// The purchases API: its routes (core/api/module.hpp) and vocabularies.
#include "core/api/module.hpp"
#include "purchases/domain/category.hpp"

namespace kefu::api {

void add_purchase_routes(RouteTable&);  // routes.cpp

namespace {

void add_routes(RouteTable& r) { add_purchase_routes(r); }

void add_vocabulary(nlohmann::json& v) { v["purchase_categories"] = terms_json<purchase::Category>(); }

}  // namespace

ApiModule purchases_api() { return {"purchases", add_routes, add_vocabulary}; }

}  // namespace kefu::api
