// The knowledge base's API: its routes (core/api/module.hpp).
#include "core/api/module.hpp"

namespace kefu::api {

void add_kb_entry_routes(RouteTable&);     // entry_routes.cpp (entries, versions, variants)
void add_kb_catalog_routes(RouteTable&);   // catalog_routes.cpp (categories, synonyms, small talk, files)
void add_kb_learning_routes(RouteTable&);  // learning_routes.cpp (match, signals, paraphrase pairs)

namespace {

void add_routes(RouteTable& r) {
  add_kb_entry_routes(r);
  add_kb_catalog_routes(r);
  add_kb_learning_routes(r);
}

}  // namespace

ApiModule kb_api() { return {"kb", add_routes}; }

}  // namespace kefu::api
