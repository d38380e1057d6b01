// GET /reports/metrics/export: the dashboard's figures (GET /reports/metrics, same query and
// access) as a sheet — one row per group, the totals last, each with the previous period's
// contacts beside it.
#include "core/api/file_response.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "reports/app/metrics.hpp"

namespace kefu::api {
namespace {

app::Cell ratio(int64_t part, int64_t whole) {
  if (whole <= 0) return app::Cell{};
  return app::Cell{static_cast<double>(part) / static_cast<double>(whole)};
}
app::Cell minutes(int64_t sum, int64_t n) { return n > 0 ? app::Cell{sum / n / 60000} : app::Cell{}; }

std::vector<app::Cell> figures(app::Cell label, const reports::Measures& m, const reports::Measures* previous) {
  return {label,
          m.contacts,
          previous ? app::Cell{previous->contacts} : app::Cell{},
          m.resolved,
          minutes(m.frt_sum_ms, m.frt_n),
          minutes(m.res_sum_ms, m.res_n),
          ratio(m.sla_met, m.sla_met + m.sla_missed),
          ratio(m.fcr, m.resolved),
          ratio(m.reopened, m.contacts),
          m.csat_n > 0 ? app::Cell{static_cast<double>(m.csat_sum) / static_cast<double>(m.csat_n)} : app::Cell{},
          ratio(m.csat_good, m.csat_n)};
}

app::Table metrics_table(const app::Metrics& m, bool zh) {
  using K = app::ColumnKind;
  auto h = [zh](const char* z, const char* e) { return std::string(zh ? z : e); };
  app::Table t;
  t.name = zh ? "服务指标" : "Metrics";
  t.columns = {{h("分组", "Group"), K::text, 18},
               {h("接待量", "Contacts"), K::integer, 10},
               {h("上期接待量", "Previous contacts"), K::integer, 12},
               {h("办结", "Resolved"), K::integer, 8},
               {h("平均首次响应(分钟)", "Avg first response (min)"), K::integer, 18},
               {h("平均办结用时(分钟)", "Avg resolution (min)"), K::integer, 18},
               {h("SLA 达标率", "SLA rate"), K::percent, 11},
               {h("一次解决率", "FCR rate"), K::percent, 11},
               {h("重开率", "Reopen rate"), K::percent, 9},
               {h("满意度均分", "CSAT average"), K::text, 11},
               {h("好评率", "CSAT good rate"), K::percent, 9}};
  for (const auto& r : m.rows)
    t.rows.push_back(figures(r.label.empty() ? r.key : r.label, r.m, r.previous ? &*r.previous : nullptr));
  t.rows.push_back(figures(h("合计", "Total"), m.totals, &m.previous_totals));
  return t;
}

void metrics_export(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::MetricsQuery q{
      .from = req.query_value("from"), .to = req.query_value("to"), .store_id = query_int(req, "store_id")};
  if (req.has_query("by")) q.by = req.query_value("by");
  const auto format = export_format(req);
  const bool zh = wants_zh(req);
  read_on_worker(s, req, reply, actor, [q, format, zh](app::Context& c) {
    const auto m = app::report_metrics(c, q);
    return table_response(metrics_table(m, zh), format, (zh ? "服务指标-" : "metrics-") + m.from + "-" + m.to);
  });
}

}  // namespace

void add_metrics_export_routes(RouteTable& r) {
  r.add("GET", "/api/v1/reports/metrics/export", staff("supervisor", "reports:read").on(Reach::store), metrics_export);
}

}  // namespace kefu::api
