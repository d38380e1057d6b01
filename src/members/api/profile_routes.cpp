// Members: tiers and their rules, tags, care flags, marketing consent (points: points_routes.cpp).
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/errors.hpp"
#include "members/api/core_render.hpp"
#include "members/api/render.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

json rules_json(const std::vector<people::TierRule>& rules) {
  json items = json::array();
  for (const auto& r : rules) items.push_back(member_render::tier_rule(r));
  return {{"items", items}};
}

void get_tier_rules(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor, [](app::Context& c) { return ok(200, rules_json(app::tier_rules(c))); });
}

// PUT /members/tier-rules {items: [{tier, min_spend_fen, grace_months}]}
void put_tier_rules(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  std::vector<people::TierRule> rules;
  if (!b.contains("items") || !b["items"].is_array())
    throw kefu::make_error(errors::kRequired, {{"what", kefu::Text("规则", "items")}}, "items");
  for (const auto& i : b["items"])
    rules.push_back({req_string(i, "tier"), req_int(i, "min_spend_fen"),
                     static_cast<int>(std::clamp<int64_t>(req_int(i, "grace_months"), -1, 1000))});
  write(s, req, std::move(reply), actor,
        [rules](app::Context& c) { return ok(200, rules_json(app::put_tier_rules(c, rules))); });
}

void evaluate_tier(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor, [id, actor](app::Context& c) {
    auto e = app::evaluate_member_tier(c, id);
    return ok(200, {{"member", render(e.member, actor)},
                    {"previous_tier", e.previous_tier},
                    {"spend_12m_fen", e.spend_12m_fen},
                    {"reason", e.decision.reason},
                    {"below_since", e.decision.below_since ? json(e.decision.below_since) : json(nullptr)},
                    {"changed", e.changed}});
  });
}

void get_tags(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ok(200, {{"tags", app::member_tags(c, id)}}); });
}

// PUT /members/{id}/tags {tags}
void put_tags(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto tags = string_list(parse_object(req), "tags");
  write(s, req, std::move(reply), actor, [id, tags](app::Context& c) {
    return ok(200, {{"tags", app::set_member_tags(c, id, tags)}});
  });
}

// PUT /members/{id}/care-flags {care_flags}
void put_care_flags(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto flags = string_list(parse_object(req), "care_flags");
  write(s, req, std::move(reply), actor, [id, flags, actor](app::Context& c) {
    return ok(200, render(app::set_member_care_flags(c, id, flags), actor));
  });
}

void consents(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor,
       [id](app::Context& c) { return ok(200, member_render::consent(app::member_consent(c, id))); });
}

// POST /members/{id}/consents {channel, granted, source}
void record_consent(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto channel = req_string(b, "channel"), source = req_string(b, "source");
  auto granted = maybe_bool(b, "granted");
  if (!granted) throw kefu::make_error(errors::kRequired, {{"what", "granted"}}, "granted");
  write(s, req, std::move(reply), actor, [=](app::Context& c) {
    return ok(201, member_render::consent(app::record_member_consent(c, id, channel, *granted, source)));
  });
}

}  // namespace

void add_member_points_routes(RouteTable& r);  // points_routes.cpp

void add_member_profile_routes(RouteTable& r) {
  r.add("GET", "/api/v1/members/tier-rules", staff("agent", "members:read"), get_tier_rules);
  r.add("PUT", "/api/v1/members/tier-rules", staff("admin", "members:write"), put_tier_rules);
  r.add("POST", "/api/v1/members/{id}/tier/evaluate", staff("supervisor", "members:write").on(Reach::member),
        evaluate_tier);
  r.add("GET", "/api/v1/members/{id}/tags", staff("agent", "members:read").on(Reach::member), get_tags);
  r.add("PUT", "/api/v1/members/{id}/tags", staff("agent", "members:write").on(Reach::member), put_tags);
  add_member_points_routes(r);
  r.add("PUT", "/api/v1/members/{id}/care-flags", staff("supervisor", "members:write").on(Reach::member),
        put_care_flags);
  r.add("GET", "/api/v1/members/{id}/consents", staff("agent", "members:read").on(Reach::member), consents);
  r.add("POST", "/api/v1/members/{id}/consents", staff("agent", "members:write").on(Reach::member), record_consent);
}

}  // namespace kefu::api
