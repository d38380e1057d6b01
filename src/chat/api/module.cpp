// The chat capability's API: its routes and vocabularies (core/api/module.hpp).
#include "core/api/module.hpp"

namespace kefu::api {

void add_chat_routes(RouteTable&);         // routes.cpp (conversations, presence, the live view)
void add_chat_canned_routes(RouteTable&);  // canned_routes.cpp (canned replies, chat settings)
void add_chat_export_routes(RouteTable&);  // export_routes.cpp (the list as XLSX/CSV)

namespace {

void add_routes(RouteTable& r) {
  add_chat_routes(r);
  add_chat_canned_routes(r);
  add_chat_export_routes(r);
}

}  // namespace

ApiModule chat_api() { return {"chat", add_routes}; }

}  // namespace kefu::api
