#pragma once
// A ticket's timeline (every event) and its photo attachments, and the timeline as the
// live streams of every node read it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"
#include "tickets/domain/ticket.hpp"

namespace kefu::storage {

// One timeline event as the live streams announce it: which ticket, where, what kind.
struct TicketActivity {
  int64_t event_id = 0;
  int64_t ticket_id = 0;
  std::string number;
  int64_t store_id = 0;
  std::string kind;  // the timeline event's kind: created, reply, note, status, …
  int64_t created_at = 0;
};

class TimelineStore : public Store {
 public:
  static std::unique_ptr<TimelineStore> open(Stores&);

  virtual int64_t insert_event(const ticket::Event&) = 0;
  virtual std::vector<ticket::Event> events(int64_t ticket_id) = 0;
  // The live streams of every node: timeline events after `after_id`, in id order.
  virtual std::vector<TicketActivity> ticket_activity_after(int64_t after_id, int limit) = 0;
  virtual int64_t last_event_id() = 0;

  virtual int64_t insert_attachment(const ticket::Attachment&) = 0;
  virtual std::vector<ticket::Attachment> attachments(int64_t ticket_id) = 0;
  virtual std::optional<ticket::Attachment> attachment(int64_t id) = 0;
  // Whether any attachment row names this blob (the blob collector's question).
  virtual bool blob_in_use(const std::string& sha256) = 0;
};

}  // namespace kefu::storage
