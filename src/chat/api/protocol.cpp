#include "chat/api/protocol.hpp"

#include <nlohmann/json.hpp>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::chat::protocol {
namespace {

using nlohmann::json;

Error bad_type(std::string_view field, const char* zh, const char* en) {
  return make_error(errors::kInvalidType, {{"field", std::string(field)}, {"expected", Text(zh, en)}},
                    std::string(field));
}

std::optional<int64_t> number(const json& o, const char* field, bool positive) {
  auto it = o.find(field);
  if (it == o.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) throw bad_type(field, "整数", "an integer");
  const auto v = it->get<int64_t>();
  if (v < 0 || (positive && v == 0))
    throw make_error(errors::kInvalidField,
                     {{"field", field},
                      {"problem", Text(positive ? "应为正整数" : "不能为负数",
                                       positive ? "it must be positive" : "it must not be negative")}},
                     field);
  return v;
}

std::string text(const json& o, const char* field, bool required) {
  auto it = o.find(field);
  if (it == o.end() || it->is_null()) {
    if (required) throw make_error(errors::kRequired, {{"what", field}}, field);
    return {};
  }
  if (!it->is_string()) throw bad_type(field, "字符串", "a string");
  return it->get<std::string>();
}

// What the customer may read of a message: no whisper text, and events without the staff
// they name (who was assigned, who transferred: the page says 客服). A "by" that is a role
// (an end by the customer, the agent, idle) stays: the page says who ended the chat.
std::string customer_body(const Message& m) {
  if (m.kind == "whisper") return "";
  if (m.kind != "event") return m.body;
  auto o = json::parse(m.body, nullptr, false);
  if (o.is_discarded() || !o.is_object()) return "{}";
  for (const char* key : {"agent_id", "from", "staff_id"}) o.erase(key);
  if (auto by = o.find("by"); by != o.end() && !by->is_string()) o.erase(by);
  return o.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

ClientFrame parse(std::string_view raw) {
  json o = json::parse(raw.begin(), raw.end(), nullptr, false);
  if (o.is_discarded() || !o.is_object())
    throw make_error(errors::kInvalidJson, {{"problem", Text("应为 JSON 对象", "expected a JSON object")}});
  const auto type = text(o, "type", true);
  ClientFrame f;
  f.conversation_id = number(o, "conversation_id", true);
  if (type == "hello") {
    f.kind = Kind::hello;
    f.token = text(o, "token", true);
    f.after = number(o, "after", false).value_or(0);
  } else if (type == "watch") {
    f.kind = Kind::watch;
    if (!f.conversation_id) throw make_error(errors::kRequired, {{"what", "conversation_id"}}, "conversation_id");
    f.after = number(o, "after", false).value_or(0);
  } else if (type == "send") {
    f.kind = Kind::send;
    f.client_msg_id = text(o, "client_msg_id", true);
    f.body = text(o, "body", true);
    if (auto w = o.find("whisper"); w != o.end() && !w->is_null()) {
      if (!w->is_boolean()) throw bad_type("whisper", "true 或 false", "true or false");
      f.whisper = w->get<bool>();
    }
  } else if (type == "typing") {
    f.kind = Kind::typing;
  } else if (type == "read") {
    f.kind = Kind::read;
    f.seq = number(o, "seq", false).value_or(0);
  } else if (type == "ping") {
    f.kind = Kind::ping;
  } else {
    throw make_error(errors::kInvalidEnum, {{"field", "type"}, {"value", type}}, "type");
  }
  return f;
}

json message_json(const Message& m, bool for_customer) {
  json o{{"conversation_id", m.conversation_id},
         {"seq", m.seq},
         {"sender", m.sender},
         {"kind", m.kind},
         {"body", for_customer ? customer_body(m) : m.body},
         {"created_at", m.created_at}};
  if (!m.client_msg_id.empty() && (!for_customer || m.sender == "customer")) o["client_msg_id"] = m.client_msg_id;
  if (!for_customer && m.staff_id) o["staff_id"] = *m.staff_id;
  if (m.attachment_id) o["attachment_id"] = *m.attachment_id;
  return o;
}

std::string render_message(const Message& m, bool for_customer) {
  auto o = message_json(m, for_customer);
  o["type"] = "message";
  return o.dump(-1, ' ', false, json::error_handler_t::replace);
}

json conversation_json(const Conversation& c, bool for_customer, const std::vector<int64_t>& participants) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); };
  json o{{"status", c.status},
         {"queue", c.queue},
         {"store_id", c.store_id},
         {"created_at", c.created_at},
         {"ended_at", opt(c.ended_at)},
         {"end_reason", c.end_reason},
         {"last_seq", c.last_seq},
         {"agent_read_seq", c.agent_read_seq},
         {"customer_read_seq", c.customer_read_seq},
         {"rating", c.rating ? json(*c.rating) : json(nullptr)},
         {"has_ticket", c.ticket_id.has_value()}};
  if (for_customer) return o;
  o["id"] = c.id;
  o["customer_name"] = c.customer_name;
  o["member_id"] = opt(c.member_id);
  o["agent_id"] = opt(c.agent_id);
  o["participants"] = participants;
  o["queued_at"] = opt(c.queued_at);
  o["assigned_at"] = opt(c.assigned_at);
  o["first_reply_at"] = opt(c.first_reply_at);
  o["last_message_at"] = c.last_message_at;
  o["active_at"] = c.active_at;
  o["ticket_id"] = opt(c.ticket_id);
  o["rating_comment"] = c.rating_comment;
  return o;
}

std::string render_conversation(const Conversation& c, bool for_customer, const std::vector<int64_t>& participants) {
  return json{{"type", "conversation"}, {"conversation", conversation_json(c, for_customer, participants)}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

std::string render_typing(int64_t conversation_id, std::string_view sender) {
  return json{{"type", "typing"}, {"conversation_id", conversation_id}, {"sender", sender}}.dump();
}

std::string render_ack(const Message& m, bool duplicate) {
  return json{{"type", "ack"}, {"client_msg_id", m.client_msg_id}, {"seq", m.seq}, {"duplicate", duplicate}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

std::string render_queue(const app::QueuePlace& p) {
  return json{{"type", "queue"},
              {"position", p.position},
              {"wait_ms", p.wait_ms ? json(*p.wait_ms) : json(nullptr)},
              {"staffed", p.staffed}}
      .dump();
}

std::string render_error(std::string_view code, std::string_view message, std::string_view client_msg_id) {
  json o{{"type", "error"}, {"code", code}, {"message", message}};
  if (!client_msg_id.empty()) o["client_msg_id"] = client_msg_id;
  return o.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string render_pong() { return R"({"type":"pong"})"; }

}  // namespace kefu::chat::protocol
