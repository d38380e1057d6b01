#pragma once
// In-app notices (通知) for staff.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/stores.hpp"

namespace kefu::storage {

// An in-app notice for one staff member.
struct Notification {
  int64_t id = 0;
  int64_t staff_id = 0;
  std::string kind;  // escalation, approval_request, approval_decided, service_recovery, …
  std::optional<int64_t> ticket_id;
  std::string title;
  std::string body;
  std::string data;  // JSON details
  int64_t created_at = 0;
  std::optional<int64_t> read_at;
};

class NotificationStore : public Store {
 public:
  static std::unique_ptr<NotificationStore> open(Stores&);

  virtual int64_t insert_notification(const Notification&) = 0;
  virtual std::vector<Notification> notifications(int64_t staff_id, std::optional<int64_t> before_id, bool unread_only,
                                                  int limit) = 0;
  // The live stream of every node: the next ones after `after_id` for anyone, in id order.
  virtual std::vector<Notification> notifications_after(int64_t after_id, int limit) = 0;
  virtual int64_t unread_notifications(int64_t staff_id) = 0;
  virtual bool mark_notification_read(int64_t staff_id, int64_t id, int64_t at) = 0;
  virtual int64_t mark_all_notifications_read(int64_t staff_id, int64_t at) = 0;
  virtual int64_t last_notification_id() = 0;
};

}  // namespace kefu::storage
