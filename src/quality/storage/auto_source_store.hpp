#pragma once
// What the automatic checks' job reads of chats and tickets, and where it got to: ended
// conversations in the order they ended, staff replies on tickets in id order, a ticket's
// follow-ups (tasks, callbacks), and named cursors (a job's position).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

struct QaEndedChat {
  int64_t id = 0;
  int64_t ended_at = 0;
};

struct QaTicketReply {
  int64_t event_id = 0;
  int64_t ticket_id = 0;
  int64_t store_id = 0;
  int64_t staff_id = 0;
  std::string body;
  int64_t at = 0;
};

class QaAutoSourceStore : public Store {
 public:
  static std::unique_ptr<QaAutoSourceStore> open(Stores&);

  // Conversations ended after (ended_at, id) = (after_at, after_id) and at or before
  // `until`, in that order; at most `limit`.
  virtual std::vector<QaEndedChat> ended_chats(int64_t after_at, int64_t after_id, int64_t until, int limit) = 0;
  // Staff replies (ticket events of kind reply) with id > after_id written at or before
  // `until`, by id; at most `limit`.
  virtual std::vector<QaTicketReply> ticket_replies(int64_t after_id, int64_t until, int limit) = 0;
  // When the ticket got a task or a callback in [from, to].
  virtual std::vector<int64_t> follow_ups(int64_t ticket_id, int64_t from, int64_t to) = 0;
  // A job's position (0 when never set).
  virtual int64_t cursor(const std::string& name) = 0;
  virtual void set_cursor(const std::string& name, int64_t value) = 0;
};

}  // namespace kefu::storage
