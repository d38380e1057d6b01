#pragma once
// The email outbox: notices waiting to be sent by the mailer (at least once, with
// back-off).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// An email waiting to be sent (or sent) by the mailer.
struct OutboxEmail {
  int64_t id = 0;
  std::optional<int64_t> notification_id;
  std::string to;
  std::string subject;
  std::string body;
  int64_t created_at = 0;
  int64_t next_attempt_at = 0;
  int attempts = 0;
  std::optional<int64_t> sent_at;
  std::string last_error;
  std::string html;         // optional HTML alternative of body
  std::string attachments;  // notify::pack_attachments (notifications/domain/attachments.hpp); "" = none
};

class OutboxStore : public Store {
 public:
  static std::unique_ptr<OutboxStore> open(Stores&);

  virtual int64_t insert_email(const OutboxEmail&) = 0;
  virtual std::vector<OutboxEmail> emails_due(int64_t now, int limit) = 0;
  virtual void mark_email_sent(int64_t id, int64_t at) = 0;
  virtual void mark_email_failed(int64_t id, const std::string& error, int64_t next_attempt_at) = 0;
};

}  // namespace kefu::storage
