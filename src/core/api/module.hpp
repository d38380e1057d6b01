#pragma once
// A capability's API, as src/modules/routes.cpp lists it: its routes, each with who may
// call it (core/api/access.hpp; documented in its own src/<name>/api/openapi.yaml, which
// the OpenAPI tests check, and proven by the access matrix test) and the closed
// vocabularies its forms and filters use (GET /api/v1/meta/vocabulary, `kefu vocabulary`).
#include <nlohmann/json.hpp>
#include <span>
#include <string_view>

#include "core/api/access.hpp"
#include "core/domain/vocabulary.hpp"

namespace kefu::api {

struct ApiModule {
  std::string_view name;  // the capability's folder under src/
  void (*add_routes)(RouteTable&) = nullptr;
  void (*add_vocabulary)(nlohmann::json&) = nullptr;
};

// Every capability's API, in the order their routes are registered.
std::span<const ApiModule> api_modules();

// Every vocabulary of every capability, as one JSON object: {"types": [{code, zh, en}, …], …}.
nlohmann::json vocabulary();

// A vocabulary's terms as JSON; `extra(term, item)` may add fields to each.
template <class C, class Extra>
nlohmann::json terms_json(Extra extra) {
  auto out = nlohmann::json::array();
  for (const auto& t : C::terms()) {
    nlohmann::json item{{"code", t.code}, {"zh", t.zh}, {"en", t.en}};
    extra(C(t.value), item);
    out.push_back(std::move(item));
  }
  return out;
}
template <class C>
nlohmann::json terms_json() {
  return terms_json<C>([](C, nlohmann::json&) {});
}

}  // namespace kefu::api
