// Live chat's REST routes (docs/chat.md): the customer's conversation by its token (the
// polling fallback of the socket), the agents' workspace, presence and the supervisor's
// live view. Every write pokes the chat hub after its commit, so this node's sockets
// hear of it at once.
#include "core/api/routes.hpp"

#include "chat/api/chat_hub.hpp"
#include "chat/api/protocol.hpp"
#include "chat/api/sockets.hpp"
#include "chat/app/conversations.hpp"
#include "chat/app/desk.hpp"
#include "chat/domain/errors.hpp"
#include "core/api/json_io.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "tickets/api/blob_store.hpp"
#include "tickets/api/uploads.hpp"

namespace kefu::api {
namespace {

using chat::protocol::conversation_json;
using chat::protocol::message_json;
using nlohmann::json;

std::string token_of(const http::Request& req) {
  auto it = req.params.find("token");
  return it == req.params.end() ? std::string() : it->second;
}

// The reply, then a poke of the live hub when it reports a commit.
http::Reply poking(http::Reply reply, ChatHub* hub) {
  return [reply = std::move(reply), hub](http::Response r) {
    const bool done = r.status < 300;
    reply(std::move(r));
    if (done && hub) hub->poke();
  };
}

// write(), then a poke of the live hub once committed; a conversation's writes keep to one
// writer connection (`affinity` = its id: Database::write_for).
void chat_write(Services& s, http::Request& req, http::Reply reply, people::Actor actor, WriteFn fn,
                int64_t affinity = 0) {
  auto* hub = s.chat;
  write(s, req, poking(std::move(reply), hub), std::move(actor), std::move(fn), static_cast<uint64_t>(affinity));
}

json messages_json(const std::vector<chat::Message>& list, bool for_customer) {
  auto out = json::array();
  for (const auto& m : list)
    if (!(for_customer && m.kind == "whisper")) out.push_back(message_json(m, for_customer));
  return out;
}

json place_json(const app::QueuePlace& p) {
  return {{"position", p.position}, {"wait_ms", p.wait_ms ? json(*p.wait_ms) : json(nullptr)}, {"staffed", p.staffed}};
}

json appended_json(const storage::Appended& a, bool for_customer) {
  return {{"message", message_json(a.message, for_customer)}, {"duplicate", a.duplicate}};
}

bool opt_bool(const json& b, const char* field) {
  auto it = b.find(field);
  if (it == b.end() || it->is_null()) return false;
  if (!it->is_boolean())
    throw make_error(errors::kInvalidType, {{"field", field}, {"expected", Text("true 或 false", "true or false")}},
                     field);
  return it->get<bool>();
}

int64_t after_of(const http::Request& req) { return query_int(req, "after").value_or(0); }

http::Response photo_response(Services& s, const storage::ChatPhoto& p) {
  auto bytes = BlobStore(s.attachments_dir).get(p.sha256);
  if (!bytes) throw make_error(errors::kNotFound, {{"what", Text("图片", "photo")}});
  auto r = http::Response::text(200, std::move(*bytes), p.content_type);
  r.set("Cache-Control", "private, max-age=86400");
  r.set("X-Content-Type-Options", "nosniff");
  return r;
}

storage::ChatPhoto photo_from(const ticket::Attachment& a) {
  storage::ChatPhoto p;
  p.sha256 = a.sha256;
  p.content_type = a.content_type;
  p.size = a.size;
  p.filename = a.filename;
  return p;
}

// --- the customer ---------------------------------------------------------------------

void start(Services& s, http::Request& req, http::Reply reply) {
  auto b = parse_object(req);
  app::StartChat in{.store_id = req_int(b, "store_id"),
                    .queue = opt_string(b, "queue", "general"),
                    .customer_name = opt_string(b, "name"),
                    .remote = req.remote};
  ignore_idempotency_key(req);  // the answer holds the token, shown once
  chat_write(s, req, std::move(reply), people::customer_actor(), [in](app::Context& c) {
    auto out = app::start_chat(c, in);
    auto messages = app::customer_messages(c, out.token, 0, 500);
    return ok(201, {{"token", out.token},
                    {"conversation", conversation_json(out.conversation, true)},
                    {"queue", place_json(out.place)},
                    {"messages", messages_json(messages, true)}});
  });
}

void customer_view(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto after = after_of(req);
  read(s, req, reply, people::customer_actor(), [token, after](app::Context& c) {
    auto conv = app::chat_for_token(c, token);
    return ok(200, {{"conversation", conversation_json(conv, true)},
                    {"queue", place_json(app::queue_place(c, conv))},
                    {"messages", messages_json(app::customer_messages(c, token, after, 500), true)}});
  });
}

void customer_send(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto b = parse_object(req);
  auto id = req_string(b, "client_msg_id");
  auto body = req_string(b, "body");
  ignore_idempotency_key(req);  // client_msg_id is the idempotency key of a message
  int64_t conversation = 0;
  try {
    app::Context c{s.db.reader(), people::customer_actor(), s.now_ms(), nullptr};
    conversation = app::chat_for_token(c, token).id;
  } catch (const Error&) {
    // the write says what is wrong with the token
  }
  chat_write(
      s, req, std::move(reply), people::customer_actor(),
      [token, id, body](app::Context& c) {
        return ok(201, appended_json(app::customer_say(c, token, id, body), true));
      },
      conversation);
}

void customer_upload(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  ignore_idempotency_key(req);
  {
    app::Context c{s.db.reader(), people::customer_actor(), s.now_ms(), nullptr};
    auto conv = app::chat_for_token(c, token);  // before any byte reaches the blob folder
    if (conv.status == "ended") throw make_error(errors::kConversationEnded);
  }
  auto image = check_image_upload(req);
  auto* hub = s.chat;
  store_image(s, std::move(req), poking(std::move(reply), hub), people::customer_actor(), image,
              [token](app::Context& c, const ticket::Attachment& a) {
                return ok(201, appended_json(app::customer_photo(c, token, photo_from(a)), true));
              });
}

void customer_photo_get(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto id = path_id(req);
  read(s, req, reply, people::customer_actor(), [&s, token, id](app::Context& c) {
    auto conv = app::chat_for_token(c, token);
    return photo_response(s, app::photo_of(c, conv.id, id));
  });
}

void customer_read_mark(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto seq = req_int(parse_object(req), "seq");
  ignore_idempotency_key(req);
  chat_write(s, req, std::move(reply), people::customer_actor(), [token, seq](app::Context& c) {
    app::customer_read(c, token, seq);
    return ok(200, {{"seq", seq}});
  });
}

void customer_end_chat(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  ignore_idempotency_key(req);
  chat_write(s, req, std::move(reply), people::customer_actor(), [token](app::Context& c) {
    return ok(200, {{"conversation", conversation_json(app::customer_end(c, token), true)}});
  });
}

void customer_rate(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto b = parse_object(req);
  const auto rating = static_cast<int>(req_int(b, "rating"));
  auto comment = opt_string(b, "comment");
  ignore_idempotency_key(req);
  chat_write(s, req, std::move(reply), people::customer_actor(), [token, rating, comment](app::Context& c) {
    return ok(200, {{"conversation", conversation_json(app::rate_chat(c, token, rating, comment), true)}});
  });
}

void customer_leave_message(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto b = parse_object(req);
  app::LeaveMessage in{req_string(b, "phone"), opt_string(b, "name"), req_string(b, "body"), req.remote};
  ignore_idempotency_key(req);
  chat_write(s, req, std::move(reply), people::customer_actor(), [token, in](app::Context& c) {
    auto out = app::leave_message(c, token, in);
    return ok(201, {{"number", out.access.number},
                    {"access_token", out.access.token},
                    {"path", out.access.path},
                    {"expires_at", out.access.expires_at},
                    {"tracking_code", out.tracking_code}});
  });
}

// --- staff ----------------------------------------------------------------------------

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
    return photo_response(s, app::photo_of(c, id, photo));
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
                    {"targets",
                     {{"first_reply_seconds", m.targets.first_reply_seconds},
                      {"reply_gap_seconds", m.targets.reply_gap_seconds},
                      {"idle_end_minutes", m.targets.idle_end_minutes}}}});
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
          {{"queue", q.queue}, {"conversations", q.conversations}, {"served", q.served}, {"abandoned", q.abandoned}});
    return ok(
        200,
        {{"store_id", *store},
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
         {"targets",
          {{"first_reply_seconds", r.targets.first_reply_seconds}, {"reply_gap_seconds", r.targets.reply_gap_seconds}}},
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
  r.add("POST", "/api/v1/public/chats", anyone(), start);
  r.add("GET", "/api/v1/public/chats/socket", anyone(), customer_socket);
  r.add("GET", "/api/v1/public/chats/{token}", customer_chat(), customer_view);
  r.add("POST", "/api/v1/public/chats/{token}/messages", customer_chat(), customer_send);
  r.add("POST", "/api/v1/public/chats/{token}/photos", customer_chat(), customer_upload);
  r.add("GET", "/api/v1/public/chats/{token}/photos/{id}", customer_chat(), customer_photo_get);
  r.add("POST", "/api/v1/public/chats/{token}/read", customer_chat(), customer_read_mark);
  r.add("POST", "/api/v1/public/chats/{token}/end", customer_chat(), customer_end_chat);
  r.add("POST", "/api/v1/public/chats/{token}/rating", customer_chat(), customer_rate);
  r.add("POST", "/api/v1/public/chats/{token}/leave-message", customer_chat(), customer_leave_message);

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
