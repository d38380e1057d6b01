#pragma once
// What the desk keeps around a conversation: listings for the workspace, read receipts,
// the member and the ticket it is linked to, the customer's rating, invited colleagues,
// photos, the idle ones (to end them), and the change feed the live hub follows. Every
// change writes a feed row in its own transaction (chat/storage/sql/rows.hpp).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chat/domain/conversation.hpp"
#include "core/storage/stores.hpp"

namespace kefu::storage {

struct ConversationFilter {
  std::vector<int64_t> store_ids;  // ignored with all_stores
  bool all_stores = false;
  std::string status;                               // queued | assigned | ended | open (queued or assigned) | "" (any)
  std::optional<int64_t> staff_id;                  // assigned to them, or they were invited
  std::optional<int64_t> before_activity;           // active_at below this (paging back)
  std::optional<int64_t> created_from, created_to;  // created in [from, to) (reports)
  int limit = 50;
};

// A change, read with the conversation as it is now and the message the change appended
// (if it did), all in one statement: the conversation's last_seq covers every message
// of the rows read together.
struct ChatFeedRow {
  int64_t id = 0;
  int64_t conversation_id = 0;
  int64_t store_id = 0;
  chat::Conversation conversation;
  std::optional<chat::Message> message;
};

struct ChatPhoto {
  int64_t id = 0;
  int64_t conversation_id = 0;
  std::string sha256;
  std::string content_type;
  int64_t size = 0;
  std::string filename;
  std::string sender;  // customer | agent
  int64_t created_at = 0;
};

class ChatDeskStore : public Store {
 public:
  static std::unique_ptr<ChatDeskStore> open(Stores&);

  // Latest activity first.
  virtual std::vector<chat::Conversation> conversations(const ConversationFilter&) = 0;
  // Moves the customer's (by_customer) or the staff's read mark forward; false when it
  // was already there or beyond.
  virtual bool set_read(int64_t id, bool by_customer, int64_t seq, int64_t at) = 0;
  virtual void set_member(int64_t id, std::optional<int64_t> member_id, int64_t at) = 0;
  virtual void set_ticket(int64_t id, int64_t ticket_id, int64_t at) = 0;
  // Once: false when the conversation was rated before.
  virtual bool set_rating(int64_t id, int rating, const std::string& comment, int64_t at) = 0;
  // False when they were already in it.
  virtual bool add_participant(int64_t id, int64_t staff_id, std::optional<int64_t> invited_by, int64_t at) = 0;
  virtual std::vector<int64_t> participants(int64_t id) = 0;
  virtual int64_t insert_photo(const ChatPhoto&) = 0;
  virtual std::optional<ChatPhoto> photo(int64_t id) = 0;
  virtual bool photo_in_use(const std::string& sha256) = 0;
  // Conversations not ended whose last message is older than `before`, oldest first.
  virtual std::vector<chat::Conversation> idle(int64_t before, int limit) = 0;
  // The change feed: rows with id > after, in id order.
  virtual std::vector<ChatFeedRow> feed_after(int64_t after, int limit) = 0;
  virtual int64_t last_feed_id() = 0;
  // Forgets feed rows older than `before`; returns how many.
  virtual int64_t prune_feed(int64_t before) = 0;
};

}  // namespace kefu::storage
