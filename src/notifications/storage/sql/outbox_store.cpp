// OutboxStore over SQL, the same on SQLite and PostgreSQL.
#include "notifications/storage/outbox_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

using namespace sql;

template <class D>
class SqlOutboxStore final : public OutboxStore {
 public:
  using Stmt = typename D::Stmt;
  SqlOutboxStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  int64_t insert_email(const OutboxEmail&) override;
  std::vector<OutboxEmail> emails_due(int64_t now, int limit) override;
  void mark_email_sent(int64_t id, int64_t at) override;
  void mark_email_failed(int64_t id, const std::string& error, int64_t next_attempt_at) override;

 private:
  typename D::Db& db_;
};

template <class D>
int64_t SqlOutboxStore<D>::insert_email(const OutboxEmail& e) {
  return D::insert(
      db_,
      "INSERT INTO email_outbox(notification_id, to_addr, subject, body, created_at, next_attempt_at, attempts, "
      "html, attachments) VALUES (?,?,?,?,?,?,?,?,?)",
      e.notification_id, e.to, e.subject, e.body, e.created_at, e.next_attempt_at, e.attempts, e.html, e.attachments);
}

template <class D>
std::vector<OutboxEmail> SqlOutboxStore<D>::emails_due(int64_t now, int limit) {
  std::vector<OutboxEmail> out;
  auto s = db_.prepare(
      "SELECT id, notification_id, to_addr, subject, body, created_at, next_attempt_at, attempts, sent_at, "
      "last_error, html, attachments FROM email_outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY "
      "next_attempt_at, id "
      "LIMIT ?");
  s->bind_all(now, limit);
  while (s->step())
    out.push_back({s->i64(0), s->opt_i64(1), s->text(2), s->text(3), s->text(4), s->i64(5), s->i64(6),
                   static_cast<int>(s->i64(7)), s->opt_i64(8), s->text(9), s->text(10), s->text(11)});
  return out;
}

template <class D>
void SqlOutboxStore<D>::mark_email_sent(int64_t id, int64_t at) {
  db_.prepare("UPDATE email_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?")->bind_all(at, id).run();
}

template <class D>
void SqlOutboxStore<D>::mark_email_failed(int64_t id, const std::string& error, int64_t next_attempt_at) {
  db_.prepare("UPDATE email_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")
      ->bind_all(error, next_attempt_at, id)
      .run();
}

}  // namespace

std::unique_ptr<OutboxStore> OutboxStore::open(Stores& s) { return make_store<OutboxStore, SqlOutboxStore>(s); }
}  // namespace kefu::storage
