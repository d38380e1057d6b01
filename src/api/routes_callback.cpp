// Callback (回访) outcomes and CSAT (满意度) links, incl. the public rating endpoints.
#include "api/routes.hpp"

namespace kefu::api {

void add_callback_routes(http::Router&, Services&) {}

}  // namespace kefu::api
