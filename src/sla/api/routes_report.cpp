// The SLA compliance report (JSON and CSV).
#include <date/date.h>

#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
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
    throw invalid("format", "format 应为 json 或 csv", "format must be json or csv", "invalid_enum");
  }
  return req.header("accept").find("text/csv") != std::string::npos;
}

void sla_report(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto from = query_time(req, "from");
  auto to = query_time(req, "to");
  if (!from) throw invalid("from", "缺少必填参数 from", "missing required parameter from", "required");
  if (!to) throw invalid("to", "缺少必填参数 to", "missing required parameter to", "required");
  const auto group_by = req.has_query("group_by") ? req.query_value("group_by") : std::string("store");
  auto d = sla::dimension_from(group_by);
  if (!d)
    throw invalid("group_by", "group_by 应为 store、type、priority、channel、day、week 或 month",
                  "group_by must be store, type, priority, channel, day, week or month", "invalid_enum");
  auto store_id = query_int(req, "store_id");
  const bool csv = wants_csv(req);
  const bool zh = !req.header("accept-language").starts_with("en");
  read(s, req, reply, actor, [=](app::Context& c) {
    auto rows = app::sla_compliance(c, *from, *to, *d, store_id);
    if (csv) {
      auto r = http::Response::text(200, sla::compliance_csv(rows, *d, zh), "text/csv; charset=utf-8");
      r.set("Content-Disposition",
            "attachment; filename=\"sla-compliance-" + china_date(*from) + "-" + china_date(*to) + ".csv\"");
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
    return ok(200, {{"group_by", sla::name(*d)},
                    {"from", *from},
                    {"to", *to},
                    {"store_id", store_id ? nlohmann::json(*store_id) : nlohmann::json(nullptr)},
                    {"as_of", c.now_ms},
                    {"rows", items}});
  });
}

}  // namespace

void add_sla_report_routes(http::Router& r, Services& s) { r.add("GET", "/api/v1/reports/sla", bind(s, sla_report)); }

}  // namespace kefu::api
