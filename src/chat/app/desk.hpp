#pragma once
// Around the conversation (在线客服的工作台): the workspace's lists, read receipts, inviting a
// colleague, linking the member, making a ticket from a chat (首问负责制: the agent who makes
// it owns it), the customer's message when nobody can answer (留言 → a ticket any agent may
// claim), the customer's rating after the end, photos, the supervisor's live view and the
// idle conversations' end. Access as in conversations.hpp: staff reach the conversations of
// their stores (404 otherwise); the customer reaches theirs by its token.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "chat/domain/conversation.hpp"
#include "chat/domain/settings.hpp"
#include "chat/storage/chat_agent_store.hpp"
#include "chat/storage/chat_desk_store.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/app/context.hpp"
#include "public_tickets/app/public_tickets.hpp"

namespace kefu::app {

struct ConversationQuery {
  std::optional<int64_t> store_id;  // one of the caller's stores; none = all of them
  std::string status;               // queued | assigned | ended | open | ""
  bool mine = false;                // assigned to the caller or they were invited
  std::optional<int64_t> before;    // last activity below this (paging)
  int limit = 50;
};
std::vector<chat::Conversation> list_conversations(Context&, const ConversationQuery&);
std::vector<int64_t> conversation_participants(Context&, int64_t id);

// Read marks (only forward; a seq beyond the last message is refused).
void customer_read(Context&, const std::string& token, int64_t seq);
void staff_read(Context&, int64_t id, int64_t seq);

// A colleague of the store joins the conversation (they may write to the customer).
chat::Conversation invite(Context&, int64_t id, int64_t staff_id, const std::string& note);
chat::Conversation link_member(Context&, int64_t id, std::optional<int64_t> member_id);

struct ChatTicket {
  std::string type = "inquiry";
  std::string subject;  // empty: from the customer's first message
  std::string priority;
};
// The ticket, owned by the caller; the conversation keeps a link (409 conversation_has_ticket
// when it has one already).
int64_t make_ticket(Context&, int64_t id, const ChatTicket&);

struct LeaveMessage {
  std::string phone;
  std::string name;
  std::string body;
  std::string remote;
};
// The customer's message becomes a ticket (type inquiry, channel live_chat, the chat so far
// in its description; no owner until an agent claims it) and the conversation ends
// (offline_message). Not while an agent serves the conversation (409 conversation_assigned).
PublicSubmitted leave_message(Context&, const std::string& token, const LeaveMessage&);

// After the end, once (409 already_rated; 409 conversation_open before the end).
chat::Conversation rate_chat(Context&, const std::string& token, int rating, const std::string& comment);

// Photos: the stored blob's facts, then the message that shows it.
storage::Appended customer_photo(Context&, const std::string& token, const storage::ChatPhoto&);
storage::Appended staff_photo(Context&, int64_t id, const storage::ChatPhoto&);
// The photo `photo_id` of the conversation (404 for another conversation's).
storage::ChatPhoto photo_of(Context&, int64_t conversation_id, int64_t photo_id);

// The supervisor's live view of a store (实时监控).
struct MonitorAgent {
  int64_t staff_id = 0;
  std::string display_name, role, presence;
  int64_t presence_at = 0;
  int capacity = 0, active = 0;
  std::vector<std::string> queues;
};
struct MonitorQueue {
  std::string queue;
  int waiting = 0;
  int64_t longest_wait_ms = 0;
  bool staffed = false;
};
struct Monitor {
  std::vector<MonitorAgent> agents;
  std::vector<MonitorQueue> queues;
  // Assigned conversations past the first-reply target, or whose customer has waited past
  // the reply-gap target for an answer.
  std::vector<chat::Conversation> late;
  chat::Settings targets;
};
Monitor monitor(Context&, int64_t store_id);

// The chat SLA over a period (supervisor+): conversations created in [from, to) of a store.
struct Percentiles {
  int count = 0;
  int64_t avg_ms = 0, p90_ms = 0;
};
struct ChatReport {
  int conversations = 0, served = 0, abandoned = 0, left_messages = 0, open = 0;
  Percentiles wait, first_reply, handling;
  int first_reply_within = 0;  // first replies within their queue's target
  int gaps = 0, gaps_over = 0;
  int64_t longest_gap_ms = 0;
  int ratings = 0;
  double rating_avg = 0;
  struct Queue {
    std::string queue;
    int conversations = 0, served = 0, abandoned = 0;
    int first_replies = 0, first_reply_within = 0;  // against the queue's own target
    int gaps = 0, gaps_over = 0;
  };
  std::vector<Queue> queues;
  chat::Settings targets;
  bool truncated = false;  // more than kReportMax conversations: the first ones only
};
inline constexpr int kReportMax = 20'000;
ChatReport chat_report(Context&, int64_t store_id, int64_t from, int64_t to);

// The caller's chat state, with the capacity in force and their open conversations' count.
struct ChatMe {
  storage::ChatAgent agent;
  int capacity = 0;
  int active = 0;
};
ChatMe chat_me(Context&);

// Ends the conversations of every store that have been silent longer than their store's
// idle_end_minutes (a system job: c.actor is the system); returns how many.
int end_idle(Context&);

// An agent whose console has not been seen for this long is offline (sockets beat every
// 25 s; a page reload stays within it).
inline constexpr int64_t kPresenceTimeoutMs = 75'000;
// The staff socket's heartbeat, and the presence that ends without one (a system job).
void agent_seen(Context&);
std::vector<int64_t> expire_presence(Context&);
// Forgets the live hub's feed older than an hour.
int64_t prune_chat_feed(Context&);

}  // namespace kefu::app
