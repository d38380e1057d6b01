#pragma once
// What a capability's api/routes.cpp includes to declare its routes: handlers
// `void(Services&, http::Request&, http::Reply)` added to the RouteTable with who may call
// them (core/api/access.hpp). build_router (routes.cpp) binds every capability's routes of
// api_modules() (core/api/module.hpp) to the services: each request's reads share one
// snapshot, and the access check runs before the handler.
#include "core/api/access.hpp"
#include "core/api/services.hpp"
