// Tickets: create, read, list/search, update, status, replies and notes, claim,
// hand-over, collaboration tasks, timeline and audit.
#include "core/api/routes.hpp"
#include "core/api/json_io.hpp"
#include "core/api/json_writer.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "tickets/api/render.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/domain/listing.hpp"

namespace kefu::api {
namespace {

http::Response ticket_response(int status, const ticket::Ticket& t) {
  std::string body;
  body.reserve(1024);
  write_ticket(body, t);
  auto r = http::Response::json(status, std::move(body));
  r.set("ETag", "\"" + std::to_string(t.version) + "\"");
  return r;
}

void create(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  app::NewTicket in;
  in.store_id = req_int(b, "store_id");
  in.department_id = maybe_int(b, "department_id");
  in.type = req_string(b, "type");
  in.channel = req_string(b, "channel");
  in.priority = opt_string(b, "priority");
  in.subject = req_string(b, "subject");
  in.description = opt_string(b, "description");
  in.category = opt_string(b, "category");
  in.location = opt_string(b, "location");
  in.member_id = maybe_int(b, "member_id");
  in.purchase_ref = opt_string(b, "purchase_ref");
  in.purchase_line_id = maybe_int(b, "purchase_line_id");
  // Segmenting is CPU work: done here on the io thread, not on the single writer.
  if (s.segmenter) in.search_tokens = app::new_ticket_tokens(*s.segmenter, in);
  write(s, req, std::move(reply), actor,
        [in](app::Context& c) { return ticket_response(201, app::create_ticket(c, in)); });
}

void get(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) { return ticket_response(200, app::get_ticket(c, id)); });
}

// GET /tickets's query: filters, search text, sort and cursor.
app::TicketQuery ticket_query(const http::Request& req, const people::Actor& actor, int64_t now) {
  app::TicketQuery q;
  auto& f = q.filter;
  f.statuses = query_list(req, "status");
  f.types = query_list(req, "type");
  f.priorities = query_list(req, "priority");
  f.channels = query_list(req, "channel");
  f.store_id = query_int(req, "store_id");
  f.department_id = query_int(req, "department_id");
  f.member_id = query_int(req, "member_id");
  f.owner_id =
      req.query_value("owner_id") == "me" ? std::optional<int64_t>(actor.staff_id) : query_int(req, "owner_id");
  f.created_from = query_time(req, "created_from");
  f.created_to = query_time(req, "created_to");
  if (auto o = req.query_value("overdue"); o == "1" || o == "true") f.overdue_at = now;
  if (req.has_query("category")) f.category = req.query_value("category");
  f.metric = req.query_value("metric");
  f.limit = static_cast<int>(query_int(req, "limit").value_or(50));
  const auto sort_text = req.has_query("sort") ? req.query_value("sort") : std::string("-created_at");
  const auto sort = ticket::parse_sort(sort_text);
  if (!sort)
    throw make_error(errors::kInvalidEnum,
                     {{"field", "sort"},
                      {"value", sort_text},
                      {"allowed", Text("created_at、updated_at、priority，前加 - 为倒序",
                                       "created_at, updated_at, priority; prefix - for descending")}},
                     "sort");
  f.sort = sort->key;
  f.descending = sort->descending;
  if (auto text = req.query_value("cursor"); !text.empty()) {
    auto cursor = ticket::parse_cursor(text, f.sort);
    if (!cursor) throw make_error(errors::kInvalidCursor, {}, "cursor");
    f.after_key = cursor->key;
    f.after_id = cursor->id;
  }
  q.text = req.query_value("q");
  return q;
}

// A page of tickets: {"items": [...], "next_cursor": "…" | null}, written straight into the body.
http::Response ticket_page(const std::vector<ticket::Ticket>& rows, const app::TicketQuery& q) {
  std::string body = "{\"items\":[";
  body.reserve(rows.size() * 800 + 64);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i) body += ',';
    write_ticket(body, rows[i]);
  }
  body += "],\"next_cursor\":";
  if (static_cast<int>(rows.size()) == std::clamp(q.filter.limit, 1, 200))
    append_json_string(body, ticket::cursor_of(rows.back(), q.filter.sort));
  else
    body += "null";
  body += '}';
  return http::Response::json(200, std::move(body));
}

void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto q = ticket_query(req, actor, s.now_ms());
  read(s, req, reply, actor, [q](app::Context& c) { return ticket_page(app::list_tickets(c, q), q); });
}

app::TicketPatch ticket_patch(const nlohmann::json& b) {
  app::TicketPatch p;
  p.subject = maybe_string(b, "subject");
  p.description = maybe_string(b, "description");
  p.category = maybe_string(b, "category");
  p.location = maybe_string(b, "location");
  p.priority = maybe_string(b, "priority");
  p.type = maybe_string(b, "type");
  p.purchase_ref = maybe_string(b, "purchase_ref");
  p.department_id = patch_int(b, "department_id");
  p.member_id = patch_int(b, "member_id");
  p.purchase_line_id = patch_int(b, "purchase_line_id");
  return p;
}

void update(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto p = ticket_patch(b);
  auto header_version = if_match(req);
  auto body_version = maybe_int(b, "version");
  if (!header_version && !body_version) throw make_error(errors::kVersionRequired, {}, "version");
  write(s, req, std::move(reply), actor, [id, p, header_version, body_version](app::Context& c) {
    auto version = header_version.value_or(body_version.value_or(0));
    return ticket_response(200, app::update_ticket(c, id, p, version, header_version.has_value()));
  });
}

void status(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto to = req_string(b, "status");
  auto comment = opt_string(b, "comment");
  auto version = maybe_int(b, "version");
  write(s, req, std::move(reply), actor, [id, to, comment, version](app::Context& c) {
    return ticket_response(200, app::change_status(c, id, to, comment, version));
  });
}

void message(Services& s, http::Request& req, http::Reply reply, bool is_reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto body = req_string(parse_object(req), "body");
  write(s, req, std::move(reply), actor,
        [id, body, is_reply](app::Context& c) { return ok(201, render(app::add_message(c, id, body, is_reply))); });
}

void claim(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  write(s, req, std::move(reply), actor,
        [id](app::Context& c) { return ticket_response(200, app::claim_ticket(c, id)); });
}

void handover(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto to = req_int(b, "to_staff_id");
  auto reason = req_string(b, "reason");
  write(s, req, std::move(reply), actor,
        [id, to, reason](app::Context& c) { return ticket_response(200, app::hand_over(c, id, to, reason)); });
}

void create_task(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  app::NewTask t{req_int(b, "department_id"), maybe_int(b, "assignee_id"), req_string(b, "description"), 0};
  auto due = maybe_time(b, "due_at");
  if (!due) throw make_error(errors::kRequired, {{"what", "due_at"}}, "due_at");
  t.due_at = *due;
  write(s, req, std::move(reply), actor,
        [id, t](app::Context& c) { return ok(201, render(app::create_task(c, id, t))); });
}

void update_task(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  app::TaskChange ch{maybe_string(b, "status"), maybe_string(b, "result"), maybe_int(b, "assignee_id"),
                     maybe_time(b, "due_at")};
  auto version = maybe_int(b, "version");
  write(s, req, std::move(reply), actor,
        [id, ch, version](app::Context& c) { return ok(200, render(app::update_task(c, id, ch, version))); });
}

void timeline(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) {
    auto tl = app::timeline(c, id);
    nlohmann::json body{{"events", nlohmann::json::array()},
                        {"tasks", nlohmann::json::array()},
                        {"attachments", nlohmann::json::array()}};
    for (const auto& e : tl.events) body["events"].push_back(render(e));
    for (const auto& t : tl.tasks) body["tasks"].push_back(render(t));
    for (const auto& a : tl.attachments) body["attachments"].push_back(render(a));
    return ok(200, body);
  });
}

void audit(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  read(s, req, reply, actor, [id](app::Context& c) {
    auto a = nlohmann::json::array();
    for (const auto& e : app::ticket_audit(c, id)) a.push_back(render(e));
    return ok(200, {{"items", a}});
  });
}

}  // namespace

void add_ticket_routes(RouteTable& r) {
  r.add("POST", "/api/v1/tickets", staff("agent", "tickets:write").on(Reach::store), create);
  r.add("GET", "/api/v1/tickets", staff("agent", "tickets:read"), list);
  r.add("GET", "/api/v1/tickets/{id}", staff("agent", "tickets:read").on(Reach::ticket), get);
  r.add("PATCH", "/api/v1/tickets/{id}", staff("agent", "tickets:write").on(Reach::ticket).owner_or_role("supervisor"),
        update);
  r.add("POST", "/api/v1/tickets/{id}/status",
        staff("agent", "tickets:write").on(Reach::ticket).owner_or_role("supervisor"), status);
  r.add("POST", "/api/v1/tickets/{id}/replies",
        staff("agent", "tickets:write").on(Reach::ticket).owner_or_role("supervisor"),
        [](Services& sv, http::Request& q, http::Reply p) { message(sv, q, std::move(p), true); });
  r.add("POST", "/api/v1/tickets/{id}/notes", staff("agent", "tickets:write").on(Reach::ticket),
        [](Services& sv, http::Request& q, http::Reply p) { message(sv, q, std::move(p), false); });
  r.add("POST", "/api/v1/tickets/{id}/claim", staff("agent", "tickets:write").on(Reach::ticket), claim);
  r.add("POST", "/api/v1/tickets/{id}/handover",
        staff("agent", "tickets:write").on(Reach::ticket).owner_or_role("supervisor"), handover);
  r.add("POST", "/api/v1/tickets/{id}/tasks",
        staff("agent", "tickets:write").on(Reach::ticket).owner_or_role("supervisor"), create_task);
  r.add("PATCH", "/api/v1/tasks/{id}", staff("agent", "tickets:write").on(Reach::task).owner_or_role("supervisor"),
        update_task);
  r.add("GET", "/api/v1/tickets/{id}/timeline", staff("agent", "tickets:read").on(Reach::ticket), timeline);
  r.add("GET", "/api/v1/tickets/{id}/audit",
        staff("agent", "tickets:read").on(Reach::ticket).owner_or_role("supervisor"), audit);
}

}  // namespace kefu::api
