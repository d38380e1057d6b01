// The feedback inbox (反馈, docs/feedback.md): items, the topic taxonomy, places with QR codes.
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "feedback/api/render.hpp"
#include "feedback/app/feedback_items.hpp"
#include "feedback/app/feedback_review.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

std::optional<int> maybe_rating(const json& b) {
  auto v = maybe_int(b, "rating");
  if (!v) return std::nullopt;
  return static_cast<int>(std::clamp<int64_t>(*v, -1, 6));  // out of 1–5 is refused by the use case
}

std::optional<bool> query_bool(const http::Request& req, const char* name) {
  const auto v = req.query_value(name);
  if (v.empty()) return std::nullopt;
  return v == "true" || v == "1";
}

// GET /feedback/items?store_id&from&to&source&topic&sentiment&touchpoint&place_id&action_id&confirmed&q&before&limit
void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::FeedbackQuery q{.store_id = query_int(req, "store_id"),
                       .from = query_time(req, "from").value_or(0),
                       .to = query_time(req, "to").value_or(0),
                       .source = req.query_value("source"),
                       .topic = req.query_value("topic"),
                       .sentiment = req.query_value("sentiment"),
                       .touchpoint = req.query_value("touchpoint"),
                       .place_id = query_int(req, "place_id"),
                       .action_id = query_int(req, "action_id"),
                       .confirmed = query_bool(req, "confirmed"),
                       .query = req.query_value("q"),
                       .before_id = query_int(req, "before"),
                       .limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(50), 1, 200))};
  read(s, req, reply, actor, [q, actor](app::Context& c) {
    const auto page = app::list_items(c, q);
    json items = json::array();
    for (const auto& t : page.items) items.push_back(feedback_render::item(t, actor));
    return ok(200, {{"items", items},
                    {"total", page.total},
                    {"next_before", page.next_before ? json(*page.next_before) : json(nullptr)}});
  });
}

// GET /feedback/items/{id}
void get(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  read(s, req, reply, actor,
       [id, actor](app::Context& c) { return ok(200, feedback_render::item(app::get_item(c, id), actor)); });
}

// POST /feedback/items {store_id | place_id, text, touchpoint?, rating?, member_id?, contact_phone?, said_at?}
void create(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::NewFeedback in;
  in.place_id = maybe_int(b, "place_id");
  in.store_id = in.place_id ? 0 : req_int(b, "store_id");
  in.text = req_string(b, "text");
  in.touchpoint = opt_string(b, "touchpoint");
  in.rating = maybe_rating(b);
  in.member_id = maybe_int(b, "member_id");
  in.contact_phone = opt_string(b, "contact_phone");
  in.said_at = maybe_time(b, "said_at");
  app::predict_into(s.feedback_models, in);  // classified before the write (feedback_review.hpp)
  write(s, req, std::move(reply), actor, [in, actor](app::Context& c) {
    const auto r = app::enter_item(c, in);
    return ok(201, feedback_render::item(r.item, actor));
  });
}

// POST /feedback/items/{id}/labels {topic?, sentiment?}
void labels(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  auto b = parse_object(req);
  const auto topic = maybe_string(b, "topic");
  const auto sentiment = maybe_string(b, "sentiment");
  write(s, req, std::move(reply), actor, [id, topic, sentiment, actor](app::Context& c) {
    return ok(200, feedback_render::item(app::confirm_labels(c, id, topic, sentiment), actor));
  });
}

json topics_json(const std::vector<feedback::Topic>& topics) {
  json items = json::array();
  for (const auto& t : topics) items.push_back(feedback_render::topic(t));
  return {{"items", items}};
}

// GET /feedback/topics
void topics(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor, [](app::Context& c) { return ok(200, topics_json(app::list_topics(c))); });
}

// PUT /feedback/topics {code, name, name_en?, position?, active?}
void put_topic(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  feedback::Topic t{req_string(b, "code"), req_string(b, "name"), opt_string(b, "name_en"),
                    static_cast<int>(std::clamp<int64_t>(maybe_int(b, "position").value_or(0), 0, 1000)), true};
  t.active = maybe_bool(b, "active").value_or(true);
  write(s, req, std::move(reply), actor, [t](app::Context& c) { return ok(200, topics_json(app::put_topic(c, t))); });
}

// GET /feedback/places?store_id
void places(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto store_id = query_int(req, "store_id");
  read(s, req, reply, actor, [store_id](app::Context& c) {
    json items = json::array();
    for (const auto& p : app::list_places(c, store_id)) items.push_back(feedback_render::place(p));
    return ok(200, {{"items", items}});
  });
}

app::PlaceInput place_input(const json& b, bool create) {
  app::PlaceInput in;
  if (create) in.store_id = req_int(b, "store_id");
  in.name = req_string(b, "name");
  in.touchpoint = req_string(b, "touchpoint");
  in.active = maybe_bool(b, "active").value_or(true);
  return in;
}

// POST /feedback/places {store_id, name, touchpoint}
void create_place(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto in = place_input(parse_object(req), true);
  write(s, req, std::move(reply), actor,
        [in](app::Context& c) { return ok(201, feedback_render::place(app::create_place(c, in))); });
}

// GET /feedback/places/{id}
void get_place(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ok(200, feedback_render::place(app::get_place(c, id))); });
}

// PATCH /feedback/places/{id} {name, touchpoint, active?}
void update_place(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  const auto in = place_input(parse_object(req), false);
  write(s, req, std::move(reply), actor,
        [id, in](app::Context& c) { return ok(200, feedback_render::place(app::update_place(c, id, in))); });
}

}  // namespace

void add_feedback_item_routes(RouteTable& r) {
  const auto reader = staff("agent", "feedback:read");
  const auto writer = staff("agent", "feedback:write");
  r.add("GET", "/api/v1/feedback/items", reader, list);
  r.add("POST", "/api/v1/feedback/items", writer.on(Reach::store), create);
  r.add("GET", "/api/v1/feedback/items/{id}", reader.on(Reach::feedback_item), get);
  r.add("POST", "/api/v1/feedback/items/{id}/labels", writer.on(Reach::feedback_item), labels);
  r.add("GET", "/api/v1/feedback/topics", reader, topics);
  r.add("PUT", "/api/v1/feedback/topics", staff("admin", "feedback:write"), put_topic);
  r.add("GET", "/api/v1/feedback/places", reader, places);
  r.add("POST", "/api/v1/feedback/places", staff("supervisor", "feedback:write").on(Reach::store), create_place);
  r.add("GET", "/api/v1/feedback/places/{id}", reader.on(Reach::feedback_place), get_place);
  r.add("PATCH", "/api/v1/feedback/places/{id}", staff("supervisor", "feedback:write").on(Reach::feedback_place),
        update_place);
}

}  // namespace kefu::api
