#pragma once
// The notification centre (通知中心): notices for staff, in the app and, for staff with
// an email address, through the email outbox (api/mailer sends it).
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/app/context.hpp"
#include "notifications/storage/notification_store.hpp"

namespace kefu::app {

struct Notice {
  std::string kind;  // escalation, approval_request, approval_decided, service_recovery, task_overdue
  std::optional<int64_t> ticket_id;
  std::string title;
  std::string body;
  nlohmann::json data = nlohmann::json::object();
};

// Stores one notification per distinct recipient (and an outbox email for those with
// an address). Returns the notifications stored.
std::vector<storage::Notification> notify(Context&, const std::vector<int64_t>& staff_ids, const Notice&);

// The caller's own notices, newest first (before_id pages back).
struct NotificationPage {
  std::vector<storage::Notification> items;
  int64_t unread = 0;
};
NotificationPage my_notifications(Context&, std::optional<int64_t> before_id, bool unread_only, int limit);
void mark_read(Context&, int64_t notification_id);
int64_t mark_all_read(Context&);
// The caller's unread notifications (the live stream's first event).
int64_t unread_count(Context&);

}  // namespace kefu::app
