#pragma once
// Conversations and their messages (the agents' chat state: chat_agent_store.hpp).
// Assignment is a compare-and-set on the conversation row, so that with several nodes a
// conversation is given out once: the loser of a race sees `false` and chooses again.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chat/domain/conversation.hpp"
#include "core/storage/stores.hpp"

namespace kefu::storage {

struct Appended {
  chat::Message message;
  bool duplicate = false;  // the client id was known: the stored message, nothing new written
  std::string status;      // the conversation's, as the message went in (empty for a duplicate)
};

class ConversationStore : public Store {
 public:
  static std::unique_ptr<ConversationStore> open(Stores&);

  virtual int64_t insert_conversation(const chat::Conversation&) = 0;
  virtual std::optional<chat::Conversation> conversation(int64_t id) = 0;
  // The conversation a customer's token opens (by the token's digest).
  virtual std::optional<chat::Conversation> conversation_by_visitor(const std::string& digest) = 0;
  // Numbers the message (the conversation's last_seq + 1) and stores it; a message whose
  // (sender, client_msg_id) the conversation has already is returned as stored. The first
  // agent message sets first_reply_at.
  virtual Appended append_message(const chat::Message&) = 0;
  // The same, only while the conversation has not ended: nullopt when it has (or does not
  // exist), with nothing stored. Lets a caller who knows the conversation skip reading it
  // first (the customer's socket: one statement per message on PostgreSQL).
  virtual std::optional<Appended> append_while_open(const chat::Message&) = 0;
  // Messages with seq > after, in order, at most `limit`.
  virtual std::vector<chat::Message> messages_after(int64_t conversation_id, int64_t after, int limit) = 0;
  // Queued conversations of a store's queue, first come first (queued_at, then id), at most
  // `limit` (0: all).
  virtual std::vector<chat::Conversation> waiting(int64_t store_id, const std::string& queue, int limit) = 0;
  // How many wait in the conversation's queue before it (0: it is first), and how many wait
  // in a queue: counted on the waiting index, no rows read, however long the line.
  virtual int64_t waiting_ahead(const chat::Conversation&) = 0;
  virtual int64_t waiting_count(int64_t store_id, const std::string& queue) = 0;
  // assigned to `agent_id` if the conversation is still `from_status` with `from_agent`
  // as its agent (nullopt = none). False = someone was first. An agent's last_assigned_at is
  // their conversations' latest assigned_at (one reassigned away no longer counts).
  virtual bool assign(int64_t id, const std::string& from_status, std::optional<int64_t> from_agent, int64_t agent_id,
                      int64_t at) = 0;
  // Back to a queue (transfer to a queue, or the agent left): queued, no agent.
  virtual bool requeue(int64_t id, const std::string& queue, int64_t at) = 0;
  virtual bool end_conversation(int64_t id, const std::string& reason, int64_t at) = 0;
  // An ended conversation back in its queue (the customer wrote again soon after the end).
  virtual bool reopen(int64_t id, int64_t at) = 0;
  // Open conversations (not ended) of an agent, latest message first.
  virtual std::vector<chat::Conversation> agent_conversations(int64_t agent_id) = 0;
};

}  // namespace kefu::storage
