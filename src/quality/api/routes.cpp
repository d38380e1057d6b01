// Quality inspection (质检): scorecards, settings, the weekly sample and the QA report.
#include "core/api/routes.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "quality/api/render.hpp"
#include "quality/storage/qa_json.hpp"

namespace kefu::api {
namespace {

quality::ChannelKind channel_of(const std::string& code) {
  return app::parse_enum<quality::ChannelKind>("channel", code.empty() ? "desk" : code);
}

// GET /quality/scorecards?store_id=N&channel=desk|hotline|chat (no store: the chain's)
void get_scorecard(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store_id = query_int(req, "store_id").value_or(0);
  auto ch = channel_of(req.query_value("channel"));
  read(s, req, reply, actor,
       [=](app::Context& c) { return ok(200, render_scorecard(app::scorecard_in_force(c, store_id, ch))); });
}

// PUT /quality/scorecards {store_id, channel, items, version, note}
void put_scorecard(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  if (!b.contains("items")) throw make_error(errors::kRequired, {{"what", Text("评分项", "items")}}, "items");
  app::ScorecardSave save{maybe_int(b, "store_id").value_or(0), channel_of(req_string(b, "channel")),
                          storage::items_from_json(b["items"]), maybe_int(b, "version"), opt_string(b, "note")};
  write(s, req, std::move(reply), actor,
        [save](app::Context& c) { return ok(200, render_scorecard(app::save_scorecard(c, save))); });
}

void scorecard_history(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store_id = query_int(req, "store_id").value_or(0);
  auto ch = channel_of(req.query_value("channel"));
  read(s, req, reply, actor, [=](app::Context& c) {
    json items = json::array();
    for (const auto& v : app::scorecard_history(c, store_id, ch)) items.push_back(render_scorecard_version(v));
    return ok(200, {{"items", items}});
  });
}

void get_settings(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store_id = query_int(req, "store_id").value_or(0);
  read(s, req, reply, actor, [=](app::Context& c) { return ok(200, render_settings(app::qa_settings(c, store_id))); });
}

// PUT /quality/settings {store_id, appeal_days, sampling: {...}}
void put_settings(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto store_id = maybe_int(b, "store_id").value_or(0);
  auto settings = storage::settings_from_json(b);
  write(s, req, std::move(reply), actor,
        [=](app::Context& c) { return ok(200, render_settings(app::save_qa_settings(c, store_id, settings))); });
}

// POST /quality/samples {store_id, week_start, seed?, flagged?: [{kind, id, red_line}]}
void draw_sample(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::SampleDraw d;
  d.store_id = req_int(b, "store_id");
  d.week_start = maybe_time(b, "week_start").value_or(0);
  if (auto seed = maybe_int(b, "seed")) d.seed = static_cast<uint64_t>(*seed);
  if (b.contains("flagged") && b["flagged"].is_array())
    for (const auto& f : b["flagged"]) {
      if (!f.is_object()) continue;
      d.flagged.push_back({app::parse_enum<quality::SubjectKind>("flagged.kind", opt_string(f, "kind", "ticket")),
                           maybe_int(f, "id").value_or(0), maybe_bool(f, "red_line").value_or(false)});
    }
  write(s, req, std::move(reply), actor,
        [d](app::Context& c) { return ok(201, render_sample(app::draw_weekly_sample(c, d))); });
}

// GET /quality/report?store_id=N&from=&to=
void report(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store_id = query_int(req, "store_id").value_or(0);
  auto to = query_time(req, "to").value_or(INT64_MAX);
  auto from = query_time(req, "from").value_or(0);
  read_on_worker(s, req, reply, actor,
                 [=](app::Context& c) { return ok(200, render_report(app::qa_report(c, store_id, from, to))); });
}

}  // namespace

void add_quality_routes(RouteTable& r) {
  r.add("GET", "/api/v1/quality/scorecards", staff("agent", "quality:read").on(Reach::store), get_scorecard);
  r.add("PUT", "/api/v1/quality/scorecards", staff("manager", "quality:write").on(Reach::store), put_scorecard);
  r.add("GET", "/api/v1/quality/scorecards/history", staff("agent", "quality:read").on(Reach::store),
        scorecard_history);
  r.add("GET", "/api/v1/quality/settings", staff("agent", "quality:read").on(Reach::store), get_settings);
  r.add("PUT", "/api/v1/quality/settings", staff("manager", "quality:write").on(Reach::store), put_settings);
  r.add("POST", "/api/v1/quality/samples", staff("supervisor", "quality:write").on(Reach::store), draw_sample);
  r.add("GET", "/api/v1/quality/report", staff("supervisor", "quality:read").on(Reach::store), report);
}

}  // namespace kefu::api
