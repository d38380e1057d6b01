// GET /tickets/export: the ticket list's filters and scope, every page, as XLSX or CSV.
#include "core/api/file_response.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "tickets/api/ticket_query.hpp"
#include "tickets/app/ticket_export.hpp"

namespace kefu::api {
namespace {

void export_tickets(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto q = ticket_query(req, actor, s.now_ms());
  const auto format = export_format(req);
  const bool zh = wants_zh(req);
  read_on_worker(s, req, reply, actor, [q, format, zh](app::Context& c) {
    const auto table = app::ticket_table(c, q, zh);
    return table_response(table, format, (zh ? "工单-" : "tickets-") + local_date(c.now_ms, table.time_zone));
  });
}

}  // namespace

void add_ticket_export_routes(RouteTable& r) {
  r.add("GET", "/api/v1/tickets/export", staff("agent", "tickets:read"), export_tickets);
}

}  // namespace kefu::api
