// Staff KPIs (绩效): the monthly sheet, one's own KPI, the rules; complaints and praise
// naming staff and their review; the case library (案例库).
#include "core/api/routes.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/app/validate.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "performance/api/render.hpp"
#include "performance/app/case_library.hpp"
#include "performance/app/staff_records.hpp"
#include "performance/storage/rules_json.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

std::string query_text(const http::Request& req, const char* name) {
  return req.has_query(name) ? req.query_value(name) : std::string();
}
std::optional<std::string> query_opt(const http::Request& req, const char* name) {
  if (!req.has_query(name) || req.query_value(name).empty()) return std::nullopt;
  return req.query_value(name);
}

int64_t required_store(const http::Request& req) {
  auto id = query_int(req, "store_id");
  if (!id) throw make_error(errors::kRequired, {{"what", "store_id"}}, "store_id");
  return *id;
}

std::string required_month(const http::Request& req) {
  auto m = query_opt(req, "month");
  if (!m) throw make_error(errors::kRequired, {{"what", "month"}}, "month");
  return *m;
}

void sheet(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto store = required_store(req);
  const auto month = required_month(req);
  const auto format = query_text(req, "format");
  if (!format.empty() && format != "json" && format != "csv")
    throw make_error(errors::kInvalidEnum, {{"field", "format"}, {"value", format}, {"allowed", "json, csv"}},
                     "format");
  const bool zh = !req.header("accept-language").starts_with("en");
  read_on_worker(s, req, reply, actor, [store, month, format, zh](app::Context& c) {
    auto sh = app::kpi_sheet(c, store, month);
    if (format != "csv") return ok(200, render_sheet(sh));
    auto r = http::Response::text(200, app::kpi_csv(sh, zh), "text/csv; charset=utf-8");
    r.set("Content-Disposition", "attachment; filename=\"kpi-" + std::to_string(store) + "-" + month + ".csv\"");
    return r;
  });
}

void mine(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto store = required_store(req);
  const auto month = required_month(req);
  read_on_worker(s, req, reply, actor, [store, month](app::Context& c) {
    auto m = app::my_kpi(c, store, month);
    auto j = render_sheet(m.sheet);
    j["ranked"] = m.ranked;
    return ok(200, j);
  });
}

void rules(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store = query_int(req, "store_id");
  read(s, req, reply, actor, [store](app::Context& c) { return ok(200, render_rules(app::kpi_rules(c, store))); });
}

void save_rules(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto store = maybe_int(b, "store_id");
  auto kpi = performance::kpi_rules_from(b.contains("kpi") ? b["kpi"] : json::array());
  auto bonus = performance::bonus_rules_from(b.contains("bonus") ? b["bonus"] : json::object());
  write(s, req, std::move(reply), actor, [store, kpi, bonus](app::Context& c) {
    return ok(200, render_rules(app::save_kpi_rules(c, store, kpi, bonus)));
  });
}

void record(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto about = req_int(b, "about_staff_id");
  auto summary = opt_string(b, "summary");
  write(s, req, std::move(reply), actor, [id, about, summary](app::Context& c) {
    auto r = app::record_staff(c, id, about, summary);
    return ok(201, render_records(c, {r})[0]);
  });
}

void ticket_records(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) {
    return ok(200, {{"items", render_records(c, app::ticket_staff_records(c, id))}});
  });
}

void list_records(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::StaffRecordQuery q{.store_id = required_store(req),
                          .staff_id = query_int(req, "staff_id"),
                          .kind = query_opt(req, "kind"),
                          .outcome = query_opt(req, "outcome"),
                          .month = query_opt(req, "month"),
                          .limit = static_cast<int>(query_int(req, "limit").value_or(200))};
  read(s, req, reply, actor, [q](app::Context& c) {
    return ok(200, {{"items", render_records(c, app::staff_records(c, q))}});
  });
}

void one_record(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor,
       [id](app::Context& c) { return ok(200, render_records(c, {app::staff_record(c, id)})[0]); });
}

void review(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  app::Review v{.outcome = app::parse_enum<performance::Outcome>("outcome", req_string(b, "outcome")),
                .responsibility = app::parse_enum<performance::Responsibility>("responsibility",
                                                                               opt_string(b, "responsibility", "none")),
                .action = app::parse_enum<performance::Action>("action", opt_string(b, "action", "none")),
                .notes = opt_string(b, "notes"),
                .version = maybe_int(b, "version")};
  write(s, req, std::move(reply), actor,
        [id, v](app::Context& c) { return ok(200, render_records(c, {app::review_complaint(c, id, v)})[0]); });
}

void cases(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::CaseQuery q{.store_id = query_int(req, "store_id"),
                   .kind = query_opt(req, "kind"),
                   .q = query_text(req, "q"),
                   .tag = query_text(req, "tag"),
                   .before_id = query_int(req, "before_id"),
                   .limit = static_cast<int>(query_int(req, "limit").value_or(50))};
  read(s, req, reply, actor, [q](app::Context& c) {
    auto items = json::array();
    for (const auto& e : app::case_library(c, q)) items.push_back(render_case_summary(e));
    return ok(200, {{"items", items}});
  });
}

void one_case(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ok(200, render_case(c, app::case_entry(c, id))); });
}

std::vector<std::string> tags_of(const json& b) {
  return b.contains("tags") ? string_list(b, "tags") : std::vector<std::string>{};
}

void create_case(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::NewCase n{.ticket_id = maybe_int(b, "ticket_id"),
                 .conversation_id = maybe_int(b, "conversation_id"),
                 .kind = app::parse_enum<performance::CaseKind>("kind", req_string(b, "kind")),
                 .title = req_string(b, "title"),
                 .lesson = req_string(b, "lesson"),
                 .tags = tags_of(b),
                 .story = maybe_string(b, "story")};
  write(s, req, std::move(reply), actor,
        [n](app::Context& c) { return ok(201, render_case(c, app::create_case(c, n))); });
}

void update_case(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  app::CasePatch p{.title = maybe_string(b, "title"),
                   .lesson = maybe_string(b, "lesson"),
                   .story = maybe_string(b, "story"),
                   .version = maybe_int(b, "version")};
  if (auto k = maybe_string(b, "kind")) p.kind = app::parse_enum<performance::CaseKind>("kind", *k);
  if (b.contains("tags")) p.tags = string_list(b, "tags");
  write(s, req, std::move(reply), actor,
        [id, p](app::Context& c) { return ok(200, render_case(c, app::update_case(c, id, p))); });
}

void case_story(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto ticket = query_int(req, "ticket_id");
  auto conversation = query_int(req, "conversation_id");
  read(s, req, reply, actor, [ticket, conversation](app::Context& c) {
    int64_t store = 0;
    auto story = app::preview_case_story(c, ticket, conversation, &store);
    return ok(200, {{"store_id", store}, {"story", story}});
  });
}

}  // namespace

void add_performance_routes(RouteTable& r) {
  r.add("GET", "/api/v1/performance/kpi", staff("supervisor", "reports:read").on(Reach::store), sheet);
  r.add("GET", "/api/v1/performance/my-kpi", staff("agent", "reports:read").on(Reach::store), mine);
  r.add("GET", "/api/v1/performance/rules", staff("agent", "reports:read"), rules);
  r.add("PUT", "/api/v1/performance/rules", staff("supervisor", "reports:write").on(Reach::store), save_rules);
  r.add("POST", "/api/v1/tickets/{id}/staff-records", staff("supervisor", "quality:write").on(Reach::ticket), record);
  r.add("GET", "/api/v1/tickets/{id}/staff-records", staff("agent", "quality:read").on(Reach::ticket), ticket_records);
  r.add("GET", "/api/v1/performance/staff-records", staff("agent", "quality:read").on(Reach::store), list_records);
  r.add("GET", "/api/v1/performance/staff-records/{id}",
        staff("agent", "quality:read").on(Reach::staff_complaint).owner_or_role("supervisor"), one_record);
  r.add("POST", "/api/v1/performance/staff-records/{id}/review",
        staff("supervisor", "quality:write").on(Reach::staff_complaint), review);
  r.add("GET", "/api/v1/performance/cases", staff("agent", "quality:read"), cases);
  r.add("GET", "/api/v1/performance/cases/{id}", staff("agent", "quality:read").on(Reach::case_entry), one_case);
  r.add("POST", "/api/v1/performance/cases", staff("supervisor", "quality:write"), create_case);
  r.add("PUT", "/api/v1/performance/cases/{id}", staff("supervisor", "quality:write").on(Reach::case_entry),
        update_case);
  r.add("GET", "/api/v1/performance/case-story", staff("supervisor", "quality:read"), case_story);
}

}  // namespace kefu::api
