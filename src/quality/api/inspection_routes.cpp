// Inspections (质检): the queue and results, scoring with comments, acknowledgement,
// appeal (申诉) and decision, and coaching (辅导).
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/app/validate.hpp"
#include "core/domain/errors.hpp"
#include "quality/api/render.hpp"
#include "quality/storage/qa_json.hpp"

namespace kefu::api {
namespace {

app::CommentInput comment_of(const json& j) {
  return {opt_string(j, "anchor"), maybe_int(j, "anchor_id"), opt_string(j, "item"), opt_string(j, "body")};
}

std::vector<quality::Mark> marks_of(const json& b) {
  if (!b.contains("marks")) throw make_error(errors::kRequired, {{"what", Text("评分", "marks")}}, "marks");
  return storage::marks_from_json(b["marks"]);
}

// GET /quality/inspections?store_id=&status=&staff_id=&mine=1&limit=
void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::InspectionQuery q;
  q.store_id = query_int(req, "store_id");
  if (req.has_query("status")) q.status = req.query_value("status");
  q.staff_id = query_int(req, "staff_id");
  q.mine = req.query_value("mine") == "1" || req.query_value("mine") == "true";
  q.limit = static_cast<int>(query_int(req, "limit").value_or(200));
  read(s, req, reply, actor, [q](app::Context& c) {
    json items = json::array();
    for (const auto& i : app::list_inspections(c, q)) items.push_back(render_inspection(i));
    return ok(200, {{"items", items}});
  });
}

// POST /quality/inspections {subject_kind, subject_id}: one item into the queue by hand.
void add(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto kind = app::parse_enum<quality::SubjectKind>("subject_kind", req_string(b, "subject_kind"));
  auto id = req_int(b, "subject_id");
  write(s, req, std::move(reply), actor,
        [=](app::Context& c) { return ok(201, render_inspection(app::add_to_queue(c, kind, id))); });
}

void get(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor,
       [id](app::Context& c) { return ok(200, render_inspection_view(app::inspection_view(c, id))); });
}

// POST /quality/inspections/{id}/submit {marks, summary, comments: [{anchor, anchor_id, item, body}]}
void submit(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  app::SubmitInput in{marks_of(b), opt_string(b, "summary"), {}};
  if (b.contains("comments") && b["comments"].is_array())
    for (const auto& j : b["comments"])
      if (j.is_object()) in.comments.push_back(comment_of(j));
  write(s, req, std::move(reply), actor,
        [id, in](app::Context& c) { return ok(200, render_inspection(app::submit_inspection(c, id, in))); });
}

void comment(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto in = comment_of(parse_object(req));
  write(s, req, std::move(reply), actor,
        [id, in](app::Context& c) { return ok(201, render_comment(app::add_qa_comment(c, id, in))); });
}

void acknowledge(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor,
        [id](app::Context& c) { return ok(200, render_inspection(app::acknowledge_inspection(c, id))); });
}

// POST /quality/inspections/{id}/appeal {reason}
void appeal(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto reason = opt_string(parse_object(req), "reason");
  write(s, req, std::move(reply), actor,
        [id, reason](app::Context& c) { return ok(200, render_inspection(app::appeal_inspection(c, id, reason))); });
}

// POST /quality/inspections/{id}/decision {decision: uphold|accept, note, marks (accept)}
void decide(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto decision = req_string(b, "decision");
  app::check_enum("decision", decision, decision == "uphold" || decision == "accept");
  app::AppealDecision d{decision == "accept", opt_string(b, "note"), std::nullopt};
  if (b.contains("marks") && !b["marks"].is_null()) d.marks = storage::marks_from_json(b["marks"]);
  write(s, req, std::move(reply), actor,
        [id, d](app::Context& c) { return ok(200, render_inspection(app::decide_appeal(c, id, d))); });
}

// POST /quality/inspections/{id}/coaching {item, material_kind, material_id, note, due_at}
void assign(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  app::CoachingInput in{req_string(b, "item"), req_string(b, "material_kind"), req_int(b, "material_id"),
                        opt_string(b, "note"), maybe_time(b, "due_at").value_or(0)};
  write(s, req, std::move(reply), actor,
        [id, in](app::Context& c) { return ok(201, render_coaching(app::assign_coaching(c, id, in))); });
}

// GET /quality/coaching?store_id=&staff_id=&mine=1
void coaching(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::CoachingQuery q{query_int(req, "store_id"), query_int(req, "staff_id"),
                       req.query_value("mine") == "1" || req.query_value("mine") == "true"};
  read(s, req, reply, actor, [q](app::Context& c) {
    json items = json::array();
    for (const auto& v : app::list_coaching(c, q)) items.push_back(render_coaching(v));
    return ok(200, {{"items", items}});
  });
}

void acknowledge_coaching(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor,
        [id](app::Context& c) { return ok(200, render_coaching(app::acknowledge_coaching(c, id))); });
}

}  // namespace

void add_inspection_routes(RouteTable& r) {
  const auto inspector = staff("supervisor", "quality:write").on(Reach::inspection);
  const auto the_agent = staff("agent", "quality:write").on(Reach::inspection).owner_or_role("admin");
  r.add("GET", "/api/v1/quality/inspections", staff("agent", "quality:read"), list);
  r.add("POST", "/api/v1/quality/inspections", staff("supervisor", "quality:write"), add);
  r.add("GET", "/api/v1/quality/inspections/{id}",
        staff("agent", "quality:read").on(Reach::inspection).owner_or_role("supervisor"), get);
  r.add("POST", "/api/v1/quality/inspections/{id}/submit", inspector, submit);
  r.add("POST", "/api/v1/quality/inspections/{id}/comments", inspector, comment);
  r.add("POST", "/api/v1/quality/inspections/{id}/acknowledge", the_agent, acknowledge);
  r.add("POST", "/api/v1/quality/inspections/{id}/appeal", the_agent, appeal);
  r.add("POST", "/api/v1/quality/inspections/{id}/decision", inspector, decide);
  r.add("POST", "/api/v1/quality/inspections/{id}/coaching", inspector, assign);
  r.add("GET", "/api/v1/quality/coaching", staff("agent", "quality:read"), coaching);
  r.add("POST", "/api/v1/quality/coaching/{id}/acknowledge",
        staff("agent", "quality:write").on(Reach::coaching).owner_or_role("admin"), acknowledge_coaching);
}

}  // namespace kefu::api
