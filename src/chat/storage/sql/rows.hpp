#pragma once
// The conversation and message rows as both chat stores read them, and the change feed
// every change of a conversation writes (the live hub follows it: chat/api/chat_hub.hpp).
#include <string>

#include "chat/domain/conversation.hpp"

namespace kefu::storage::chat_rows {

inline const std::string kConvCols =
    "id, store_id, queue, status, visitor_digest, member_id, customer_name, agent_id, created_at, queued_at, "
    "assigned_at, first_reply_at, last_message_at, ended_at, end_reason, last_seq, agent_read_seq, customer_read_seq, "
    "ticket_id, rating, rating_comment, active_at";
inline const std::string kMsgCols =
    "conversation_id, seq, sender, staff_id, client_msg_id, kind, body, attachment_id, created_at";
inline const std::string kAgentCols = "staff_id, presence, presence_at, on_call, capacity, queues, last_assigned_at";
// An agent's row as read (from chat_agents a): the last assignment comes from the conversations.
inline const std::string kAgentRead =
    "a.staff_id, a.presence, a.presence_at, a.on_call, a.capacity, a.queues, "
    "(SELECT MAX(c.assigned_at) FROM conversations c WHERE c.agent_id = a.staff_id)";

// Column lists with a table alias, for joins: prefixed("a, b", "c.") is "c.a, c.b".
inline std::string prefixed(const std::string& cols, const std::string& alias) {
  std::string out = alias;
  for (char ch : cols) {
    out += ch;
    if (ch == ' ') out += alias;
  }
  return out;
}

// The row's columns from `at` on, in kConvCols' order.
template <class S>
chat::Conversation read_conversation(S& s, int at = 0) {
  chat::Conversation c{s.i64(at),      s.i64(at + 1),      s.text(at + 2),     s.text(at + 3),
                       s.text(at + 4), s.opt_i64(at + 5),  s.text(at + 6),     s.opt_i64(at + 7),
                       s.i64(at + 8),  s.opt_i64(at + 9),  s.opt_i64(at + 10), s.opt_i64(at + 11),
                       s.i64(at + 12), s.opt_i64(at + 13), s.text(at + 14),    s.i64(at + 15)};
  c.agent_read_seq = s.i64(at + 16);
  c.customer_read_seq = s.i64(at + 17);
  c.ticket_id = s.opt_i64(at + 18);
  if (auto r = s.opt_i64(at + 19)) c.rating = static_cast<int>(*r);
  c.rating_comment = s.text(at + 20);
  c.active_at = s.i64(at + 21);
  return c;
}
inline constexpr int kConvColCount = 22;

// The row's columns from `at` on, in kMsgCols' order.
template <class S>
chat::Message read_message(S& s, int at = 0) {
  return {s.i64(at),      s.i64(at + 1),  s.text(at + 2),    s.opt_i64(at + 3), s.text(at + 4),
          s.text(at + 5), s.text(at + 6), s.opt_i64(at + 7), s.i64(at + 8)};
}

// One row in the change feed for conversation `id` (in the same transaction as the change);
// `seq` names the message the change appended (0: none), so that the hub reads new
// messages with the feed instead of one query per conversation.
template <class Db>
void feed(Db& db, int64_t id, int64_t at, int64_t seq = 0) {
  db.prepare(
        "INSERT INTO chat_feed(conversation_id, store_id, created_at, seq) SELECT id, store_id, ?, ? FROM "
        "conversations WHERE id = ?")
      ->bind_all(at, seq, id)
      .run();
}

}  // namespace kefu::storage::chat_rows
