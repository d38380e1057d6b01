// The notification centre: list, mark read, and the live SSE stream.
#include "api/routes.hpp"

namespace kefu::api {

void add_notification_routes(http::Router&, Services&) {}

}  // namespace kefu::api
