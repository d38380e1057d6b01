// Notifications, the email outbox and installation settings.
#include "storage/pg/repository.hpp"

namespace kefu::storage::pg {
namespace {

const std::string kNotificationCols =
    "SELECT id, staff_id, kind, ticket_id, title, body, data, created_at, read_at FROM notifications";

Notification read_notification(Stmt& s) {
  return {s.i64(0), s.i64(1), s.text(2), s.opt_i64(3), s.text(4), s.text(5), s.text(6), s.i64(7), s.opt_i64(8)};
}

}  // namespace

int64_t PgRepository::insert_notification(const Notification& n) {
  auto s = db_.prepare(
      "INSERT INTO notifications(staff_id, kind, ticket_id, title, body, data, created_at, read_at) "
      "VALUES (?,?,?,?,?,?,?,?) RETURNING id");
  s->bind_all(n.staff_id, n.kind, n.ticket_id, n.title, n.body, n.data, n.created_at, n.read_at);
  s->step();
  return s->i64(0);
}

std::vector<Notification> PgRepository::notifications(int64_t staff_id, std::optional<int64_t> before_id,
                                                      bool unread_only, int limit) {
  std::vector<Notification> out;
  // The cast types the IS NULL operand, which PostgreSQL cannot infer from context.
  auto s = db_.prepare(kNotificationCols +
                       " WHERE staff_id = ? AND (CAST(? AS BIGINT) IS NULL OR id < ?) AND (? = 0 OR read_at IS NULL) "
                       "ORDER BY id DESC LIMIT ?");
  s->bind_all(staff_id, before_id, before_id, unread_only, limit);
  while (s->step()) out.push_back(read_notification(*s));
  return out;
}

std::vector<Notification> PgRepository::notifications_after(int64_t after_id, int limit) {
  std::vector<Notification> out;
  auto s = db_.prepare(kNotificationCols + " WHERE id > ? ORDER BY id LIMIT ?");
  s->bind_all(after_id, limit);
  while (s->step()) out.push_back(read_notification(*s));
  return out;
}

int64_t PgRepository::unread_notifications(int64_t staff_id) {
  auto s = db_.prepare("SELECT COUNT(*) FROM notifications WHERE staff_id = ? AND read_at IS NULL");
  s->bind(1, staff_id);
  s->step();
  return s->i64(0);
}

bool PgRepository::mark_notification_read(int64_t staff_id, int64_t id, int64_t at) {
  {
    auto s = db_.prepare("SELECT read_at FROM notifications WHERE id = ? AND staff_id = ?");
    s->bind_all(id, staff_id);
    if (!s->step()) return false;
  }
  db_.prepare("UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL")->bind_all(at, id).run();
  return true;
}

int64_t PgRepository::mark_all_notifications_read(int64_t staff_id, int64_t at) {
  db_.prepare("UPDATE notifications SET read_at = ? WHERE staff_id = ? AND read_at IS NULL")
      ->bind_all(at, staff_id)
      .run();
  return db_.changes();
}

int64_t PgRepository::last_notification_id() {
  auto s = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM notifications");
  s->step();
  return s->i64(0);
}

int64_t PgRepository::insert_email(const OutboxEmail& e) {
  auto s = db_.prepare(
      "INSERT INTO email_outbox(notification_id, to_addr, subject, body, created_at, next_attempt_at, attempts) "
      "VALUES (?,?,?,?,?,?,?) RETURNING id");
  s->bind_all(e.notification_id, e.to, e.subject, e.body, e.created_at, e.next_attempt_at, e.attempts);
  s->step();
  return s->i64(0);
}

std::vector<OutboxEmail> PgRepository::emails_due(int64_t now, int limit) {
  std::vector<OutboxEmail> out;
  auto s = db_.prepare(
      "SELECT id, notification_id, to_addr, subject, body, created_at, next_attempt_at, attempts, sent_at, "
      "last_error FROM email_outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id "
      "LIMIT ?");
  s->bind_all(now, limit);
  while (s->step())
    out.push_back({s->i64(0), s->opt_i64(1), s->text(2), s->text(3), s->text(4), s->i64(5), s->i64(6),
                   static_cast<int>(s->i64(7)), s->opt_i64(8), s->text(9)});
  return out;
}

void PgRepository::mark_email_sent(int64_t id, int64_t at) {
  db_.prepare("UPDATE email_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?")->bind_all(at, id).run();
}

void PgRepository::mark_email_failed(int64_t id, const std::string& error, int64_t next_attempt_at) {
  db_.prepare("UPDATE email_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")
      ->bind_all(error, next_attempt_at, id)
      .run();
}

std::string PgRepository::sla_config_version() {
  auto s = db_.prepare(
      "SELECT (SELECT value FROM settings WHERE key = 'installation_id') || ':' || "
      "(SELECT value FROM settings WHERE key = 'sla_config_version')");
  s->step();
  return s->text(0);
}

std::optional<std::string> PgRepository::setting(const std::string& key) {
  auto s = db_.prepare("SELECT value FROM settings WHERE key = ?");
  s->bind(1, key);
  if (!s->step()) return std::nullopt;
  return s->text(0);
}

std::string PgRepository::put_setting_if_absent(const std::string& key, const std::string& value) {
  db_.prepare("INSERT INTO settings(key, value) VALUES (?,?) ON CONFLICT DO NOTHING")->bind_all(key, value).run();
  return *setting(key);
}

}  // namespace kefu::storage::pg
