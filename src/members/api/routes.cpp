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

// POST, not GET: the phone number stays out of URLs (and so out of access logs and
// browser history), and the lookup is audited.
void lookup_member(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  const bool phone_only = b.contains("phone");
  auto q = phone_only ? req_string(b, "phone") : opt_string(b, "q");
  write(s, req, std::move(reply), actor, [q, actor, phone_only, remote = req.remote](app::Context& c) {
    auto m = app::lookup_member(c, q, remote, phone_only);
    auto a = nlohmann::json::array();
    if (m) a.push_back(render(*m, actor));
    return ok(200, {{"items", a}});
  });
}

void get_member(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id, actor](app::Context& c) {
    const auto m = app::get_member(c, id);
    auto j = render(m, actor);
    if (m.id != id) j["merged_from"] = id;  // a merged record answers with the member it lives on in
    return ok(200, j);
  });
}

}  // namespace

void add_member_routes(RouteTable& r) {
  r.add("POST", "/api/v1/members", staff("agent", "members:write"), create_member);
  r.add("POST", "/api/v1/members/lookup", staff("agent", "members:read"), lookup_member);
  r.add("GET", "/api/v1/members/{id}", staff("agent", "members:read").on(Reach::member), get_member);
}

}  // namespace kefu::api
