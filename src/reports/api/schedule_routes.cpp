// Scheduled reports (定时报表): list, create, read, change, delete.
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "reports/app/schedules.hpp"

namespace kefu::api {
namespace {

nlohmann::json schedule_json(const storage::ReportSchedule& r) {
  return {{"id", r.id},
          {"store_id", or_null(r.store_id)},
          {"name", r.name},
          {"report", r.report},
          {"frequency", r.frequency},
          {"hour", r.hour},
          {"recipients", r.recipients},
          {"enabled", r.enabled},
          {"next_run_at", r.next_run_at},
          {"last_run_at", or_null(r.last_run_at)},
          {"last_result", r.last_result},
          {"created_by", r.created_by},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

app::ScheduleInput schedule_input(const nlohmann::json& b) {
  app::ScheduleInput in;
  in.store_id = maybe_int(b, "store_id");
  in.name = req_string(b, "name");
  in.report = opt_string(b, "report", "summary");
  in.frequency = req_string(b, "frequency");
  if (auto h = maybe_int(b, "hour")) in.hour = static_cast<int>(std::clamp<int64_t>(*h, -1, 24));
  in.recipients = string_list(b, "recipients");
  in.enabled = maybe_bool(b, "enabled").value_or(true);
  return in;
}

void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto store = query_int(req, "store_id");
  read(s, req, reply, actor, [store](app::Context& c) {
    auto items = nlohmann::json::array();
    for (const auto& r : app::list_schedules(c, store)) items.push_back(schedule_json(r));
    return ok(200, {{"items", items}});
  });
}

void create(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto in = schedule_input(parse_object(req));
  write(s, req, std::move(reply), actor,
        [in](app::Context& c) { return ok(201, schedule_json(app::create_schedule(c, in))); });
}

void get(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ok(200, schedule_json(app::get_schedule(c, id))); });
}

void update(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  const auto in = schedule_input(parse_object(req));
  write(s, req, std::move(reply), actor,
        [id, in](app::Context& c) { return ok(200, schedule_json(app::update_schedule(c, id, in))); });
}

void remove(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id](app::Context& c) {
    app::delete_schedule(c, id);
    return ok(200, {{"id", id}, {"deleted", true}});
  });
}

}  // namespace

void add_report_schedule_routes(RouteTable& r) {
  const auto reader = staff("supervisor", "reports:read"), writer = staff("supervisor", "reports:write");
  r.add("GET", "/api/v1/reports/schedules", reader, list);
  r.add("POST", "/api/v1/reports/schedules", writer.on(Reach::store), create);
  r.add("GET", "/api/v1/reports/schedules/{id}", reader.on(Reach::report_schedule), get);
  r.add("PUT", "/api/v1/reports/schedules/{id}", writer.on(Reach::report_schedule), update);
  r.add("DELETE", "/api/v1/reports/schedules/{id}", writer.on(Reach::report_schedule), remove);
}

}  // namespace kefu::api
