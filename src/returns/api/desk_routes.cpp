// Returns at the desk (退换货快速办理): finding the purchase, deciding and recording a
// return, reading returns, and the returns report.
#include <algorithm>

#include "core/api/json_io.hpp"
#include "core/api/routes.hpp"
#include "core/api/support.hpp"
#include "returns/api/desk_render.hpp"

namespace kefu::api {
namespace {

// POST /returns/lookup {receipt_no | member_id | phone}: a read, except by phone (the
// member lookup is audited and throttled, so it writes).
void lookup(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::Lookup in{opt_string(b, "receipt_no"), opt_string(b, "phone"), maybe_int(b, "member_id"), req.remote};
  auto run = [in](app::Context& c) {
    json items = json::array();
    for (const auto& o : app::lookup_purchases(c, in)) items.push_back(render_desk_order(o));
    return ok(200, {{"items", items}});
  };
  if (in.receipt_no.empty() && !in.member_id && !in.phone.empty())
    write(s, req, std::move(reply), actor, run);
  else
    read(s, req, reply, actor, run);
}

// POST /returns {line_id, quantity, reason, note, condition, receipt, remedy,
// override_reason, preview}: with preview true the decision alone (200, nothing written);
// else the return recorded (201), idempotent by Idempotency-Key.
void record(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::DeskReturn in;
  in.line_id = req_int(b, "line_id");
  in.quantity = maybe_int(b, "quantity").value_or(1);
  in.reason = req_string(b, "reason");
  in.note = opt_string(b, "note");
  in.condition = opt_string(b, "condition", "unopened");
  in.receipt = maybe_bool(b, "receipt").value_or(false);
  in.remedy = opt_string(b, "remedy");
  in.override_reason = opt_string(b, "override_reason");
  if (maybe_bool(b, "preview").value_or(false)) {
    read(s, req, reply, actor,
         [in](app::Context& c) { return ok(200, render_desk_outcome(app::preview_return(c, in))); });
    return;
  }
  write(s, req, std::move(reply), actor,
        [in](app::Context& c) { return ok(201, render_desk_outcome(app::record_return(c, in))); });
}

void get_one(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  const auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ok(200, render_return(app::get_return(c, id))); });
}

// GET /returns?store_id&state&ticket_id&member_id&line_id&before_id&limit
void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  storage::ReturnFilter f;
  if (auto store = query_int(req, "store_id")) f.store_ids = {*store};
  f.state = req.query_value("state");
  f.ticket_id = query_int(req, "ticket_id");
  f.member_id = query_int(req, "member_id");
  f.line_id = query_int(req, "line_id");
  f.before_id = query_int(req, "before_id");
  f.limit = static_cast<int>(std::clamp<int64_t>(query_int(req, "limit").value_or(50), 1, 200));
  read(s, req, reply, actor, [f](app::Context& c) {
    json items = json::array();
    for (const auto& r : app::find_returns(c, f)) items.push_back(render_return(r));
    return ok(200, {{"items", items}});
  });
}

// GET /reports/returns?from&to&by&store_id
void report(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  storage::ReportQuery q;
  if (auto store = query_int(req, "store_id")) q.store_ids = {*store};
  q.from = query_time(req, "from").value_or(0);
  q.to = query_time(req, "to").value_or(0);
  if (auto by = req.query_value("by"); !by.empty()) q.by = by;
  read_on_worker(s, req, reply, actor,
                 [q](app::Context& c) { return ok(200, render_returns_report(app::returns_report(c, q))); });
}

}  // namespace

void add_desk_return_routes(RouteTable& r) {
  r.add("POST", "/api/v1/returns/lookup", staff("agent", "returns:read"), lookup);
  r.add("POST", "/api/v1/returns", staff("agent", "returns:write"), record);
  r.add("GET", "/api/v1/returns", staff("agent", "returns:read"), list);
  r.add("GET", "/api/v1/returns/{id}", staff("agent", "returns:read").on(Reach::return_record), get_one);
  r.add("GET", "/api/v1/reports/returns", staff("supervisor", "returns:read").on(Reach::store), report);
}

}  // namespace kefu::api
