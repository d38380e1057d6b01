// Live chat's staff routes (docs/chat.md): the agents' workspace (conversations, messages,
// photos, read marks, pick, assign, transfer, invite, end, member, ticket), presence, the
// supervisor's live view and report, agents' capacity. The customer's routes are in
// customer_routes.cpp, registered first. Every write pokes the chat hub after its commit,
// so this node's sockets hear of it at once.
#include "core/api/routes.hpp"

#include "chat/api/protocol.hpp"
#include "chat/api/route_support.hpp"
#include "chat/api/sockets.hpp"
#include "chat/app/conversations.hpp"
#include "chat/app/desk.hpp"
#include "chat/domain/errors.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "tickets/api/uploads.hpp"

namespace kefu::api {

void add_chat_customer_routes(RouteTable&);  // customer_routes.cpp

namespace {

using chat::protocol::conversation_json;
using chat::protocol::message_json;
using nlohmann::json;
using namespace chat_support;

json staff_conversation_json(app::Context& c, const chat::Conversation& conv) {
  auto j = conversation_json(conv, false, app::conversation_participants(c, conv.id));
  auto last = c.store<storage::ConversationStore>().messages_after(conv.id, std::max<int64_t>(0, conv.last_seq - 1), 1);
  j["last_message"] = last.empty() ? json(nullptr)
                                   : json{{"sender", last[0].sender},
                                          {"kind", last[0].kind},
                                          {"body", last[0].body.substr(0, 300)},
                                          {"created_at", last[0].created_at}};
  return j;
}

json me_json(const app::ChatMe& m) {
  return {{"staff_id", m.agent.staff_id},
          {"presence", m.agent.presence},
          {"on_call", m.agent.on_call},
          {"presence_at", m.agent.presence_at},
          {"capacity", m.capacity},
          {"queues", m.agent.queues},
          {"active", m.active}};
}

void me(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  read(s, req, reply, actor, [](app::Context& c) { return ok(200, me_json(app::chat_me(c))); });
}

void presence(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto b = parse_object(req);
  auto p = req_string(b, "presence");
  std::optional<bool> on_call;
  if (b.contains("on_call") && !b["on_call"].is_null()) on_call = opt_bool(b, "on_call");
  chat_write(s, req, std::move(reply), actor, [p, on_call](app::Context& c) {
    app::set_presence(c, p, on_call);
    return ok(200, me_json(app::chat_me(c)));
  });
}

void list(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  app::ConversationQuery q;
  q.store_id = query_int(req, "store_id");
  q.status = req.query_value("status");
  q.mine = req.query_value("mine") == "1" || req.query_value("mine") == "true";
  q.before = query_int(req, "before");
  q.limit = static_cast<int>(query_int(req, "limit").value_or(50));
  read(s, req, reply, actor, [q](app::Context& c) {
    auto items = json::array();
    for (const auto& conv : app::list_conversations(c, q)) items.push_back(staff_conversation_json(c, conv));
    return ok(200, {{"items", items}});
  });
}

void detail(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto after = after_of(req);
  read(s, req, reply, actor, [id, after](app::Context& c) {
    auto conv = app::staff_conversation(c, id);
    return ok(200, {{"conversation", staff_conversation_json(c, conv)},
                    {"messages", messages_json(app::staff_messages(c, id, after, 500), false)}});
  });
}

void staff_send(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto cid = req_string(b, "client_msg_id");
  auto body = req_string(b, "body");
  const bool whisper = opt_bool(b, "whisper");
  ignore_idempotency_key(req);
  chat_write(
      s, req, std::move(reply), actor,
      [id, cid, body, whisper](app::Context& c) {
        return ok(201, appended_json(app::agent_say(c, id, cid, body, whisper), false));
      },
      id);
}

void staff_upload(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  ignore_idempotency_key(req);
  {
    app::Context c{s.db.reader(), actor, s.now_ms(), nullptr};
    app::staff_conversation(c, id);  // 404 outside the caller's stores, before any byte is stored
  }
  auto image = check_image_upload(req);
  auto* hub = s.chat;
  store_image(s, std::move(req), poking(std::move(reply), hub), actor, image,
              [id](app::Context& c, const ticket::Attachment& a) {
                return ok(201, appended_json(app::staff_photo(c, id, photo_from(a)), false));
              });
}

void staff_photo_get(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto photo = path_id(req, "photo");
  read(s, req, reply, actor, [&s, id, photo](app::Context& c) {
    app::staff_conversation(c, id);
    const auto p = app::photo_of(c, id, photo);
    return stored_photo(s, p.sha256, p.content_type);
  });
}

void staff_read_mark(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto seq = req_int(parse_object(req), "seq");
  chat_write(s, req, std::move(reply), actor, [id, seq](app::Context& c) {
    app::staff_read(c, id, seq);
    return ok(200, {{"seq", seq}});
  });
}

// The actions that answer with the conversation afterwards.
using Action = std::function<chat::Conversation(app::Context&)>;
void act(Services& s, http::Request& req, http::Reply reply, const people::Actor& actor, Action fn) {
  chat_write(s, req, std::move(reply), actor, [fn](app::Context& c) {
    auto conv = fn(c);
    return ok(200, {{"conversation", staff_conversation_json(c, conv)}});
  });
}

void pick(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  act(s, req, std::move(reply), actor, [id](app::Context& c) { return app::pick(c, id); });
}

void assign(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto agent = req_int(parse_object(req), "agent_id");
  act(s, req, std::move(reply), actor, [id, agent](app::Context& c) { return app::assign_to(c, id, agent); });
}

void transfer(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto agent = maybe_int(b, "agent_id");
  auto queue = maybe_string(b, "queue");
  auto note = opt_string(b, "note");
  act(s, req, std::move(reply), actor,
      [id, agent, queue, note](app::Context& c) { return app::transfer(c, id, agent, queue, note); });
}

void invite(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  auto staff = req_int(b, "staff_id");
  auto note = opt_string(b, "note");
  act(s, req, std::move(reply), actor, [id, staff, note](app::Context& c) { return app::invite(c, id, staff, note); });
}

void end(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  act(s, req, std::move(reply), actor, [id](app::Context& c) { return app::end_chat(c, id); });
}

void member(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto m = maybe_int(parse_object(req), "member_id");
  act(s, req, std::move(reply), actor, [id, m](app::Context& c) { return app::link_member(c, id, m); });
}

void make_ticket(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req, true);
  app::ChatTicket in{opt_string(b, "type", "inquiry"), opt_string(b, "subject"), opt_string(b, "priority")};
  chat_write(s, req, std::move(reply), actor, [id, in](app::Context& c) {
    const auto ticket = app::make_ticket(c, id, in);
    return ok(201, {{"ticket_id", ticket}, {"conversation_id", id}});
  });
}

void monitor(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store = query_int(req, "store_id");
  if (!store) throw make_error(errors::kRequired, {{"what", "store_id"}}, "store_id");
  read(s, req, reply, actor, [store](app::Context& c) {
    auto m = app::monitor(c, *store);
    auto agents = json::array(), queues = json::array(), late = json::array();
    for (const auto& a : m.agents)
      agents.push_back({{"staff_id", a.staff_id},
                        {"display_name", a.display_name},
                        {"role", a.role},
                        {"presence", a.presence},
                        {"presence_at", a.presence_at},
                        {"capacity", a.capacity},
                        {"active", a.active},
                        {"queues", a.queues}});
    for (const auto& q : m.queues)
      queues.push_back(
          {{"queue", q.queue}, {"waiting", q.waiting}, {"longest_wait_ms", q.longest_wait_ms}, {"staffed", q.staffed}});
    for (const auto& conv : m.late) late.push_back(staff_conversation_json(c, conv));
    return ok(200, {{"store_id", *store},
                    {"agents", agents},
                    {"queues", queues},
                    {"late", late},
                    {"targets", [&] {
                       auto t = targets_json(m.targets);
                       t["idle_end_minutes"] = m.targets.idle_end_minutes;
                       return t;
                     }()}});
  });
}

json percentiles_json(const app::Percentiles& p) {
  return {{"count", p.count}, {"avg_ms", p.avg_ms}, {"p90_ms", p.p90_ms}};
}

void report(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto store = query_int(req, "store_id");
  if (!store) throw make_error(errors::kRequired, {{"what", "store_id"}}, "store_id");
  const auto to = query_time(req, "to").value_or(s.now_ms());
  const auto from = query_time(req, "from").value_or(to - 7LL * 24 * 3600 * 1000);
  read(s, req, reply, actor, [store, from, to](app::Context& c) {
    auto r = app::chat_report(c, *store, from, to);
    auto queues = json::array();
    for (const auto& q : r.queues)
      queues.push_back(
          {{"queue", q.queue},
           {"conversations", q.conversations},
           {"served", q.served},
           {"abandoned", q.abandoned},
           {"first_replies", q.first_replies},
           {"first_reply_within_target", q.first_reply_within},
           {"reply_gaps", {{"count", q.gaps}, {"over_target", q.gaps_over}}},
           {"targets", [&] {
              const auto t = r.targets.targets_for(q.queue);
              return json{{"first_reply_seconds", t.first_reply_seconds}, {"reply_gap_seconds", t.reply_gap_seconds}};
            }()}});
    return ok(200, {{"store_id", *store},
                    {"from", from},
                    {"to", to},
                    {"conversations", r.conversations},
                    {"served", r.served},
                    {"abandoned", r.abandoned},
                    {"left_messages", r.left_messages},
                    {"open", r.open},
                    {"wait", percentiles_json(r.wait)},
                    {"first_reply", percentiles_json(r.first_reply)},
                    {"first_reply_within_target", r.first_reply_within},
                    {"handling", percentiles_json(r.handling)},
                    {"reply_gaps", {{"count", r.gaps}, {"over_target", r.gaps_over}, {"longest_ms", r.longest_gap_ms}}},
                    {"rating", {{"count", r.ratings}, {"avg", r.rating_avg}}},
                    {"queues", queues},
                    {"targets", targets_json(r.targets)},
                    {"truncated", r.truncated}});
  });
}

void chat_agent(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto id = path_id(req);
  auto b = parse_object(req);
  std::optional<int> capacity;
  if (auto v = maybe_int(b, "capacity")) capacity = static_cast<int>(std::clamp<int64_t>(*v, -1, 1000));
  auto queues = string_list(b, "queues");
  chat_write(s, req, std::move(reply), actor, [id, capacity, queues](app::Context& c) {
    auto a = app::set_chat_agent(c, id, capacity, queues);
    return ok(200, {{"staff_id", a.staff_id},
                    {"capacity", a.capacity ? json(*a.capacity) : json(nullptr)},
                    {"queues", a.queues},
                    {"presence", a.presence}});
  });
}

}  // namespace
void add_chat_routes(RouteTable& r) {
  add_chat_customer_routes(r);

  // owner_or on a conversation: its assigned agent (for photos and invitations also an
  // invited colleague), else supervisor and above; anyone of the store may whisper.
  const auto reader = staff("agent", "chat:read"), writer = staff("agent", "chat:write");
  r.add("GET", "/api/v1/chat/socket", reader, staff_socket);
  r.add("GET", "/api/v1/chat/me", reader, me);
  r.add("POST", "/api/v1/chat/presence", writer, presence);
  r.add("GET", "/api/v1/chat/conversations", reader, list);
  r.add("GET", "/api/v1/chat/conversations/{id}", reader.on(Reach::conversation), detail);
  r.add("POST", "/api/v1/chat/conversations/{id}/messages", writer.on(Reach::conversation), staff_send);
  r.add("POST", "/api/v1/chat/conversations/{id}/photos", writer.on(Reach::conversation).owner_or_role("supervisor"),
        staff_upload);
  r.add("GET", "/api/v1/chat/conversations/{id}/photos/{photo}", reader.on(Reach::conversation), staff_photo_get);
  r.add("POST", "/api/v1/chat/conversations/{id}/read", writer.on(Reach::conversation), staff_read_mark);
  r.add("POST", "/api/v1/chat/conversations/{id}/pick", writer.on(Reach::conversation), pick);
  r.add("POST", "/api/v1/chat/conversations/{id}/assign", staff("supervisor", "chat:write").on(Reach::conversation),
        assign);
  r.add("POST", "/api/v1/chat/conversations/{id}/transfer", writer.on(Reach::conversation).owner_or_role("supervisor"),
        transfer);
  r.add("POST", "/api/v1/chat/conversations/{id}/invite", writer.on(Reach::conversation).owner_or_role("supervisor"),
        invite);
  r.add("POST", "/api/v1/chat/conversations/{id}/end", writer.on(Reach::conversation).owner_or_role("supervisor"), end);
  r.add("POST", "/api/v1/chat/conversations/{id}/member", writer.on(Reach::conversation), member);
  r.add("POST", "/api/v1/chat/conversations/{id}/ticket", staff("agent", "tickets:write").on(Reach::conversation),
        make_ticket);
  r.add("GET", "/api/v1/chat/monitor", staff("supervisor", "chat:read").on(Reach::store), monitor);
  r.add("GET", "/api/v1/chat/report", staff("supervisor", "chat:read").on(Reach::store), report);
  r.add("PUT", "/api/v1/staff/{id}/chat", staff("supervisor", "chat:write"), chat_agent);
}

}  // namespace kefu::api
