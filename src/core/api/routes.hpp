#pragma once
// Route groups, one file each; build_router (routes.cpp) registers them all.
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

void add_auth_routes(http::Router&, Services&);
void add_org_routes(http::Router&, Services&);
void add_member_routes(http::Router&, Services&);
void add_ticket_routes(http::Router&, Services&);
void add_attachment_routes(http::Router&, Services&);
void add_sla_routes(http::Router&, Services&);           // policies, calendars, authority limits
void add_notification_routes(http::Router&, Services&);  // the notification centre, REST + SSE
void add_resolution_routes(http::Router&, Services&);    // 办结 with authority limits and approvals
void add_callback_routes(http::Router&, Services&);      // 回访 and CSAT links (public rating page API)
void add_report_routes(http::Router&, Services&);        // SLA compliance report + CSV
void add_public_routes(http::Router&, Services&);        // the customer's mobile page: submit, track, reply

}  // namespace kefu::api
