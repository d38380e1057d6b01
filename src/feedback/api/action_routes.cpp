// Improvement actions (整改措施) and their verification (效果验证), docs/feedback.md.
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "feedback/api/action_render.hpp"
#include "feedback/app/feedback_actions.hpp"
#include "tickets/api/uploads.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

app::ActionInput action_input(const json& b, bool create) {
  app::ActionInput in;
  if (create) {
    in.store_id = req_int(b, "store_id");
    in.item_ids = int_list(b, "item_ids");
    in.ticket_ids = int_list(b, "ticket_ids");
    in.hot_from = maybe_time(b, "hot_from");
    in.hot_to = maybe_time(b, "hot_to");
  }
  in.topic = opt_string(b, "topic");
  in.title = req_string(b, "title");
  in.plan = opt_string(b, "plan");
  in.department_id = maybe_int(b, "department_id");
  in.owner_id = maybe_int(b, "owner_id");
  in.due_amount = static_cast<int>(std::clamp<int64_t>(maybe_int(b, "due_amount").value_or(5), -1, 100'000));
  in.due_unit = opt_string(b, "due_unit", "business_days");
  in.window_days = static_cast<int>(std::clamp<int64_t>(maybe_int(b, "window_days").value_or(28), -1, 100'000));
  return in;
}

// GET /feedback/actions?store_id&state&department_id&overdue&before&limit
void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::ActionQuery q{.store_id = query_int(req, "store_id"),
                     .state = req.query_value("state"),
                     .department_id = query_int(req, "department_id"),
                     .overdue = req.query_value("overdue") == "true" || req.query_value("overdue") == "1",
                     .before_id = query_int(req, "before"),
                     .limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(50), 1, 200))};
  read(s, req, reply, actor, [q](app::Context& c) {
    json items = json::array();
    for (const auto& a : app::list_actions(c, q)) items.push_back(action_render::action(a, c.now_ms));
    return ok(200, {{"items", items}});
  });
}

// POST /feedback/actions {store_id, title, topic?, plan?, department_id?, owner_id?, due_amount?, due_unit?,
// window_days?, item_ids?, ticket_ids?, hot_from?, hot_to?}
void create(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto in = action_input(parse_object(req), true);
  write(s, req, std::move(reply), actor,
        [in](app::Context& c) { return ok(201, action_render::action(app::create_action(c, in), c.now_ms)); });
}

// GET /feedback/actions/board?store_id
void board(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto store_id = query_int(req, "store_id");
  read(s, req, reply, actor,
       [store_id](app::Context& c) { return ok(200, action_render::board(app::action_board(c, store_id))); });
}

// GET /feedback/actions/{id}
void get(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  read(s, req, reply, actor, [id, actor](app::Context& c) {
    return ok(200, action_render::detail(app::get_action(c, id), actor, c.now_ms));
  });
}

// PATCH /feedback/actions/{id} {title, topic?, plan?, department_id?, owner_id?, due_amount?, due_unit?, window_days?}
void edit(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  const auto in = action_input(parse_object(req), false);
  write(s, req, std::move(reply), actor,
        [id, in](app::Context& c) { return ok(200, action_render::action(app::edit_action(c, id, in), c.now_ms)); });
}

// POST /feedback/actions/{id}/updates {note, photo_ids?}
void add_update(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  const auto b = parse_object(req);
  const auto note = opt_string(b, "note");
  const auto photos = int_list(b, "photo_ids");
  write(s, req, std::move(reply), actor, [id, note, photos](app::Context& c) {
    const auto u = app::add_action_update(c, id, note, photos);
    return ok(201, action_render::update(u, app::get_action(c, id).photos));
  });
}

// POST /feedback/actions/{id}/photos?filename= (the image as the body)
void upload(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  ignore_idempotency_key(req);
  {
    app::Context c{s.db.reader(), actor, s.now_ms(), nullptr};
    app::check_can_add_action_photo(c, id);  // before any byte is stored
  }
  auto image = check_image_upload(req);
  store_image(s, std::move(req), std::move(reply), actor, image, [id](app::Context& c, const ticket::Attachment& a) {
    return ok(201, action_render::photo(app::add_action_photo(c, id, a)));
  });
}

// GET /feedback/actions/{id}/photos/{photo}
void photo(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  const auto photo_id = path_id(req, "photo");
  read(s, req, reply, actor, [&s, id, photo_id](app::Context& c) {
    const auto p = app::action_photo(c, id, photo_id);
    return stored_photo(s, p.sha256, p.content_type);
  });
}

// The moves: POST /feedback/actions/{id}/{done|verify|waive|reopen|tell} {note | reason | message}.
template <storage::FeedbackAction (*Move)(app::Context&, int64_t, const std::string&)>
void move_with_text(Services& s, http::Request& req, http::Reply reply, const char* field) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  const auto text = opt_string(parse_object(req, true), field);
  write(s, req, std::move(reply), actor,
        [id, text](app::Context& c) { return ok(200, action_render::action(Move(c, id, text), c.now_ms)); });
}

void done(Services& s, http::Request& req, http::Reply reply) {
  move_with_text<app::mark_action_done>(s, req, std::move(reply), "note");
}
void waive(Services& s, http::Request& req, http::Reply reply) {
  move_with_text<app::waive_verification>(s, req, std::move(reply), "reason");
}
void reopen(Services& s, http::Request& req, http::Reply reply) {
  move_with_text<app::reopen_action>(s, req, std::move(reply), "reason");
}

void verify(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  parse_object(req, true);
  write(s, req, std::move(reply), actor,
        [id](app::Context& c) { return ok(200, action_render::action(app::verify_action_now(c, id), c.now_ms)); });
}

void tell(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  const auto message = opt_string(parse_object(req, true), "message");
  write(s, req, std::move(reply), actor, [id, message](app::Context& c) {
    const int told = app::tell_customers_of_action(c, id, message);
    return ok(200,
              {{"tickets_told", told}, {"action", action_render::action(app::get_action(c, id).action, c.now_ms)}});
  });
}

}  // namespace

void add_feedback_action_routes(RouteTable& r) {
  const auto reader = staff("agent", "feedback:read").on(Reach::feedback_action);
  const auto doer = staff("agent", "feedback:write").on(Reach::feedback_action).owner_or_role("supervisor");
  const auto supervisor = staff("supervisor", "feedback:write").on(Reach::feedback_action);
  const auto manager = staff("manager", "feedback:write").on(Reach::feedback_action);
  r.add("GET", "/api/v1/feedback/actions", staff("agent", "feedback:read"), list);
  r.add("POST", "/api/v1/feedback/actions", staff("supervisor", "feedback:write").on(Reach::store), create);
  r.add("GET", "/api/v1/feedback/actions/board", staff("agent", "feedback:read"), board);
  r.add("GET", "/api/v1/feedback/actions/{id}", reader, get);
  r.add("PATCH", "/api/v1/feedback/actions/{id}", supervisor, edit);
  r.add("POST", "/api/v1/feedback/actions/{id}/updates", doer, add_update);
  r.add("POST", "/api/v1/feedback/actions/{id}/photos", doer, upload);
  r.add("GET", "/api/v1/feedback/actions/{id}/photos/{photo}", reader, photo);
  r.add("POST", "/api/v1/feedback/actions/{id}/done", doer, done);
  r.add("POST", "/api/v1/feedback/actions/{id}/verify", supervisor, verify);
  r.add("POST", "/api/v1/feedback/actions/{id}/waive", manager, waive);
  r.add("POST", "/api/v1/feedback/actions/{id}/reopen", manager, reopen);
  r.add("POST", "/api/v1/feedback/actions/{id}/tell", manager, tell);
}

}  // namespace kefu::api
