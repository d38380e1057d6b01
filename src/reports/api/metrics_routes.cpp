// The dashboards' figures: GET /reports/metrics and /reports/heatmap (reports/app/metrics.hpp).
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "reports/api/metrics_render.hpp"
#include "reports/app/metrics.hpp"

namespace kefu::api {
namespace {

nlohmann::json render_drill(const app::Drill& d) {
  nlohmann::json o = nlohmann::json::object();
  for (const auto& [k, v] : d) o[k] = v;
  return o;
}

nlohmann::json render(const app::Metrics& m) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : m.rows) {
    auto row = figures(r.m);
    row["key"] = r.key;
    row["label"] = r.label;
    row["previous"] = r.previous ? figures(*r.previous) : nlohmann::json(nullptr);
    row["drill"] = r.drill ? render_drill(*r.drill) : nlohmann::json(nullptr);
    rows.push_back(std::move(row));
  }
  return {{"from", m.from},
          {"to", m.to},
          {"previous", {{"from", m.previous_from}, {"to", m.previous_to}}},
          {"by", m.by},
          {"totals", figures(m.totals)},
          {"previous_totals", figures(m.previous_totals)},
          {"drill", render_drill(m.drill)},
          {"rows", std::move(rows)}};
}

// GET /reports/metrics?from=&to=&store_id=&by=
void metrics(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::MetricsQuery q{
      .from = req.query_value("from"), .to = req.query_value("to"), .store_id = query_int(req, "store_id")};
  if (req.has_query("by")) q.by = req.query_value("by");
  read(s, req, reply, actor, [q](app::Context& c) { return ok(200, render(app::report_metrics(c, q))); });
}

// GET /reports/heatmap?from=&to=&store_id=
void heatmap(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto from = req.query_value("from"), to = req.query_value("to");
  auto store = query_int(req, "store_id");
  read(s, req, reply, actor, [=](app::Context& c) {
    auto h = app::report_heatmap(c, from, to, store);
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& cell : h.cells)
      cells.push_back({{"weekday", cell.weekday}, {"hour", cell.hour}, {"contacts", cell.contacts}});
    return ok(200, {{"from", h.from}, {"to", h.to}, {"cells", std::move(cells)}});
  });
}

}  // namespace

void add_metrics_routes(RouteTable& r) {
  r.add("GET", "/api/v1/reports/metrics", staff("supervisor", "reports:read").on(Reach::store), metrics);
  r.add("GET", "/api/v1/reports/heatmap", staff("supervisor", "reports:read").on(Reach::store), heatmap);
}

}  // namespace kefu::api
