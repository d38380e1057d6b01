// Callback (回访) outcomes and CSAT (满意度) links, incl. the public rating endpoints.
#include <limits>

#include "callbacks/app/callback.hpp"
#include "callbacks/app/csat.hpp"
#include "callbacks/storage/callback_store.hpp"
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "sla/app/escalation.hpp"
#include "tickets/api/render.hpp"

namespace kefu::api {
namespace {

void record(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto outcome = req_string(b, "outcome");
  auto note = opt_string(b, "note");
  write(s, req, std::move(reply), actor, [id, outcome, note](app::Context& c) {
    auto t = app::record_callback(c, id, outcome, note);
    std::string body;
    write_ticket(body, t);
    auto r = http::Response::json(200, std::move(body));
    r.set("ETag", "\"" + std::to_string(t.version) + "\"");
    return r;
  });
}

void due(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto before = query_time(req, "due_before").value_or(std::numeric_limits<int64_t>::max());
  auto limit = static_cast<int>(query_int(req, "limit").value_or(200));
  read(s, req, reply, actor, [before, limit](app::Context& c) {
    auto rows = app::callbacks_due(c, before, limit);
    std::string body = "{\"items\":[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i) body += ',';
      write_ticket(body, rows[i]);
    }
    body += "]}";
    return http::Response::json(200, std::move(body));
  });
}

void create_link(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req, true);
  auto ttl_seconds = maybe_int(b, "ttl_seconds");
  if (ttl_seconds && (*ttl_seconds < 1 || *ttl_seconds > app::kCsatLinkMaxTtlMs / 1000))
    throw make_error(
        errors::kInvalidField,
        {{"field", "ttl_seconds"}, {"problem", Text("链接有效期应在 1 秒到 30 天之间", "it must be 1 .. 2592000")}},
        "ttl_seconds");
  const int64_t ttl_ms = ttl_seconds ? *ttl_seconds * 1000 : app::kCsatLinkDefaultTtlMs;
  write(s, req, std::move(reply), actor, [id, ttl_ms](app::Context& c) {
    auto l = app::create_csat_link(c, id, ttl_ms);
    return ok(201, {{"token", l.token}, {"path", l.path}, {"expires_at", l.expires_at}});
  });
}

// The public survey page's API: no login; whoever holds the signed link may read the
// little the page shows and rate once. Runs as the system actor.
std::string token_of(const http::Request& req) {
  auto it = req.params.find("token");
  return it == req.params.end() ? std::string() : it->second;
}

nlohmann::json render_rating(const storage::CsatRating& r) {
  return {{"rating", r.rating}, {"comment", r.comment}, {"created_at", r.created_at}};
}

void public_view(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  read(s, req, reply, people::customer_actor(), [token](app::Context& c) {
    auto v = app::csat_view(c, token);
    return ok(200, {{"number", v.number},
                    {"subject", v.subject},
                    {"store_name", v.store_name},
                    {"status", v.status},
                    {"expires_at", v.expires_at},
                    {"rated", v.rating.has_value()},
                    {"rating", v.rating ? render_rating(*v.rating) : nlohmann::json(nullptr)}});
  });
}

void public_rate(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto b = parse_object(req);
  auto rating = req_int(b, "rating");
  auto comment = opt_string(b, "comment");
  // Anonymous callers share one actor: no shared idempotency-key namespace.
  std::erase_if(req.headers, [](const auto& h) { return h.first == "idempotency-key"; });
  const int r = rating < 0 || rating > 100 ? -1 : static_cast<int>(rating);  // check_rating refuses it
  write(s, req, std::move(reply), people::customer_actor(), [token, r, comment](app::Context& c) {
    auto out = app::rate(c, token, r, comment);
    return ok(201, render_rating(out.rating));
  });
}

}  // namespace

void add_callback_routes(RouteTable& r) {
  r.add("POST", "/api/v1/tickets/{id}/callback",
        staff("agent", "tickets:write").on(Reach::ticket).owner_or_role("supervisor"), record);
  r.add("GET", "/api/v1/callbacks", staff("agent", "tickets:read"), due);
  r.add("POST", "/api/v1/tickets/{id}/csat-link",
        staff("agent", "tickets:write").on(Reach::ticket).owner_or_role("supervisor"), create_link);
  r.add("GET", "/api/v1/public/csat/{token}", customer(), public_view);
  r.add("POST", "/api/v1/public/csat/{token}", customer(), public_rate);
}

}  // namespace kefu::api
