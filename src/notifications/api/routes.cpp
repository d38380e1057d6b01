// The notification centre (通知中心): the caller's notifications, marking them read,
// and the live stream (Server-Sent Events: event "notification", id = notification id;
// event "ticket" for timeline activity in the caller's stores, without an id).
#include "core/api/routes.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "notifications/app/notifications.hpp"
#include "notifications/storage/notification_store.hpp"

namespace kefu::api {
namespace {

void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto before = query_int(req, "before");
  bool unread = req.query_value("unread") == "1" || req.query_value("unread") == "true";
  int limit = static_cast<int>(query_int(req, "limit").value_or(50));
  read(s, req, reply, actor, [=](app::Context& c) {
    auto page = app::my_notifications(c, before, unread, limit);
    std::string items = "[";
    for (std::size_t i = 0; i < page.items.size(); ++i) items += (i ? "," : "") + notification_json(page.items[i]);
    items += "]";
    return http::Response::json(200, "{\"items\":" + items + ",\"unread\":" + std::to_string(page.unread) + "}");
  });
}

void mark_one(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id](app::Context& c) {
    app::mark_read(c, id);
    return ok(200, {{"id", id}, {"read", true}});
  });
}

void mark_all(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  write(s, req, std::move(reply), actor, [](app::Context& c) { return ok(200, {{"marked", app::mark_all_read(c)}}); });
}

// Resumes after Last-Event-ID (sent by EventSource on reconnect) or ?after=.
void stream(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  if (!s.hub) throw make_error(errors::kNotFound, {{"what", Text("通知推送", "the notification stream")}});
  std::optional<int64_t> after;
  auto last = req.header("last-event-id");
  if (last.empty()) last = req.query_value("after");
  if (!last.empty()) after = parse_int_text("Last-Event-ID", last);
  app::Context c{s.db.reader(), actor, s.now_ms(), nullptr};
  const int64_t unread = app::unread_count(c);
  auto* hub = s.hub;
  NotificationHub::Audience who{.staff_id = actor.staff_id,
                                .store_ids = actor.store_ids,
                                .all_stores = actor.is_admin(),
                                .tickets = actor.has_scope("tickets:read"),
                                .credential = request_token(req)};
  reply(http::Response::event_stream([hub, who, after, unread](std::shared_ptr<http::EventStream> es) {
    es->send("ready", "{\"unread\":" + std::to_string(unread) + "}");
    hub->subscribe(who, std::move(es), after);
  }));
}

}  // namespace

void add_notification_routes(RouteTable& r) {
  r.add("GET", "/api/v1/notifications", any_staff(), list);
  r.add("POST", "/api/v1/notifications/{id}/read", any_staff().on(Reach::notification), mark_one);
  r.add("POST", "/api/v1/notifications/read-all", any_staff(), mark_all);
  r.add("GET", "/api/v1/notifications/stream", any_staff(), stream);
}

}  // namespace kefu::api
