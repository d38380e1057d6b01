// SLA policies, store calendars and authority limits.
#include "api/routes.hpp"

namespace kefu::api {

void add_sla_routes(http::Router&, Services&) {}

}  // namespace kefu::api
