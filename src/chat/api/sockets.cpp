#include "chat/api/sockets.hpp"

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>

#include "bot/api/phrase_first.hpp"
#include "chat/api/chat_hub.hpp"
#include "chat/api/protocol.hpp"
#include "chat/api/route_support.hpp"
#include "chat/app/conversations.hpp"
#include "chat/app/desk.hpp"
#include "chat/domain/errors.hpp"
#include "core/api/error_mapping.hpp"
#include "core/api/support.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "core/storage/stores.hpp"

namespace kefu::api {
namespace {

using chat::protocol::ClientFrame;
using chat::protocol::Kind;

// Messages a socket may send: a burst of 20, then 5 a second. Kept in memory per socket (a
// database counter per message would cost a write each); it stops a runaway client, not a
// determined one (that is the start-of-chat limit's job).
class Bucket {
 public:
  bool take(int64_t now_ms) {
    tokens_ = std::min(kBurst, tokens_ + (now_ms - at_) * kPerSecond / 1000.0);
    at_ = now_ms;
    if (tokens_ < 1) return false;
    tokens_ -= 1;
    return true;
  }

 private:
  static constexpr double kBurst = 20, kPerSecond = 5;
  double tokens_ = kBurst;
  int64_t at_ = 0;
};

// The error answer a REST call would get, as an error frame.
std::string error_frame(const http::Response& r, const std::string& client_msg_id) {
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  std::string code = "internal", message = "error";
  if (!j.is_discarded() && j.contains("error")) {
    code = j["error"].value("code", code);
    message = j["error"].value("message", message);
  }
  return chat::protocol::render_error(code, message, client_msg_id);
}

// One socket's state. on_message calls come one at a time; the mutex covers on_close.
struct Session {
  Session(Services& services, std::string accept_language, people::Actor who, bool is_customer)
      : s(services), lang(std::move(accept_language)), actor(std::move(who)), customer(is_customer) {}
  Services& s;
  std::weak_ptr<http::WebSocket> ws;
  std::string lang;
  people::Actor actor;  // staff; the customer actor for the customer's socket
  bool customer = false;
  std::string token;       // the customer's, after hello
  std::string remote;      // the customer's address (the bot's ticket-status throttle)
  std::string credential;  // staff: the session or token the socket was opened with
  chat::Conversation conversation;
  Bucket bucket;
  int64_t seen_at = 0;  // staff: the last heartbeat written
  std::mutex mu;
  ChatHub::Id id = 0;

  void send(const std::string& frame) {
    if (auto w = ws.lock()) w->send(frame);
  }
  void fail(std::exception_ptr e, const std::string& client_msg_id = {}) {
    send(error_frame(error_response(lang, e), client_msg_id));
  }
  // A use case in a group-committed write; then `done` (on the writer thread) or an error frame.
  void write(std::function<void(app::Context&)> fn, std::function<void()> done, const std::string& client_msg_id,
             int64_t affinity = 0) {
    http::Request req;
    req.method = "POST";
    req.path = "/api/v1/chat/socket";
    req.headers.emplace_back("accept-language", lang);
    auto* hub = s.chat;
    auto keep = ws.lock();
    api::write(
        s, req,
        [keep, hub, done, client_msg_id](http::Response r) {
          if (r.status < 300) {
            done();
            if (hub) hub->poke();
            return;
          }
          if (keep) keep->send(error_frame(r, client_msg_id));
        },
        actor,
        [fn](app::Context& c) {
          fn(c);
          return http::Response::json(200, "{}");
        },
        static_cast<uint64_t>(affinity));
  }
  app::Context reader() { return app::Context{s.db.reader(), actor, s.now_ms(), nullptr}; }
};

void send_message(const std::shared_ptr<Session>& me, const ClientFrame& f) {
  if (!me->bucket.take(me->s.now_ms())) throw make_error(errors::kChatFlood);
  auto appended = std::make_shared<storage::Appended>();
  auto token = me->token;
  const bool customer = me->customer;
  const auto conversation = f.conversation_id.value_or(0);
  const auto known = me->conversation.id;  // what hello found for this token
  const auto* knowledge = &chat_support::knowledge_of(me->s);
  const auto remote = me->remote;
  auto write = [=](std::optional<app::Phrased> phrased) {
    const app::TurnInput in{.remote = remote, .phrased = std::move(phrased)};
    me->write(
        [=](app::Context& c) {
          if (!customer) {
            *appended = app::agent_say(c, conversation, f.client_msg_id, f.body, f.whisper);
            return;
          }
          *appended = app::customer_say(c, token, f.client_msg_id, f.body,
                                        known ? std::optional<int64_t>(known) : std::nullopt);
          app::bot_turn(c, *knowledge, *appended, in);  // the bot's chats: its answer in the same commit
        },
        [me, appended] { me->send(chat::protocol::render_ack(appended->message, appended->duplicate)); },
        f.client_msg_id, customer ? me->conversation.id : conversation);
  };
  if (!customer) return write(std::nullopt);
  // A store with generative answers has the bot's words phrased first (bot/api/phrase_first.hpp).
  phrase_first(me->s, *knowledge, known, f.body, write);
}

void on_customer_frame(const std::shared_ptr<Session>& me, const std::string& text) {
  const auto f = chat::protocol::parse(text);
  if (me->token.empty() && f.kind != Kind::hello && f.kind != Kind::ping) throw make_error(errors::kInvalidChatToken);
  switch (f.kind) {
    case Kind::hello: {
      if (!me->token.empty() && me->token != f.token)
        throw make_error(errors::kInvalidChatToken);  // one socket, one conversation
      auto c = me->reader();
      me->conversation = app::chat_for_token(c, f.token);
      me->token = f.token;
      if (!me->s.chat) {  // no live hub (a test server): the state now, nothing live
        me->send(chat::protocol::render_conversation(me->conversation, true));
        me->send(chat::protocol::render_queue(app::queue_place(c, me->conversation)));
      } else if (me->id == 0) {  // the hub sends the conversation, the queue place and the messages
        ChatHub::Audience who{
            .customer = true, .conversation_id = me->conversation.id, .store_id = me->conversation.store_id};
        auto ws = me->ws.lock();
        if (ws) {
          std::lock_guard lock(me->mu);
          me->id = me->s.chat->join(ws, who, f.after);
        }
      } else {
        me->s.chat->watch(me->id, me->conversation.id, f.after);
      }
      break;
    }
    case Kind::send:
      send_message(me, f);
      break;
    case Kind::typing:
      if (me->s.chat && me->id) me->s.chat->typing(me->id, me->conversation.id, me->conversation.store_id);
      break;
    case Kind::read: {
      auto token = me->token;
      me->write([token, seq = f.seq](app::Context& c) { app::customer_read(c, token, seq); }, [] {}, {});
      break;
    }
    case Kind::ping:
      me->send(chat::protocol::render_pong());
      break;
    case Kind::watch:
      throw make_error(errors::kForbidden);
  }
}

void on_staff_frame(const std::shared_ptr<Session>& me, const std::string& text) {
  const auto f = chat::protocol::parse(text);
  const auto now = me->s.now_ms();
  if (now - me->seen_at > 20'000) {  // the heartbeat that keeps the agent's presence
    me->seen_at = now;
    me->write([](app::Context& c) { app::agent_seen(c); }, [] {}, {});
  }
  auto need_conversation = [&] {
    if (!f.conversation_id) throw make_error(errors::kRequired, {{"what", "conversation_id"}}, "conversation_id");
    return *f.conversation_id;
  };
  switch (f.kind) {
    case Kind::hello:
      throw make_error(errors::kForbidden);
    case Kind::watch: {
      auto c = me->reader();
      app::staff_conversation(c, need_conversation());  // 404 outside the caller's stores
      if (me->s.chat) me->s.chat->watch(me->id, *f.conversation_id, f.after);
      break;
    }
    case Kind::send:
      need_conversation();
      send_message(me, f);
      break;
    case Kind::typing: {
      auto c = me->reader();
      auto conv = app::staff_conversation(c, need_conversation());
      if (me->s.chat) me->s.chat->typing(me->id, conv.id, conv.store_id);
      break;
    }
    case Kind::read: {
      const auto id = need_conversation();
      me->write([id, seq = f.seq](app::Context& c) { app::staff_read(c, id, seq); }, [] {}, {});
      break;
    }
    case Kind::ping:
      me->send(chat::protocol::render_pong());
      break;
  }
}

http::Response open_socket(std::shared_ptr<Session> me,
                           void (*on_frame)(const std::shared_ptr<Session>&, const std::string&)) {
  return http::Response::websocket([me, on_frame](std::shared_ptr<http::WebSocket> ws) {
    me->ws = ws;
    if (!me->customer && me->s.chat) {
      ChatHub::Audience who{.staff_id = me->actor.staff_id,
                            .store_ids = me->actor.store_ids,
                            .all_stores = me->actor.is_admin(),
                            .credential = me->credential};
      {
        std::lock_guard lock(me->mu);
        me->id = me->s.chat->join(ws, who);
      }
      me->seen_at = me->s.now_ms();  // the console is open: the agent's presence holds
      me->write([](app::Context& c) { app::agent_seen(c); }, [] {}, {});
    }
    ws->on_message([me, on_frame](std::string text) {
      std::string client_msg_id;
      try {
        // A fresh snapshot, as every HTTP route takes one: this thread's reader may still
        // hold the one an earlier request left open for reuse, from before (say) the
        // commit of the chat this hello names.
        storage::Snapshot snapshot(me->s.db.reader());
        on_frame(me, text);
      } catch (...) {
        // The client's id, when the frame had one, so that it can mark that message failed.
        auto j = nlohmann::json::parse(text, nullptr, false);
        if (!j.is_discarded() && j.is_object() && j.contains("client_msg_id") && j["client_msg_id"].is_string())
          client_msg_id = j["client_msg_id"].get<std::string>();
        me->fail(std::current_exception(), client_msg_id);
      }
    });
  });
}

}  // namespace

void customer_socket(Services& s, http::Request& req, http::Reply reply) {
  auto me = std::make_shared<Session>(s, req.header("accept-language"), people::customer_actor(), true);
  me->remote = req.remote;
  reply(open_socket(std::move(me), on_customer_frame));
}

void staff_socket(Services& s, http::Request& req, http::Reply reply) {
  auto actor = authenticate(s, req);
  auto me = std::make_shared<Session>(s, req.header("accept-language"), actor, false);
  me->credential = request_token(req);
  reply(open_socket(std::move(me), on_staff_frame));
}

}  // namespace kefu::api
