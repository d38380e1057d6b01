#include "chat/api/route_support.hpp"

#include "chat/api/chat_hub.hpp"
#include "chat/api/protocol.hpp"
#include "core/api/json_io.hpp"
#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::api::chat_support {

using chat::protocol::message_json;

std::string token_of(const http::Request& req) {
  auto it = req.params.find("token");
  return it == req.params.end() ? std::string() : it->second;
}

http::Reply poking(http::Reply reply, ChatHub* hub) {
  return [reply = std::move(reply), hub](http::Response r) {
    const bool done = r.status < 300;
    reply(std::move(r));
    if (done && hub) hub->poke();
  };
}

void chat_write(Services& s, http::Request& req, http::Reply reply, people::Actor actor, WriteFn fn, int64_t affinity) {
  auto* hub = s.chat;
  write(s, req, poking(std::move(reply), hub), std::move(actor), std::move(fn), static_cast<uint64_t>(affinity));
}

nlohmann::json messages_json(const std::vector<chat::Message>& list, bool for_customer) {
  auto out = nlohmann::json::array();
  for (const auto& m : list)
    if (!(for_customer && m.kind == "whisper")) out.push_back(message_json(m, for_customer));
  return out;
}

const app::Knowledge& knowledge_of(const Services& s) { return s.knowledge ? *s.knowledge : app::no_knowledge(); }

nlohmann::json targets_json(const chat::Settings& s) {
  auto queues = nlohmann::json::object();
  for (const auto& [queue, t] : s.queue_targets)
    queues[queue] = {{"first_reply_seconds", t.first_reply_seconds}, {"reply_gap_seconds", t.reply_gap_seconds}};
  return {{"first_reply_seconds", s.first_reply_seconds},
          {"reply_gap_seconds", s.reply_gap_seconds},
          {"queue_targets", queues}};
}

nlohmann::json place_json(const app::QueuePlace& p) {
  return {{"position", p.position}, {"wait_ms", p.wait_ms ? json(*p.wait_ms) : json(nullptr)}, {"staffed", p.staffed}};
}

nlohmann::json appended_json(const storage::Appended& a, bool for_customer) {
  return {{"message", message_json(a.message, for_customer)}, {"duplicate", a.duplicate}};
}

bool opt_bool(const nlohmann::json& b, const char* field) { return maybe_bool(b, field).value_or(false); }

int64_t after_of(const http::Request& req) { return query_int(req, "after").value_or(0); }

storage::ChatPhoto photo_from(const ticket::Attachment& a) {
  storage::ChatPhoto p;
  p.sha256 = a.sha256;
  p.content_type = a.content_type;
  p.size = a.size;
  p.filename = a.filename;
  return p;
}
}  // namespace kefu::api::chat_support
