#pragma once
// Who may call a route: one declaration per route, beside the route in its capability's
// api/routes.cpp, in the table every capability fills (RouteTable).
//
// The contract, in prose:
// - `caller` says who the route is for. `anyone`: no credentials (login, the customer's
//   submit and track forms). `customer`: the customer link's token in the path
//   ({token}: the tracking link of one ticket, or a CSAT link); no staff credentials are
//   read. `staff`: a console session or an API token; anything else is 401.
// - For staff routes, the central check (enforce() in access.cpp, run by build_router
//   before the handler) refuses with 403 `forbidden` a caller below `min_role`, and a
//   caller using an API token that lacks `scope` ("x:write" implies "x:read", "admin"
//   implies every scope). A console session has every scope its role allows.
// - The checks that need the data stay in the use case, and are declared here so that
//   the access matrix test (tests/e2e/access_matrix.test.mjs, which reads this table
//   through `kefu routes`) knows what to expect:
//   `reach` names what the path's {id} (or the store_id the request names) is; an object
//   of a store the caller does not serve answers 404 `not_found` (its existence is not
//   confirmed) — admins serve every store; `owner_or`: only the object's owner (a ticket's
//   首问负责人, a conversation's agent, a personal canned reply's author) or this role and
//   above may act; others get 403 `forbidden`.
// Use cases keep their own role and scope checks (they are called from the demo loader,
// the CLI and jobs too); this table is the HTTP layer's single, tested statement.
#include <optional>
#include <string_view>
#include <vector>

#include "auth/domain/actor.hpp"
#include "core/http/message.hpp"

namespace kefu::api {

struct Services;

enum class Caller { anyone, customer, staff };

// What a route's path {id} (or the store_id it is given) names, for the store-scope check.
enum class Reach {
  none,             // nothing store-scoped, or a list filtered to the caller's stores
  store,            // a store: {id}, or store_id in the body or query
  ticket,           // a ticket (and what hangs on it: timeline, audit, SLA, resolutions)
  task,             // a collaboration task
  resolution,       // a resolution (remedy) awaiting approval
  attachment,       // an attachment of a ticket
  member,           // a member
  notification,     // one of the caller's own notifications (others' are not found)
  customer_link,    // the ticket behind the customer link's token
  conversation,     // a chat conversation (and its messages and photos)
  canned_reply,     // a canned reply: the store's, or the caller's own (others' personal ones are not found)
  chat_link,        // the conversation behind the customer's chat token
  feedback_item,    // a feedback item (反馈) and what hangs on it
  feedback_place,   // a place with a feedback QR code
  nps_campaign,     // an NPS campaign (seen by those who serve one of its stores)
  nps_invitation,   // an NPS invitation and its answer
  feedback_action,  // an improvement action (整改措施) and what hangs on it
  purchase,         // a purchase (an order from the POS), in its store
  return_record,    // a return recorded at the desk, in its store
  scorecard,        // a quality scorecard (质检评分表): chain-wide or a store's
  qa_rule,          // an automatic quality rule (自动质检规则): chain-wide or a store's
  inspection,       // a quality inspection (质检) and its appeal, in the store of what it inspects
  calibration,      // a calibration session (校准) of several inspectors, in its store
  coaching,         // a coaching assignment (辅导): the agent's own, or their store's supervisors
  case_entry,       // an entry of the case library (案例库), in its store
  staff_complaint,  // a complaint against staff and its review (员工被投诉), in its store
  report_schedule   // a scheduled report (定时报表), in its store or chain-wide
};

struct Access {
  Caller caller = Caller::staff;
  people::Role min_role = "agent";
  std::optional<people::Scope> scope;  // the API-token scope a token must carry
  Reach reach = Reach::none;
  std::optional<people::Role> owner_or;  // the object's owner, or this role and above

  constexpr Access on(Reach r) const {
    auto a = *this;
    a.reach = r;
    return a;
  }
  constexpr Access owner_or_role(people::Role r) const {
    auto a = *this;
    a.owner_or = r;
    return a;
  }
};

// No credentials needed.
constexpr Access anyone() { return {.caller = Caller::anyone}; }
// The customer link's token in the path.
constexpr Access customer() { return {.caller = Caller::customer, .reach = Reach::customer_link}; }
// The customer's chat token in the path ({token}: one conversation).
constexpr Access customer_chat() { return {.caller = Caller::customer, .reach = Reach::chat_link}; }
// Staff of at least `min_role`; API tokens need `scope`.
constexpr Access staff(people::Role min_role, people::Scope scope) {
  return {.caller = Caller::staff, .min_role = min_role, .scope = scope};
}
// Staff of at least `min_role`, whatever their token's scopes (their own things: profile,
// notifications, the vocabularies).
constexpr Access any_staff(people::Role min_role = "agent") { return {.caller = Caller::staff, .min_role = min_role}; }

using HandlerFn = void (*)(Services&, http::Request&, http::Reply);

struct Route {
  std::string method;
  std::string path;
  Access access;
  HandlerFn handler;
  std::string group;  // the capability that added it
};

// What each capability's add_routes fills.
class RouteTable {
 public:
  void add(std::string method, std::string path, Access access, HandlerFn handler);
  void set_group(std::string_view group) { group_ = group; }
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::string group_;
};

// Every route of every capability (src/modules/routes.cpp), with its access; no database.
RouteTable route_table();

// The table as JSON, for `kefu routes` and the access matrix test:
// [{method, path, group, access: {caller, min_role, scope, reach, owner_or}}].
std::string route_table_json(const RouteTable&);

// Refuses (403 cross_site_request) a request that changes something (any method but GET
// and HEAD) or opens a WebSocket when a browser says it comes from another site: Sec-Fetch-Site other than
// same-origin or none, or else an Origin that is not this server (the Host header). A
// request with an Authorization header is not checked (browsers never add one on their
// own), nor one with neither header (not a browser). Run for every route, so login and the
// customer's forms are covered too.
void check_same_origin(const http::Request&);

// The central check for a staff route: authenticates (401) and checks role and scope (403);
// the caller is kept on the request for the handler's authenticate().
void enforce(Services&, http::Request&, const Access&);

}  // namespace kefu::api
