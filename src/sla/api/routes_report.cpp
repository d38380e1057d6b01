// The SLA compliance report (JSON and CSV).
#include <date/date.h>

#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "sla/app/compliance_report.hpp"

namespace kefu::api {
namespace {

// "2026-11-22" on the China wall clock (UTC+8, no DST), for file names.
std::string china_date(int64_t ms) {
  auto tp = date::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms}} + std::chrono::hours(8);
  return date::format("%F", date::floor<date::days>(tp));
}

bool wants_csv(const http::Request& req) {
  if (req.has_query("format")) {
    auto f = req.query_value("format");
    if (f == "csv") return true;
    if (f == "json") return false;
    throw make_error(errors::kInvalidEnum, {{"field", "format"}, {"value", f}, {"allowed", "json, csv"}}, "format");
  }
  return req.header("accept").find("text/csv") != std::string::npos;
}

// GET /reports/sla's query.
struct ReportQuery {
  int64_t from = 0, to = 0;
  sla::Dimension group_by = sla::Dimension::store;
  std::optional<int64_t> store_id;
  bool csv = false, zh = true;
};

ReportQuery report_query(const http::Request& req) {
  ReportQuery q;
  auto from = query_time(req, "from");
  auto to = query_time(req, "to");
  if (!from) throw make_error(errors::kRequired, {{"what", "from"}}, "from");
  if (!to) throw make_error(errors::kRequired, {{"what", "to"}}, "to");
  const auto group_by = req.has_query("group_by") ? req.query_value("group_by") : std::string("store");
  auto d = sla::dimension_from(group_by);
  if (!d)
    throw make_error(
        errors::kInvalidEnum,
        {{"field", "group_by"}, {"value", group_by}, {"allowed", "store, type, priority, channel, day, week, month"}},
        "group_by");
  return {*from, *to, *d, query_int(req, "store_id"), wants_csv(req), !req.header("accept-language").starts_with("en")};
}

http::Response render(const ReportQuery& q, const std::vector<sla::ComplianceRow>& rows, int64_t as_of) {
  if (q.csv) {
    auto r = http::Response::text(200, sla::compliance_csv(rows, q.group_by, q.zh), "text/csv; charset=utf-8");
    r.set("Content-Disposition",
          "attachment; filename=\"sla-compliance-" + china_date(q.from) + "-" + china_date(q.to) + ".csv\"");
    return r;
  }
  auto items = nlohmann::json::array();
  for (const auto& row : rows)
    items.push_back(
        {{"key", row.key},
         {"metric", sla::name(row.metric)},
         {"total", row.total},
         {"met", row.met},
         {"missed", row.missed},
         {"open", row.open},
         {"rate", row.rate < 0 ? nlohmann::json(nullptr) : nlohmann::json(row.rate)},
         {"avg_elapsed_ms", row.avg_elapsed_ms < 0 ? nlohmann::json(nullptr) : nlohmann::json(row.avg_elapsed_ms)}});
  return ok(200, {{"group_by", sla::name(q.group_by)},
                  {"from", q.from},
                  {"to", q.to},
                  {"store_id", q.store_id ? nlohmann::json(*q.store_id) : nlohmann::json(nullptr)},
                  {"as_of", as_of},
                  {"rows", items}});
}

void sla_report(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto q = report_query(req);
  read(s, req, reply, actor, [q](app::Context& c) {
    return render(q, app::sla_compliance(c, q.from, q.to, q.group_by, q.store_id), c.now_ms);
  });
}

}  // namespace

void add_sla_report_routes(RouteTable& r) {
  r.add("GET", "/api/v1/reports/sla", staff("supervisor", "tickets:read").on(Reach::store), sla_report);
}

}  // namespace kefu::api
