// The customer's chat API (docs/chat.md): their conversation by its token — the polling
// fallback of the socket — messages, photos, read marks, the end, the rating and the
// message left when nobody can answer. No login: everything runs as the customer actor, and
// the token names exactly one conversation.
#include "core/api/routes.hpp"

#include "bot/api/phrase_first.hpp"
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
namespace {

using chat::protocol::conversation_json;
using chat::protocol::message_json;
using nlohmann::json;
using namespace chat_support;

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
  const auto* knowledge = &knowledge_of(s);
  auto request = std::make_shared<http::Request>(req);
  // A store with generative answers has the bot's words phrased first (bot/api/phrase_first.hpp).
  phrase_first(s, *knowledge, conversation, body,
               [&s, request, reply, token, id, body, knowledge, conversation](std::optional<app::Phrased> phrased) {
                 app::TurnInput in{.remote = request->remote, .phrased = std::move(phrased)};
                 chat_write(
                     s, *request, reply, people::customer_actor(),
                     [token, id, body, knowledge, in](app::Context& c) {
                       auto said = app::customer_say(c, token, id, body);
                       app::bot_turn(c, *knowledge, said, in);  // the bot's chats: its answer in the same commit
                       return ok(201, appended_json(said, true));
                     },
                     conversation);
               });
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
    const auto p = app::photo_of(c, conv.id, id);
    return stored_photo(s, p.sha256, p.content_type);
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

void customer_bot_feedback(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  auto b = parse_object(req);
  const auto seq = req_int(b, "seq");
  if (!b.contains("solved")) throw make_error(errors::kRequired, {{"what", "solved"}}, "solved");
  const auto solved = opt_bool(b, "solved");
  ignore_idempotency_key(req);
  const auto* knowledge = &knowledge_of(s);
  chat_write(s, req, std::move(reply), people::customer_actor(), [token, seq, solved, knowledge](app::Context& c) {
    app::bot_feedback(c, *knowledge, token, seq, solved);
    return ok(200, {{"conversation", conversation_json(app::chat_for_token(c, token), true)}});
  });
}

void customer_handoff(Services& s, http::Request& req, http::Reply reply) {
  auto token = token_of(req);
  ignore_idempotency_key(req);
  chat_write(s, req, std::move(reply), people::customer_actor(), [token](app::Context& c) {
    return ok(200, {{"conversation", conversation_json(app::ask_for_person(c, token), true)}});
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

}  // namespace

void add_chat_customer_routes(RouteTable& r) {
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
  // The FAQ bot's chats: the customer's 已解决 / 未解决 on an answer, and 转人工.
  r.add("POST", "/api/v1/public/chats/{token}/bot-feedback", customer_chat(), customer_bot_feedback);
  r.add("POST", "/api/v1/public/chats/{token}/handoff", customer_chat(), customer_handoff);
}

}  // namespace kefu::api
