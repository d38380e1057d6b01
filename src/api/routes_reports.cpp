// The SLA compliance report (JSON and CSV).
#include "api/routes.hpp"

namespace kefu::api {

void add_report_routes(http::Router&, Services&) {}

}  // namespace kefu::api
