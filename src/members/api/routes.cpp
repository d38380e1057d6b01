// Members: register, look up by phone or member number, read one.
#include "core/api/routes.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "members/api/render.hpp"
#include "members/app/members.hpp"

namespace kefu::api {
namespace {

void create_member(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::NewMember m{req_string(b, "name"),     req_string(b, "phone"),       opt_string(b, "tier", "normal"),
                   opt_string(b, "birthday"), string_list(b, "care_flags"), maybe_int(b, "home_store_id")};
  write(s, req, std::move(reply), actor,
        [m, actor](app::Context& c) { return ok(201, render(app::create_member(c, m), actor)); });
}

void find_member(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto q = req.has_query("phone") ? req.query_value("phone") : req.query_value("q");
  read(s, req, reply, actor, [q, actor](app::Context& c) {
    auto m = app::find_member(c, q);
    auto a = nlohmann::json::array();
    if (m) a.push_back(render(*m, actor));
    return ok(200, {{"items", a}});
  });
}

void get_member(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id, actor](app::Context& c) { return ok(200, render(app::get_member(c, id), actor)); });
}

}  // namespace

void add_member_routes(http::Router& r, Services& s) {
  r.add("POST", "/api/v1/members", bind(s, create_member));
  r.add("GET", "/api/v1/members", bind(s, find_member));
  r.add("GET", "/api/v1/members/{id}", bind(s, get_member));
}

}  // namespace kefu::api
