#pragma once
// Notifications, the email outbox, installation settings, authority limits,
// resolutions and CSAT ratings.
// Template definitions: included only by the backends' repository.cpp.
#include "core/storage/sql/repository.hpp"
#include "core/storage/sql/rows.hpp"

namespace kefu::storage::sql {

template <class D>
int64_t SqlRepository<D>::insert_notification(const Notification& n) {
  return D::insert(db_,
                   "INSERT INTO notifications(staff_id, kind, ticket_id, title, body, data, created_at, read_at) "
                   "VALUES (?,?,?,?,?,?,?,?)",
                   n.staff_id, n.kind, n.ticket_id, n.title, n.body, n.data, n.created_at, n.read_at);
}

template <class D>
std::vector<Notification> SqlRepository<D>::notifications(int64_t staff_id, std::optional<int64_t> before_id,
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

template <class D>
std::vector<Notification> SqlRepository<D>::notifications_after(int64_t after_id, int limit) {
  std::vector<Notification> out;
  auto s = db_.prepare(kNotificationCols + " WHERE id > ? ORDER BY id LIMIT ?");
  s->bind_all(after_id, limit);
  while (s->step()) out.push_back(read_notification(*s));
  return out;
}

template <class D>
int64_t SqlRepository<D>::unread_notifications(int64_t staff_id) {
  auto s = db_.prepare("SELECT COUNT(*) FROM notifications WHERE staff_id = ? AND read_at IS NULL");
  s->bind(1, staff_id);
  s->step();
  return s->i64(0);
}

template <class D>
bool SqlRepository<D>::mark_notification_read(int64_t staff_id, int64_t id, int64_t at) {
  {
    auto s = db_.prepare("SELECT read_at FROM notifications WHERE id = ? AND staff_id = ?");
    s->bind_all(id, staff_id);
    if (!s->step()) return false;
  }
  db_.prepare("UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL")->bind_all(at, id).run();
  return true;
}

template <class D>
int64_t SqlRepository<D>::mark_all_notifications_read(int64_t staff_id, int64_t at) {
  db_.prepare("UPDATE notifications SET read_at = ? WHERE staff_id = ? AND read_at IS NULL")
      ->bind_all(at, staff_id)
      .run();
  return db_.changes();
}

template <class D>
int64_t SqlRepository<D>::last_notification_id() {
  auto s = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM notifications");
  s->step();
  return s->i64(0);
}

template <class D>
int64_t SqlRepository<D>::insert_email(const OutboxEmail& e) {
  return D::insert(
      db_,
      "INSERT INTO email_outbox(notification_id, to_addr, subject, body, created_at, next_attempt_at, attempts) "
      "VALUES (?,?,?,?,?,?,?)",
      e.notification_id, e.to, e.subject, e.body, e.created_at, e.next_attempt_at, e.attempts);
}

template <class D>
std::vector<OutboxEmail> SqlRepository<D>::emails_due(int64_t now, int limit) {
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

template <class D>
void SqlRepository<D>::mark_email_sent(int64_t id, int64_t at) {
  db_.prepare("UPDATE email_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?")->bind_all(at, id).run();
}

template <class D>
void SqlRepository<D>::mark_email_failed(int64_t id, const std::string& error, int64_t next_attempt_at) {
  db_.prepare("UPDATE email_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")
      ->bind_all(error, next_attempt_at, id)
      .run();
}

template <class D>
std::string SqlRepository<D>::sla_config_version() {
  auto s = db_.prepare(
      "SELECT (SELECT value FROM settings WHERE key = 'installation_id') || ':' || "
      "(SELECT value FROM settings WHERE key = 'sla_config_version')");
  s->step();
  return s->text(0);
}

template <class D>
std::optional<std::string> SqlRepository<D>::setting(const std::string& key) {
  auto s = db_.prepare("SELECT value FROM settings WHERE key = ?");
  s->bind(1, key);
  if (!s->step()) return std::nullopt;
  return s->text(0);
}

template <class D>
std::string SqlRepository<D>::put_setting_if_absent(const std::string& key, const std::string& value) {
  db_.prepare("INSERT INTO settings(key, value) VALUES (?,?) ON CONFLICT DO NOTHING")->bind_all(key, value).run();
  return *setting(key);
}

// Authority limits, resolutions and CSAT ratings.

template <class D>
std::vector<std::pair<std::string, int64_t>> SqlRepository<D>::authority_limits() {
  std::vector<std::pair<std::string, int64_t>> out;
  auto s = db_.prepare(std::string("SELECT role, amount_cents FROM authority_limits ORDER BY role") + D::kBytes);
  while (s->step()) out.emplace_back(s->text(0), s->i64(1));
  return out;
}

template <class D>
void SqlRepository<D>::put_authority_limit(const std::string& role, int64_t amount_cents) {
  db_.prepare(
         "INSERT INTO authority_limits(role, amount_cents) VALUES (?,?) "
         "ON CONFLICT(role) DO UPDATE SET amount_cents = excluded.amount_cents")
      ->bind_all(role, amount_cents)
      .run();
}

template <class D>
int64_t SqlRepository<D>::insert_resolution(const ResolutionRecord& r) {
  return D::insert(
      db_,
      "INSERT INTO resolutions(ticket_id, kind, compensation, amount_cents, description, status, requested_by, "
      "approver_role, decided_by, decision_reason, created_at, decided_at, version) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
      r.ticket_id, r.kind, r.compensation, r.amount_cents, r.description, r.status, r.requested_by, r.approver_role,
      r.decided_by, r.decision_reason, r.created_at, r.decided_at, r.version);
}

template <class D>
bool SqlRepository<D>::update_resolution(const ResolutionRecord& r, int64_t expected_version) {
  db_.prepare(
         "UPDATE resolutions SET status=?, decided_by=?, decision_reason=?, decided_at=?, version=? "
         "WHERE id=? AND version=?")
      ->bind_all(r.status, r.decided_by, r.decision_reason, r.decided_at, r.version, r.id, expected_version)
      .run();
  return db_.changes() == 1;
}

template <class D>
std::optional<ResolutionRecord> SqlRepository<D>::resolution(int64_t id) {
  auto s = db_.prepare(kResolutionCols + " WHERE r.id = ?");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return read_resolution(*s);
}

template <class D>
std::vector<ResolutionRecord> SqlRepository<D>::resolutions(int64_t ticket_id) {
  std::vector<ResolutionRecord> out;
  auto s = db_.prepare(kResolutionCols + " WHERE r.ticket_id = ? ORDER BY r.id");
  s->bind(1, ticket_id);
  while (s->step()) out.push_back(read_resolution(*s));
  return out;
}

template <class D>
std::vector<ResolutionRecord> SqlRepository<D>::pending_resolutions(const std::vector<int64_t>& store_ids,
                                                                    const std::vector<std::string>& roles) {
  std::string sql = kResolutionCols + " JOIN tickets t ON t.id = r.ticket_id WHERE r.status = 'pending'";
  if (!store_ids.empty()) sql += " AND t.store_id IN (" + placeholders(store_ids.size()) + ")";
  if (roles.empty()) return {};
  sql += " AND r.approver_role IN (" + placeholders(roles.size()) + ") ORDER BY r.id";
  auto s = db_.prepare(sql);
  int i = 0;
  for (auto id : store_ids) s->bind(++i, id);
  for (const auto& r : roles) s->bind(++i, r);
  std::vector<ResolutionRecord> out;
  while (s->step()) out.push_back(read_resolution(*s));
  return out;
}

template <class D>
bool SqlRepository<D>::insert_csat(const CsatRating& c) {
  db_.prepare(
         "INSERT INTO csat_ratings(ticket_id, rating, comment, created_at) VALUES (?,?,?,?) ON CONFLICT DO NOTHING")
      ->bind_all(c.ticket_id, c.rating, c.comment, c.created_at)
      .run();
  return db_.changes() == 1;
}

template <class D>
std::optional<CsatRating> SqlRepository<D>::csat(int64_t ticket_id) {
  auto s = db_.prepare("SELECT ticket_id, rating, comment, created_at FROM csat_ratings WHERE ticket_id = ?");
  s->bind(1, ticket_id);
  if (!s->step()) return std::nullopt;
  return CsatRating{s->i64(0), static_cast<int>(s->i64(1)), s->text(2), s->i64(3)};
}

}  // namespace kefu::storage::sql
