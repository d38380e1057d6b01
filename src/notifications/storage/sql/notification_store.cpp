// NotificationStore over SQL, the same on SQLite and PostgreSQL.
#include "notifications/storage/notification_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

const std::string kNotificationCols =
    "SELECT id, staff_id, kind, ticket_id, title, body, data, created_at, read_at FROM notifications";
template <class Stmt>
Notification read_notification(const Stmt& s) {
  return {s.i64(0), s.i64(1), s.text(2), s.opt_i64(3), s.text(4), s.text(5), s.text(6), s.i64(7), s.opt_i64(8)};
}

template <class D>
class SqlNotificationStore final : public NotificationStore {
 public:
  using Stmt = typename D::Stmt;
  SqlNotificationStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_notification(const Notification&) override;
  std::vector<Notification> notifications(int64_t staff_id, std::optional<int64_t> before_id, bool unread_only,
                                          int limit) override;
  std::vector<Notification> notifications_after(int64_t after_id, int limit) override;
  int64_t unread_notifications(int64_t staff_id) override;
  bool mark_notification_read(int64_t staff_id, int64_t id, int64_t at) override;
  int64_t mark_all_notifications_read(int64_t staff_id, int64_t at) override;
  int64_t last_notification_id() override;

 private:
  typename D::Db& db_;
};

template <class D>
int64_t SqlNotificationStore<D>::insert_notification(const Notification& n) {
  return D::insert(db_,
                   "INSERT INTO notifications(staff_id, kind, ticket_id, title, body, data, created_at, read_at) "
                   "VALUES (?,?,?,?,?,?,?,?)",
                   n.staff_id, n.kind, n.ticket_id, n.title, n.body, n.data, n.created_at, n.read_at);
}

template <class D>
std::vector<Notification> SqlNotificationStore<D>::notifications(int64_t staff_id, std::optional<int64_t> before_id,
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
std::vector<Notification> SqlNotificationStore<D>::notifications_after(int64_t after_id, int limit) {
  std::vector<Notification> out;
  auto s = db_.prepare(kNotificationCols + " WHERE id > ? ORDER BY id LIMIT ?");
  s->bind_all(after_id, limit);
  while (s->step()) out.push_back(read_notification(*s));
  return out;
}

template <class D>
int64_t SqlNotificationStore<D>::unread_notifications(int64_t staff_id) {
  auto s = db_.prepare("SELECT COUNT(*) FROM notifications WHERE staff_id = ? AND read_at IS NULL");
  s->bind(1, staff_id);
  s->step();
  return s->i64(0);
}

template <class D>
bool SqlNotificationStore<D>::mark_notification_read(int64_t staff_id, int64_t id, int64_t at) {
  {
    auto s = db_.prepare("SELECT read_at FROM notifications WHERE id = ? AND staff_id = ?");
    s->bind_all(id, staff_id);
    if (!s->step()) return false;
  }
  db_.prepare("UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL")->bind_all(at, id).run();
  return true;
}

template <class D>
int64_t SqlNotificationStore<D>::mark_all_notifications_read(int64_t staff_id, int64_t at) {
  db_.prepare("UPDATE notifications SET read_at = ? WHERE staff_id = ? AND read_at IS NULL")
      ->bind_all(at, staff_id)
      .run();
  return db_.changes();
}

template <class D>
int64_t SqlNotificationStore<D>::last_notification_id() {
  auto s = db_.prepare("SELECT COALESCE(MAX(id), 0) FROM notifications");
  s->step();
  return s->i64(0);
}

}  // namespace

std::unique_ptr<NotificationStore> NotificationStore::open(Stores& s) {
  return make_store<NotificationStore, SqlNotificationStore>(s);
}
}  // namespace kefu::storage
