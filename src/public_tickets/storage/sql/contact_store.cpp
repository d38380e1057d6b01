// ContactStore over SQL, the same on SQLite and PostgreSQL.
#include "public_tickets/storage/contact_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

template <class D>
class SqlContactStore final : public ContactStore {
 public:
  SqlContactStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  void insert_ticket_contact(const TicketContact&) override;
  std::optional<TicketContact> ticket_contact(int64_t ticket_id) override;

  // ATTENTION: the attempts share the table of failed logins (username = the throttle
  // key, which never looks like a username) until tracking gets its own throttle table.
  void record_tracking_failure(const std::string& key, int64_t at) override {
    db_.prepare("INSERT INTO login_failures(username, remote, at) VALUES (?,'',?)")->bind_all(key, at).run();
  }
  int tracking_failures_since(const std::string& key, int64_t since) override {
    auto s = db_.prepare("SELECT COUNT(*) FROM login_failures WHERE username = ? AND at >= ?");
    s->bind_all(key, since);
    s->step();
    return static_cast<int>(s->i64(0));
  }

 private:
  typename D::Db& db_;
};

template <class D>
void SqlContactStore<D>::insert_ticket_contact(const TicketContact& c) {
  db_.prepare("INSERT INTO ticket_contacts(ticket_id, name, phone, created_at) VALUES (?,?,?,?)")
      ->bind_all(c.ticket_id, c.name, c.phone, c.created_at)
      .run();
}

template <class D>
std::optional<TicketContact> SqlContactStore<D>::ticket_contact(int64_t ticket_id) {
  auto s = db_.prepare("SELECT ticket_id, name, phone, created_at FROM ticket_contacts WHERE ticket_id = ?");
  s->bind(1, ticket_id);
  if (!s->step()) return std::nullopt;
  return TicketContact{s->i64(0), s->text(1), s->text(2), s->i64(3)};
}

}  // namespace

std::unique_ptr<ContactStore> ContactStore::open(Stores& s) {
  return sql::make_store<ContactStore, SqlContactStore>(s);
}

}  // namespace kefu::storage
