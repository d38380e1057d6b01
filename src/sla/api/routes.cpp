// SLA policies with their escalation ladders, and store business calendars.
#include "core/api/routes.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "sla/app/sla.hpp"
#include "sla/app/sla_admin.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "sla/storage/sla_json.hpp"

namespace kefu::api {
namespace {

storage::SlaPolicyRecord policy_from(const json& b) {
  storage::SlaPolicyRecord r;
  r.policy.name = req_string(b, "name");
  r.policy.position = static_cast<int>(req_int(b, "position"));
  r.policy.conditions = storage::conditions_from(b.value("conditions", json()));
  if (!b.contains("targets")) throw make_error(errors::kRequired, {{"what", "targets"}}, "targets");
  r.policy.targets = storage::targets_from(b["targets"]);
  r.ladder = storage::ladder_from(b.value("ladder", json()));
  return r;
}

json render_calendar(int64_t store_id, const sla::CalendarSpec& s) {
  auto j = storage::to_json(s);
  j["store_id"] = store_id;
  return j;
}

sla::CalendarSpec calendar_from(const json& b) {
  sla::CalendarSpec s;
  s.time_zone = opt_string(b, "time_zone", "Asia/Shanghai");
  if (!b.contains("weekly") || !b["weekly"].is_array())
    throw make_error(errors::kRequired, {{"what", Text("每周营业时间", "weekly opening hours")}}, "weekly");
  for (std::size_t i = 0; i < b["weekly"].size(); ++i) {
    const auto& p = b["weekly"][i];
    const std::string f = "weekly[" + std::to_string(i) + "]";
    if (!p.is_object())
      throw make_error(errors::kInvalidType, {{"field", f}, {"expected", Text("对象", "an object")}}, f);
    s.weekly.push_back({static_cast<int>(req_int(p, "weekday")), req_string(p, "open"), req_string(p, "close")});
  }
  if (b.contains("special_days")) {
    if (!b["special_days"].is_array())
      throw make_error(errors::kInvalidType, {{"field", "special_days"}, {"expected", Text("数组", "an array")}},
                       "special_days");
    for (std::size_t i = 0; i < b["special_days"].size(); ++i) {
      const auto& d = b["special_days"][i];
      const std::string f = "special_days[" + std::to_string(i) + "]";
      if (!d.is_object())
        throw make_error(errors::kInvalidType, {{"field", f}, {"expected", Text("对象", "an object")}}, f);
      s.special_days.push_back({req_string(d, "date"),
                                storage::hours_from(d.value("hours", json::array()), f + ".hours"),
                                opt_string(d, "name")});
    }
  }
  return s;
}

void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  bool retired = req.query_value("include_retired") == "1" || req.query_value("include_retired") == "true";
  read(s, req, reply, actor, [retired](app::Context& c) {
    json items = json::array();
    for (const auto& r : app::list_policies(c, retired)) items.push_back(storage::to_json(r));
    return ok(200, {{"items", items}});
  });
}

void create(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto in = policy_from(parse_object(req));
  write(s, req, std::move(reply), actor,
        [in](app::Context& c) { return ok(201, storage::to_json(app::create_policy(c, in))); });
}

void update(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto in = policy_from(b);
  auto version = if_match(req);
  if (!version) version = req_int(b, "version");
  write(s, req, std::move(reply), actor, [id, in, v = *version](app::Context& c) {
    return ok(200, storage::to_json(app::update_policy(c, id, in, v)));
  });
}

void retire(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor,
        [id](app::Context& c) { return ok(200, storage::to_json(app::retire_policy(c, id))); });
}

void get_calendar(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ok(200, render_calendar(id, app::get_calendar(c, id))); });
}

void put_calendar(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto spec = calendar_from(parse_object(req));
  write(s, req, std::move(reply), actor,
        [id, spec](app::Context& c) { return ok(200, render_calendar(id, app::put_calendar(c, id, spec))); });
}

// GET …/calendar/deadline?from=<time>&minutes=N: the business-time deadline, e.g. for
// a form that shows "due 明天 10:30" before the ticket exists.
void deadline(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto from = query_time(req, "from").value_or(s.now_ms());
  auto minutes = query_int(req, "minutes");
  if (!minutes) throw make_error(errors::kRequired, {{"what", "minutes"}}, "minutes");
  read(s, req, reply, actor, [id, from, m = *minutes](app::Context& c) {
    return ok(200,
              {{"store_id", id}, {"from", from}, {"minutes", m}, {"due_at", app::calendar_deadline(c, id, from, m)}});
  });
}

json opt_ms(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }
json opt_instant(const std::optional<sla::Instant>& v) { return v ? json(sla::to_unix_ms(*v)) : json(nullptr); }

// A ticket's SLA explained: each clock's state, the events that explain it, the steps fired.
json render(int64_t ticket_id, const app::TicketSla& v) {
  json clocks = json::array();
  for (const auto& cv : v.clocks) {
    const auto& st = cv.state;
    json target =
        st.target ? json{{"minutes", st.target->minutes}, {"mode", sla::name(st.target->mode)}} : json(nullptr);
    clocks.push_back({{"metric", sla::name(st.metric)},
                      {"metric_zh", sla::name_zh(st.metric)},
                      {"phase", sla::name(st.phase)},
                      {"cycle", st.cycle},
                      {"target", target},
                      {"due_at", opt_ms(cv.due_at)},
                      {"elapsed_ms", cv.elapsed_ms},
                      {"breached", cv.breached},
                      {"breached_at", opt_instant(st.breached_at)},
                      {"finished_at", opt_instant(st.finished_at)}});
  }
  json events = json::array();
  for (const auto& e : v.events) {
    json j{{"metric", sla::name(e.metric)},
           {"kind", sla::name(e.kind)},
           {"at", sla::to_unix_ms(e.at)},
           {"detail", e.detail}};
    if (e.target) j["target"] = {{"minutes", e.target->minutes}, {"mode", sla::name(e.target->mode)}};
    if (e.keep_elapsed) j["keep_elapsed"] = true;
    events.push_back(std::move(j));
  }
  json fired = json::array();
  for (const auto& f : v.fired)
    fired.push_back({{"metric", sla::name(f.metric)},
                     {"generation", f.generation},
                     {"step", f.step},
                     {"due_at", f.due_at},
                     {"fired_at", f.fired_at}});
  return {{"ticket_id", ticket_id},
          {"policy", v.policy ? storage::to_json(*v.policy) : json(nullptr)},
          {"clocks", clocks},
          {"events", events},
          {"escalations", fired}};
}

// GET /tickets/{id}/sla
void ticket_sla(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ok(200, render(id, app::ticket_sla(c, id))); });
}

}  // namespace

void add_sla_routes(RouteTable& r) {
  r.add("GET", "/api/v1/sla/policies", any_staff(), list);
  r.add("POST", "/api/v1/sla/policies", staff("admin", "admin"), create);
  r.add("PUT", "/api/v1/sla/policies/{id}", staff("admin", "admin"), update);
  r.add("DELETE", "/api/v1/sla/policies/{id}", staff("admin", "admin"), retire);
  r.add("GET", "/api/v1/tickets/{id}/sla", staff("agent", "tickets:read").on(Reach::ticket), ticket_sla);
  r.add("GET", "/api/v1/stores/{id}/calendar", any_staff().on(Reach::store), get_calendar);
  r.add("PUT", "/api/v1/stores/{id}/calendar", staff("manager", "admin").on(Reach::store), put_calendar);
  r.add("GET", "/api/v1/stores/{id}/calendar/deadline", any_staff().on(Reach::store), deadline);
}

}  // namespace kefu::api
