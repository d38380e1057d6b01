// Members' points (积分) over the ledger: balance and entries, adjust, redeem, the rewards catalogue.
#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "core/domain/errors.hpp"
#include "members/app/member_points.hpp"

namespace kefu::api {
namespace {

using nlohmann::json;

json points_entry(const people::PointsEntry& e) {
  return {{"id", e.id},
          {"kind", std::string(e.kind.code())},
          {"points", e.points},
          {"reason", e.reason},
          {"ref", e.ref},
          {"staff_id", e.staff_id ? json(e.staff_id) : json(nullptr)},
          {"created_at", e.created_at}};
}

json reward(const people::Reward& r) {
  return {{"code", r.code}, {"name", r.name}, {"name_en", r.name_en}, {"points", r.points}, {"active", r.active}};
}

json rewards_json(const std::vector<people::Reward>& rewards) {
  json items = json::array();
  for (const auto& r : rewards) items.push_back(reward(r));
  return {{"items", items}};
}

// GET /members/{id}/points?before&limit
void points(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto before = query_int(req, "before");
  auto limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(20), 1, 200));
  read(s, req, reply, actor, [=](app::Context& c) {
    auto page = app::member_points(c, id, before, limit);
    json items = json::array();
    for (const auto& e : page.entries) items.push_back(points_entry(e));
    return ok(200, {{"balance", page.balance}, {"items", items}, {"next_before", or_null(page.next_before)}});
  });
}

// POST /members/{id}/points/adjust {points, reason}
void adjust(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto pts = req_int(b, "points");
  auto reason = req_string(b, "reason");
  write(s, req, std::move(reply), actor, [=](app::Context& c) {
    auto e = app::adjust_member_points(c, id, pts, reason);
    return ok(201, points_entry(e));
  });
}

// POST /members/{id}/points/redeem {reward, quantity?}
void redeem(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto code = req_string(b, "reward");
  auto quantity = static_cast<int>(std::clamp<int64_t>(maybe_int(b, "quantity").value_or(1), -1, 1000));
  write(s, req, std::move(reply), actor, [=](app::Context& c) {
    auto r = app::redeem_member_points(c, id, code, quantity);
    return ok(201, {{"entry", points_entry(r.entry)},
                    {"reward", reward(r.reward)},
                    {"quantity", r.quantity},
                    {"balance", r.balance}});
  });
}

void get_rewards(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor, [](app::Context& c) { return ok(200, rewards_json(app::points_rewards(c))); });
}

// PUT /members/points/rewards {items: [{code, name, name_en?, points, active?}]}
void put_rewards(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  if (!b.contains("items") || !b["items"].is_array())
    throw kefu::make_error(errors::kRequired, {{"what", kefu::Text("兑换项目", "items")}}, "items");
  std::vector<people::Reward> rewards;
  for (const auto& i : b["items"])
    rewards.push_back({req_string(i, "code"), req_string(i, "name"), opt_string(i, "name_en"), req_int(i, "points"),
                       maybe_bool(i, "active").value_or(true)});
  write(s, req, std::move(reply), actor,
        [rewards](app::Context& c) { return ok(200, rewards_json(app::put_points_rewards(c, rewards))); });
}

}  // namespace

void add_member_points_routes(RouteTable& r) {
  r.add("GET", "/api/v1/members/{id}/points", staff("agent", "members:read").on(Reach::member), points);
  r.add("POST", "/api/v1/members/{id}/points/adjust", staff("supervisor", "members:write").on(Reach::member), adjust);
  r.add("POST", "/api/v1/members/{id}/points/redeem", staff("agent", "members:write").on(Reach::member), redeem);
  r.add("GET", "/api/v1/members/points/rewards", staff("agent", "members:read"), get_rewards);
  r.add("PUT", "/api/v1/members/points/rewards", staff("admin", "members:write"), put_rewards);
}

}  // namespace kefu::api
