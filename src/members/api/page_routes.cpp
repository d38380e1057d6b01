// The member page (会员 360) and the value of a customer: the overview in one call, the
// value with its explanation, and the report of members at risk.
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "members/api/render.hpp"
#include "members/api/value_render.hpp"
#include "members/app/member_value.hpp"
#include "members/app/overview.hpp"

namespace kefu::api {
namespace {

void member_overview(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  read(s, req, reply, actor,
       [id, actor](app::Context& c) { return ok(200, member_page::overview(app::member_overview(c, id), actor)); });
}

void member_value(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) {
    auto body = member_page::value(app::member_value(c, id));
    body["member_id"] = id;
    return ok(200, body);
  });
}

// GET /reports/value-at-risk?store_id: members at risk in the caller's stores, the sum and
// how often each reason comes up.
void value_at_risk(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto store = query_int(req, "store_id");
  read(s, req, reply, actor, [store, actor](app::Context& c) {
    const auto r = app::value_at_risk_report(c, store);
    auto members = json::array();
    for (const auto& m : r.members) {
      auto j = member_page::value_summary(m.value);
      j["member"] = render(m.member, actor);
      members.push_back(std::move(j));
    }
    auto reasons = json::array();
    for (const auto& [code, n] : r.reasons) reasons.push_back({{"code", code}, {"members", n}});
    return ok(200, {{"members_checked", r.members_checked},
                    {"members_at_risk", static_cast<int64_t>(r.members.size())},
                    {"total_at_risk_fen", r.total_fen},
                    {"reasons", reasons},
                    {"members", members}});
  });
}

}  // namespace

void add_member_page_routes(RouteTable& r) {
  r.add("GET", "/api/v1/members/{id}/overview", staff("agent", "members:read").on(Reach::member), member_overview);
  r.add("GET", "/api/v1/members/{id}/value", staff("agent", "members:read").on(Reach::member), member_value);
  r.add("GET", "/api/v1/reports/value-at-risk", staff("supervisor", "members:read"), value_at_risk);
}

}  // namespace kefu::api
