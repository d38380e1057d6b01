// Resolution (办结) with authority limits and approvals.
#include "api/routes.hpp"

namespace kefu::api {

void add_resolution_routes(http::Router&, Services&) {}

}  // namespace kefu::api
