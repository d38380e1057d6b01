#pragma once
// How a capability registers its routes: handlers bound to the services, each request's
// reads in one snapshot. build_router (routes.cpp) registers every capability of
// api_modules() (core/api/module.hpp).
#include "core/api/services.hpp"
#include "core/http/router.hpp"

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

}  // namespace kefu::api
