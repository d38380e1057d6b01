// The managers' dashboard.
#include "core/api/routes.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "reports/app/reports.hpp"

namespace kefu::api {
namespace {

nlohmann::json render(const app::DashboardCounts& d) {
  auto pairs = [](const std::vector<std::pair<std::string, int64_t>>& v) {
    nlohmann::json o = nlohmann::json::object();
    for (const auto& [k, n] : v) o[k] = n;
    return o;
  };
  return {{"from", d.from_ms},
          {"to", d.to_ms},
          {"created", d.counts.created},
          {"by_type", pairs(d.counts.by_type)},
          {"by_channel", pairs(d.counts.by_channel)},
          {"open", d.counts.open},
          {"overdue", d.counts.overdue}};
}

// GET /reports/dashboard?from=&to=&store_id=: today's contacts by type and channel, open
// and overdue tickets.
void dashboard(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto from = query_time(req, "from");
  auto to = query_time(req, "to");
  auto store = query_int(req, "store_id");
  read(s, req, reply, actor,
       [=](app::Context& c) { return ok(200, render(app::dashboard_counts(c, from, to, store))); });
}

}  // namespace

void add_report_routes(RouteTable& r) {
  r.add("GET", "/api/v1/reports/dashboard", staff("agent", "tickets:read").on(Reach::store), dashboard);
}

}  // namespace kefu::api
