#pragma once
// A conversation (会话) between a customer and the service desk, and its messages.
//
// Life: bot → queued → assigned → ended (a conversation may start queued when no bot
// answers; a transfer to a queue goes back to queued, a transfer to an agent stays
// assigned with another agent). Every message has the conversation's next sequence
// number (sequence.hpp); a message sent again with the same client id is the same
// message, not a new one.
#include <cstdint>
#include <optional>
#include <string>

namespace kefu::chat {

struct Conversation {
  int64_t id = 0;
  int64_t store_id = 0;
  std::string queue;           // skill queue code, e.g. general, returns, members, parking
  std::string status;          // bot | queued | assigned | ended
  std::string visitor_digest;  // digest of the customer's chat token (never the token)
  std::optional<int64_t> member_id;
  std::string customer_name;  // as the customer gave it, may be empty
  std::optional<int64_t> agent_id;
  int64_t created_at = 0;
  std::optional<int64_t> queued_at;
  std::optional<int64_t> assigned_at;
  std::optional<int64_t> first_reply_at;  // first agent message
  int64_t last_message_at = 0;
  std::optional<int64_t> ended_at;
  std::string end_reason;  // customer | agent | idle | offline_message
  int64_t last_seq = 0;
  int64_t agent_read_seq = 0;        // staff have read the customer's messages up to here
  int64_t customer_read_seq = 0;     // the customer has read up to here
  std::optional<int64_t> ticket_id;  // the ticket made from it (a staff member's, or the customer's message)
  std::optional<int> rating;         // the customer's 1–5 after the end
  std::string rating_comment;
  // The last activity rounded down to kActivityStep: what lists sort by and the idle search
  // looks at (indexed). last_message_at, exact, is not indexed.
  int64_t active_at = 0;
};

// active_at moves only when it is this far behind the last message. A message then changes
// no indexed column of its conversation most of the time, and PostgreSQL updates the row
// in place (a HOT update: no new entry in any of the row's six indexes). Measured with two
// nodes at 2,000 messages a second: delivery p99 157–185 ms with last_message_at indexed,
// 82 ms without (docs/benchmarks.md, "Live chat").
inline constexpr int64_t kActivityStepMs = 10'000;

struct Message {
  int64_t conversation_id = 0;
  int64_t seq = 0;
  std::string sender;  // customer | agent | bot | system
  std::optional<int64_t> staff_id;
  std::string client_msg_id;  // the sender's id for retries; empty for system messages
  std::string kind;           // text | photo | event | whisper (staff only)
  std::string body;
  std::optional<int64_t> attachment_id;
  int64_t created_at = 0;
  friend bool operator==(const Message&, const Message&) = default;
};

}  // namespace kefu::chat
