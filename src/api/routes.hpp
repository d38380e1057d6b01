#pragma once
// Route groups, one file each; build_router (routes.cpp) registers them all.
#include "api/services.hpp"
#include "http/router.hpp"

namespace kefu::api {

// Adapts a free handler function taking the services to http::Handler. The
// handler's reads on this io thread (authentication included) share one snapshot.
template <typename F>
http::Handler bind(Services& s, F f) {
  return [&s, f](http::Request& q, http::Reply p) {
    storage::Snapshot snapshot(s.db.reader());
    f(s, q, std::move(p));
  };
}

void add_auth_routes(http::Router&, Services&);
void add_org_routes(http::Router&, Services&);
void add_member_routes(http::Router&, Services&);
void add_ticket_routes(http::Router&, Services&);
void add_attachment_routes(http::Router&, Services&);

}  // namespace kefu::api
