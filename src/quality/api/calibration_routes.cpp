// Calibration sessions (校准): several inspectors score the same item; the spread.
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/errors.hpp"
#include "quality/api/render.hpp"
#include "quality/storage/qa_json.hpp"

namespace kefu::api {
namespace {

std::vector<quality::Mark> marks_of(const json& b) {
  if (!b.contains("marks")) throw make_error(errors::kRequired, {{"what", Text("评分", "marks")}}, "marks");
  return storage::marks_from_json(b["marks"]);
}

void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store_id = query_int(req, "store_id");
  read(s, req, reply, actor, [store_id](app::Context& c) {
    json items = json::array();
    for (const auto& v : app::list_calibrations(c, store_id)) items.push_back(render_calibration(v));
    return ok(200, {{"items", items}});
  });
}

// POST /quality/calibrations {inspection_id, title}
void create(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto inspection_id = req_int(b, "inspection_id");
  auto title = opt_string(b, "title");
  write(s, req, std::move(reply), actor, [=](app::Context& c) {
    return ok(201, render_calibration_view(app::create_calibration(c, inspection_id, title)));
  });
}

void get(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor,
       [id](app::Context& c) { return ok(200, render_calibration_view(app::calibration_view(c, id))); });
}

// PUT /quality/calibrations/{id}/score {marks}: the caller's own score.
void score(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto marks = marks_of(parse_object(req));
  write(s, req, std::move(reply), actor, [id, marks](app::Context& c) {
    return ok(200, render_calibration_view(app::score_calibration(c, id, marks)));
  });
}

// POST /quality/calibrations/{id}/close {marks}: the agreed marks.
void close(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto marks = marks_of(parse_object(req));
  write(s, req, std::move(reply), actor, [id, marks](app::Context& c) {
    return ok(200, render_calibration_view(app::close_calibration(c, id, marks)));
  });
}

}  // namespace

void add_calibration_routes(RouteTable& r) {
  const auto inspector = staff("supervisor", "quality:write").on(Reach::calibration);
  r.add("GET", "/api/v1/quality/calibrations", staff("supervisor", "quality:read"), list);
  r.add("POST", "/api/v1/quality/calibrations", staff("supervisor", "quality:write"), create);
  r.add("GET", "/api/v1/quality/calibrations/{id}", staff("supervisor", "quality:read").on(Reach::calibration), get);
  r.add("PUT", "/api/v1/quality/calibrations/{id}/score", inspector, score);
  r.add("POST", "/api/v1/quality/calibrations/{id}/close", inspector, close);
}

}  // namespace kefu::api
