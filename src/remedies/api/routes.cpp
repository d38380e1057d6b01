// Resolution (办结) with authority limits and approvals.
#include "core/api/routes.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "remedies/app/remedies.hpp"
#include "remedies/storage/remedy_store.hpp"
#include "tickets/api/render.hpp"

namespace kefu::api {
namespace {

json render_remedy(const storage::Remedy& r) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); };
  return {{"id", r.id},
          {"ticket_id", r.ticket_id},
          {"kind", r.kind},
          {"kind_zh", remedy::name_zh(r.kind)},
          {"compensation", r.compensation.empty() ? json(nullptr) : json(r.compensation)},
          {"compensation_zh", r.compensation.empty() ? json(nullptr) : json(remedy::name_zh(r.compensation))},
          {"amount_cents", r.amount_cents},
          {"description", r.description},
          {"status", r.status},
          {"approver_role", r.approver_role.empty() ? json(nullptr) : json(r.approver_role)},
          {"requested_by", r.requested_by},
          {"decided_by", opt(r.decided_by)},
          {"decision_reason", r.decision_reason},
          {"created_at", r.created_at},
          {"decided_at", opt(r.decided_at)},
          {"version", r.version}};
}

json render_limits(const remedy::Limits& limits) {
  json l = json::object();
  for (const auto& [role, fen] : limits) l[role] = fen;
  return {{"limits", l}};
}

void propose(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  remedy::Proposal r;
  r.kind = req_string(b, "kind");
  r.compensation = opt_string(b, "compensation");
  r.amount_cents = maybe_int(b, "amount_cents").value_or(0);
  r.description = req_string(b, "description");
  write(s, req, std::move(reply), actor, [id, r](app::Context& c) {
    auto out = app::propose_remedy(c, id, r);
    if (out.remedy.status == "pending") return ok(202, {{"resolution", render_remedy(out.remedy)}});
    return ok(201, {{"resolution", render_remedy(out.remedy)}, {"ticket", render(out.ticket)}});
  });
}

void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) {
    auto items = json::array();
    for (const auto& r : app::ticket_remedies(c, id)) items.push_back(render_remedy(r));
    return ok(200, {{"items", items}});
  });
}

void approvals(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor, [](app::Context& c) {
    auto items = json::array();
    for (const auto& p : app::pending_approvals(c)) {
      auto j = render_remedy(p.remedy);
      j["ticket_number"] = p.ticket.number;
      j["ticket_subject"] = p.ticket.subject;
      j["store_id"] = p.ticket.store_id;
      items.push_back(std::move(j));
    }
    return ok(200, {{"items", items}});
  });
}

void decide(Services& s, http::Request& req, http::Reply reply, bool approve) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto reason = opt_string(parse_object(req, /*allow_empty=*/true), "reason");
  write(s, req, std::move(reply), actor, [id, approve, reason](app::Context& c) {
    return ok(200, {{"resolution", render_remedy(app::decide_remedy(c, id, approve, reason).remedy)}});
  });
}

void get_limits(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor, [](app::Context& c) { return ok(200, render_limits(app::authority_limits(c))); });
}

void put_limits(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto it = b.find("limits");
  if (it == b.end() || it->is_null()) throw make_error(errors::kRequired, {{"what", "limits"}}, "limits");
  if (!it->is_object())
    throw make_error(errors::kInvalidType,
                     {{"field", "limits"}, {"expected", Text("对象（角色 → 金额，单位分）", "an object (role → fen)")}},
                     "limits");
  remedy::Limits limits;
  for (const auto& [role, v] : it->items()) {
    if (!v.is_number_integer())
      throw make_error(errors::kInvalidType,
                       {{"field", "limits." + role}, {"expected", Text("整数（单位分）", "an integer (fen)")}},
                       "limits." + role);
    limits[role] = v.get<int64_t>();
  }
  write(s, req, std::move(reply), actor,
        [limits](app::Context& c) { return ok(200, render_limits(app::set_authority_limits(c, limits))); });
}

}  // namespace

void add_remedy_routes(RouteTable& r) {
  r.add("POST", "/api/v1/tickets/{id}/resolutions",
        staff("agent", "tickets:write").on(Reach::ticket).owner_or_role("supervisor"), propose);
  r.add("GET", "/api/v1/tickets/{id}/resolutions", staff("agent", "tickets:read").on(Reach::ticket), list);
  r.add("GET", "/api/v1/approvals", staff("agent", "tickets:read"), approvals);
  r.add("POST", "/api/v1/resolutions/{id}/approve", staff("supervisor", "tickets:write").on(Reach::resolution),
        [](Services& sv, http::Request& q, http::Reply p) { decide(sv, q, std::move(p), true); });
  r.add("POST", "/api/v1/resolutions/{id}/reject", staff("supervisor", "tickets:write").on(Reach::resolution),
        [](Services& sv, http::Request& q, http::Reply p) { decide(sv, q, std::move(p), false); });
  r.add("GET", "/api/v1/authority-limits", any_staff(), get_limits);
  r.add("PUT", "/api/v1/authority-limits", staff("admin", "admin"), put_limits);
}

}  // namespace kefu::api
