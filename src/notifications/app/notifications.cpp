#include "notifications/app/notifications.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"
#include "notifications/storage/notification_store.hpp"
#include "notifications/storage/outbox_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app {

std::vector<storage::Notification> notify(Context& c, const std::vector<int64_t>& staff_ids, const Notice& n) {
  std::vector<int64_t> ids = staff_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<storage::Notification> out;
  for (auto id : ids) {
    auto who = c.store<storage::OrgStore>().staff(id);
    if (!who || !who->active) continue;
    storage::Notification row{0, id, n.kind, n.ticket_id, n.title, n.body, n.data.dump(), c.now_ms, std::nullopt};
    row.id = c.store<storage::NotificationStore>().insert_notification(row);
    if (!who->email.empty())
      c.store<storage::OutboxStore>().insert_email(
          {.notification_id = row.id,
           .to = who->email,
           .subject = "【kefu 客服】" + n.title,
           .body = who->display_name + "：\n\n" + n.body + "\n\n—— kefu 客服管理平台（系统邮件，请勿回复）",
           .created_at = c.now_ms,
           .next_attempt_at = c.now_ms});
    out.push_back(std::move(row));
  }
  return out;
}

NotificationPage my_notifications(Context& c, std::optional<int64_t> before_id, bool unread_only, int limit) {
  limit = std::clamp(limit, 1, 200);
  return {c.store<storage::NotificationStore>().notifications(c.actor.staff_id, before_id, unread_only, limit),
          c.store<storage::NotificationStore>().unread_notifications(c.actor.staff_id)};
}

void mark_read(Context& c, int64_t id) {
  if (!c.store<storage::NotificationStore>().mark_notification_read(c.actor.staff_id, id, c.now_ms))
    throw make_error(errors::kNotFound, {{"what", Text("通知", "notification")}});
}

int64_t unread_count(Context& c) {
  return c.store<storage::NotificationStore>().unread_notifications(c.actor.staff_id);
}

int64_t mark_all_read(Context& c) {
  return c.store<storage::NotificationStore>().mark_all_notifications_read(c.actor.staff_id, c.now_ms);
}

}  // namespace kefu::app
