// Returns (退换货): the policy in force, saving it, its history, trying an edit against
// cases, and deciding a return request with no write.
#include "core/api/routes.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/domain/errors.hpp"
#include "returns/api/render.hpp"
#include "returns/storage/policy_json.hpp"

namespace kefu::api {
namespace {

// GET /returns/policy?store_id=N (absent: the chain's policy)
void get_policy(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store_id = query_int(req, "store_id").value_or(0);
  read(s, req, reply, actor,
       [store_id](app::Context& c) { return ok(200, render_policy(app::return_policy(c, store_id))); });
}

// PUT /returns/policy {store_id, version, rules | defaults: true, note}
void put_policy(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::PolicySave save{maybe_int(b, "store_id").value_or(0), std::nullopt, maybe_int(b, "version"),
                       opt_string(b, "note")};
  if (!maybe_bool(b, "defaults").value_or(false)) {
    if (!b.contains("rules")) throw make_error(errors::kRequired, {{"what", Text("规则", "rules")}}, "rules");
    save.policy = storage::policy_from_json(b["rules"]);
  }
  write(s, req, std::move(reply), actor,
        [save](app::Context& c) { return ok(200, render_policy(app::save_return_policy(c, save))); });
}

void history(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store_id = query_int(req, "store_id").value_or(0);
  read(s, req, reply, actor, [store_id](app::Context& c) {
    json items = json::array();
    for (const auto& v : app::return_policy_history(c, store_id)) items.push_back(render_version(v));
    return ok(200, {{"items", items}});
  });
}

// POST /returns/policy/check {rules, cases}: no write.
void check(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  if (!b.contains("rules")) throw make_error(errors::kRequired, {{"what", Text("规则", "rules")}}, "rules");
  auto policy = storage::policy_from_json(b["rules"]);
  auto cases = cases_from(b);
  read(s, req, reply, actor,
       [policy, cases](app::Context& c) { return ok(200, render_check(app::check_return_policy(c, policy, cases))); });
}

// POST /returns/decide {line_id | store_id + item + order, member_id | tier, condition,
// quality_issue, receipt, quantity, reason}: no write.
void decide(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::ReturnQuestion q;
  q.line_id = maybe_int(b, "line_id");
  q.store_id = q.line_id ? 0 : req_int(b, "store_id");
  q.member_id = maybe_int(b, "member_id");
  q.tier = opt_string(b, "tier");
  q.request.condition = opt_string(b, "condition", "unopened");
  q.request.quality_issue = maybe_bool(b, "quality_issue").value_or(false);
  q.request.receipt = maybe_bool(b, "receipt").value_or(false);
  q.request.quantity = maybe_int(b, "quantity").value_or(1);
  q.request.reason = opt_string(b, "reason");
  if (!q.line_id) {
    q.line = line_from(b);
    q.order = order_from(b);
  }
  read(s, req, reply, actor, [q](app::Context& c) {
    auto a = app::decide_return(c, q);
    auto out = render_verdict(a.verdict);
    out["tier"] = a.tier.empty() ? json(nullptr) : json(a.tier);
    out["policy"] = {{"version", a.policy_version}, {"uses_defaults", a.policy_defaults}};
    return ok(200, out);
  });
}

}  // namespace

void add_returns_routes(RouteTable& r) {
  r.add("GET", "/api/v1/returns/policy", staff("agent", "returns:read").on(Reach::store), get_policy);
  r.add("PUT", "/api/v1/returns/policy", staff("manager", "returns:write").on(Reach::store), put_policy);
  r.add("GET", "/api/v1/returns/policy/history", staff("agent", "returns:read").on(Reach::store), history);
  r.add("POST", "/api/v1/returns/policy/check", staff("agent", "returns:read"), check);
  r.add("POST", "/api/v1/returns/decide", staff("agent", "returns:read").on(Reach::store), decide);
}

}  // namespace kefu::api
