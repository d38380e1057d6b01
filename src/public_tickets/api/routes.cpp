// The customer's mobile page API (顾客自助): submit, track by number + phone + tracking
// code, read, reply and add photos through an access token. No login: everything runs as
// the customer actor (no role, no reach), and a token names exactly one ticket
// (public_tickets/app/public_tickets.hpp). Also the desk's side of it: the tracking slip to
// give a customer, and revoking a ticket's customer access.
#include "core/api/routes.hpp"
#include "core/api/error_mapping.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "public_tickets/app/public_tickets.hpp"
#include "tickets/api/blob_store.hpp"
#include "tickets/api/uploads.hpp"

namespace kefu::api {
namespace {

std::string token_of(const http::Request& req) {
  auto it = req.params.find("token");
  return it == req.params.end() ? std::string() : it->second;
}

// Anonymous callers share the system actor: no shared idempotency-key namespace.
void drop_idempotency_key(http::Request& req) {
  std::erase_if(req.headers, [](const auto& h) { return h.first == "idempotency-key"; });
}

nlohmann::json render_access(const app::PublicAccess& a) {
  return {{"number", a.number}, {"access_token", a.token}, {"path", a.path}, {"expires_at", a.expires_at}};
}

void stores(Services& s, http::Request& req, http::Reply reply) {
  read(s, req, reply, people::customer_actor(), [](app::Context& c) {
    auto items = nlohmann::json::array();
    for (const auto& st : app::public_stores(c)) items.push_back({{"id", st.id}, {"code", st.code}, {"name", st.name}});
    return ok(200, {{"items", items}});
  });
}

void submit(Services& s, http::Request& req, http::Reply reply) {
  auto b = parse_object(req);
  app::PublicSubmission in;
  in.store_id = maybe_int(b, "store_id");
  in.store_code = opt_string(b, "store_code");
  in.type = req_string(b, "type");
  in.subject = req_string(b, "subject");
  in.description = req_string(b, "description");
  in.name = opt_string(b, "name");
  in.phone = req_string(b, "phone");
  in.remote = req.remote;
  drop_idempotency_key(req);
  write(s, req, std::move(reply), people::customer_actor(), [in](app::Context& c) {
    auto out = app::submit_public_ticket(c, in);
    auto body = render_access(out.access);
    body["tracking_code"] = out.tracking_code;
    body["status"] = out.ticket.status;
    body["created_at"] = out.ticket.created_at;
    return ok(201, body);
  });
}

void track(Services& s, http::Request& req, http::Reply reply) {
  auto b = parse_object(req);
  app::TrackRequest in{req_string(b, "number"), req_string(b, "phone"), req_string(b, "code"), req.remote};
  drop_idempotency_key(req);
  auto lang = req.header("accept-language");
  // A write: the access record is written, and a failed attempt is counted (and
  // committed: the 404 is returned, not thrown).
  write(s, req, std::move(reply), people::customer_actor(), [in, lang](app::Context& c) {
    auto a = app::track_ticket(c, in);
    if (!a)
      return error_response(
          lang, std::make_exception_ptr(make_error(
                    errors::kNotFound, {{"what", Text("工单（请核对工单号、手机号和查询码）",
                                                      "ticket with this number, phone and tracking code")}})));
    return ok(200, render_access(*a));
  });
}

nlohmann::json render_view(const app::PublicTicketView& v) {
  auto events = nlohmann::json::array();
  for (const auto& e : v.events) {
    nlohmann::json j{{"id", e.id}, {"kind", e.kind}, {"from", e.from}, {"body", e.body}, {"created_at", e.created_at}};
    if (e.from == "service") j["author"] = "客服";
    if (e.rating) j["rating"] = *e.rating;
    events.push_back(std::move(j));
  }
  auto photos = nlohmann::json::array();
  for (const auto& p : v.photos)
    photos.push_back({{"id", p.id},
                      {"content_type", p.content_type},
                      {"filename", p.filename},
                      {"size", p.size},
                      {"created_at", p.created_at}});
  return {{"number", v.number},
          {"type", v.type},
          {"subject", v.subject},
          {"description", v.description},
          {"status", v.status},
          {"status_zh", v.status_zh},
          {"store_name", v.store_name},
          {"created_at", v.created_at},
          {"updated_at", v.updated_at},
          {"expires_at", v.expires_at},
          {"tracking_code", v.tracking_code},
          {"can_reply", v.can_reply},
          {"events", events},
          {"photos", photos},
          {"rated", v.rating.has_value()},
          {"rating", v.rating ? nlohmann::json{{"rating", v.rating->rating},
                                               {"comment", v.rating->comment},
                                               {"created_at", v.rating->created_at}}
                              : nlohmann::json(nullptr)}};
}

void view(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  read(s, req, reply, people::customer_actor(),
       [token](app::Context& c) { return ok(200, render_view(app::public_ticket_view(c, token))); });
}

void reply_to(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto body = req_string(parse_object(req), "body");
  drop_idempotency_key(req);
  write(s, req, std::move(reply), people::customer_actor(), [token, body, remote = req.remote](app::Context& c) {
    auto e = app::customer_reply(c, token, body, remote);
    return ok(201,
              {{"id", e.id}, {"kind", e.kind}, {"from", "customer"}, {"body", e.body}, {"created_at", e.created_at}});
  });
}

void upload(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  drop_idempotency_key(req);
  {
    // 403/410, ticket_closed, too_many_photos before any byte reaches the blob folder
    app::Context c{s.db.reader(), people::customer_actor(), s.now_ms(), nullptr};
    app::check_customer_photo_allowed(c, token);
  }
  auto image = check_image_upload(req);
  store_image(s, std::move(req), std::move(reply), people::customer_actor(), image,
              [token](app::Context& c, const ticket::Attachment& in) {
                auto a = app::add_customer_photo(c, token, in);
                return ok(201, {{"id", a.id},
                                {"content_type", a.content_type},
                                {"filename", a.filename},
                                {"size", a.size},
                                {"created_at", a.created_at}});
              });
}

void photo(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto id = path_id(req);
  read(s, req, reply, people::customer_actor(), [&s, token, id](app::Context& c) {
    auto a = app::customer_photo(c, token, id);
    return stored_photo(s, a.sha256, a.content_type);
  });
}

// The desk's side: what to give the customer so that they can track the ticket.
void slip(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  ignore_idempotency_key(req);
  write(s, req, std::move(reply), actor, [id](app::Context& c) {
    auto slip = app::tracking_slip(c, id);
    return ok(200, {{"number", slip.number},
                    {"tracking_code", slip.code},
                    {"path", "/m/track?number=" + slip.number},
                    {"text_zh", slip.text_zh},
                    {"text_en", slip.text_en}});
  });
}

void revoke(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id](app::Context& c) {
    return ok(200, {{"revoked", app::revoke_customer_access(c, id)}});
  });
}

}  // namespace

void add_public_routes(RouteTable& r) {
  r.add("GET", "/api/v1/public/stores", anyone(), stores);
  r.add("POST", "/api/v1/public/tickets", anyone(), submit);
  r.add("POST", "/api/v1/public/track", anyone(), track);
  r.add("GET", "/api/v1/public/tickets/{token}", customer(), view);
  r.add("POST", "/api/v1/public/tickets/{token}/replies", customer(), reply_to);
  r.add("POST", "/api/v1/public/tickets/{token}/attachments", customer(), upload);
  r.add("GET", "/api/v1/public/tickets/{token}/attachments/{id}", customer(), photo);
  r.add("POST", "/api/v1/tickets/{id}/tracking-slip", staff("agent", "tickets:read").on(Reach::ticket), slip);
  r.add("POST", "/api/v1/tickets/{id}/customer-access/revoke",
        staff("agent", "tickets:write").on(Reach::ticket).owner_or_role("supervisor"), revoke);
}

}  // namespace kefu::api
