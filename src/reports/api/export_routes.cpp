// Reports as files and the printable monthly report: GET /reports/monthly (JSON for the
// print view), /reports/monthly/export and /reports/sla/export (XLSX or CSV).
#include <nlohmann/json.hpp>

#include "core/api/file_response.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/app/xlsx_writer.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "reports/api/metrics_render.hpp"
#include "reports/app/monthly.hpp"
#include "sla/app/compliance_report.hpp"
#include "sla/domain/target.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

json lines_json(const std::vector<app::CountLine>& lines) {
  auto a = json::array();
  for (const auto& l : lines) a.push_back({{"key", l.key}, {"current", l.current}, {"previous", l.previous}});
  return a;
}

json summary_json(const app::ServiceSummary& s) {
  auto sla = json::array();
  for (const auto& r : s.sla)
    sla.push_back({{"metric", sla::name(r.metric)},
                   {"total", r.total},
                   {"met", r.met},
                   {"missed", r.missed},
                   {"open", r.open},
                   {"rate", r.rate < 0 ? json(nullptr) : json(r.rate)},
                   {"avg_elapsed_ms", r.avg_elapsed_ms < 0 ? json(nullptr) : json(r.avg_elapsed_ms)}});
  return {{"store_id", or_null(s.period.store_id)},
          {"store_name", s.store_name},
          {"time_zone", s.time_zone},
          {"label", s.period.label},
          {"from", s.period.from},
          {"to", s.period.to},
          {"previous_from", s.period.previous_from},
          {"created", s.created},
          {"created_previous", s.created_previous},
          {"open", s.open},
          {"overdue", s.overdue},
          {"by_type", lines_json(s.by_type)},
          {"by_channel", lines_json(s.by_channel)},
          {"sla", sla},
          {"service", figures(s.service)},
          {"service_previous", figures(s.service_previous)},
          {"nps",
           {{"promoters", s.nps.promoters},
            {"passives", s.nps.passives},
            {"detractors", s.nps.detractors},
            {"score", or_null(s.nps.score)}}},
          {"returns", s.returns},
          {"refunded_fen", s.refunded_fen},
          {"return_reasons", lines_json(s.return_reasons)},
          {"complaint_causes", lines_json(s.complaint_causes)}};
}

struct MonthQuery {
  int64_t store_id = 0;
  std::string month;
};

MonthQuery month_query(const http::Request& req) {
  auto store = query_int(req, "store_id");
  if (!store) throw make_error(errors::kRequired, {{"what", "store_id"}}, "store_id");
  if (!req.has_query("month")) throw make_error(errors::kRequired, {{"what", "month"}}, "month");
  return {*store, req.query_value("month")};
}

void monthly(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto q = month_query(req);
  read_on_worker(s, req, reply, actor, [q](app::Context& c) {
    return ok(200, summary_json(app::service_summary(c, app::month_period(c, q.store_id, q.month))));
  });
}

void monthly_export(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto q = month_query(req);
  const auto format = export_format(req);
  const bool zh = wants_zh(req);
  read_on_worker(s, req, reply, actor, [q, format, zh](app::Context& c) {
    const auto summary = app::service_summary(c, app::month_period(c, q.store_id, q.month));
    auto tables = app::summary_tables(summary, zh);
    for (auto& t : tables) t.time_zone = summary.time_zone;
    const std::string name = (zh ? "月度服务报告-" : "monthly-report-") + summary.store_name + "-" + q.month;
    if (format == app::ExportFormat::csv) return table_response(tables.front(), format, name);
    return file_response(
        {app::xlsx_workbook(tables), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"},
        name);
  });
}

// GET /reports/sla/export: the compliance report (GET /reports/sla's query) as a sheet.
void sla_export(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto from = query_time(req, "from");
  auto to = query_time(req, "to");
  if (!from) throw make_error(errors::kRequired, {{"what", "from"}}, "from");
  if (!to) throw make_error(errors::kRequired, {{"what", "to"}}, "to");
  const auto group_by = req.has_query("group_by") ? req.query_value("group_by") : std::string("store");
  const auto d = sla::dimension_from(group_by);
  if (!d)
    throw make_error(
        errors::kInvalidEnum,
        {{"field", "group_by"}, {"value", group_by}, {"allowed", "store, type, priority, channel, day, week, month"}},
        "group_by");
  const auto store = query_int(req, "store_id");
  const auto format = export_format(req);
  const bool zh = wants_zh(req);
  read_on_worker(s, req, reply, actor, [=](app::Context& c) {
    const auto rows = app::sla_compliance(c, *from, *to, *d, store);
    app::Table t;
    t.name = zh ? "SLA 达标" : "SLA";
    t.columns = {{zh ? std::string(sla::name_zh(*d)) : std::string(sla::name(*d)), app::ColumnKind::text, 16},
                 {zh ? "指标" : "Metric", app::ColumnKind::text, 14},
                 {zh ? "总数" : "Total", app::ColumnKind::integer, 8},
                 {zh ? "达标" : "Met", app::ColumnKind::integer, 8},
                 {zh ? "超时" : "Missed", app::ColumnKind::integer, 8},
                 {zh ? "进行中" : "Open", app::ColumnKind::integer, 8},
                 {zh ? "达标率" : "Rate", app::ColumnKind::percent, 10},
                 {zh ? "平均用时(分钟)" : "Average (minutes)", app::ColumnKind::integer, 14}};
    for (const auto& r : rows)
      t.rows.push_back({r.key, std::string(zh ? sla::name_zh(r.metric) : sla::name(r.metric)), r.total, r.met, r.missed,
                        r.open, r.rate < 0 ? app::Cell{} : app::Cell{r.rate},
                        r.avg_elapsed_ms < 0 ? app::Cell{} : app::Cell{r.avg_elapsed_ms / 60000}});
    return table_response(t, format, (zh ? "SLA达标-" : "sla-") + local_date(*from) + "-" + local_date(*to - 1));
  });
}

}  // namespace

void add_report_export_routes(RouteTable& r) {
  r.add("GET", "/api/v1/reports/monthly", staff("supervisor", "reports:read").on(Reach::store), monthly);
  r.add("GET", "/api/v1/reports/monthly/export", staff("supervisor", "reports:read").on(Reach::store), monthly_export);
  r.add("GET", "/api/v1/reports/sla/export", staff("supervisor", "tickets:read").on(Reach::store), sla_export);
}

}  // namespace kefu::api
