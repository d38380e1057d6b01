// ContactStore over SQL, the same on SQLite and PostgreSQL.
#include "public_tickets/storage/contact_store.hpp"

#include "core/storage/sql/common.hpp"
#include "core/storage/sql/make.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kRevocationKeptMs = 30LL * 24 * 3600 * 1000;

template <class D>
class SqlContactStore final : public ContactStore {
 public:
  SqlContactStore(typename D::Db& db, typename D::Stores&) : db_(db) {}

  void insert_ticket_contact(const TicketContact&) override;
  std::optional<TicketContact> ticket_contact(int64_t ticket_id) override;

  void insert_customer_access(const CustomerAccess& a) override {
    db_.prepare("INSERT INTO customer_access(digest, ticket_id, created_at, expires_at, revoked_at) VALUES (?,?,?,?,?)")
        ->bind_all(a.digest, a.ticket_id, a.created_at, a.expires_at, a.revoked_at)
        .run();
  }
  std::optional<CustomerAccess> customer_access(const std::string& digest) override {
    auto s = db_.prepare(
        "SELECT digest, ticket_id, created_at, expires_at, revoked_at FROM customer_access WHERE digest = ?");
    s->bind(1, digest);
    if (!s->step()) return std::nullopt;
    CustomerAccess a{s->text(0), s->i64(1), s->i64(2), s->i64(3), std::nullopt};
    if (!s->is_null(4)) a.revoked_at = s->i64(4);
    return a;
  }
  int revoke_customer_access(int64_t ticket_id, int64_t at) override {
    db_.prepare(
           "UPDATE customer_access SET revoked_at = ? WHERE ticket_id = ? AND revoked_at IS NULL AND expires_at > ?")
        ->bind_all(at, ticket_id, at)
        .run();
    const int revoked = db_.changes();
    // The marker lives as long as the longest link it must refuse (the 30-day signed links).
    db_.prepare(
           "INSERT INTO customer_access(digest, ticket_id, created_at, expires_at, revoked_at) VALUES (?,?,?,?,?) "
           "ON CONFLICT(digest) DO NOTHING")
        ->bind_all("revoked:" + std::to_string(ticket_id) + ":" + std::to_string(at), ticket_id, at,
                   at + kRevocationKeptMs, at)
        .run();
    return revoked;
  }
  std::optional<int64_t> customer_access_revoked_at(int64_t ticket_id) override {
    auto s = db_.prepare("SELECT MAX(revoked_at) FROM customer_access WHERE ticket_id = ?");
    s->bind(1, ticket_id);
    if (!s->step() || s->is_null(0)) return std::nullopt;
    return s->i64(0);
  }
  int forget_customer_access(int64_t now) override {
    db_.prepare("DELETE FROM customer_access WHERE expires_at <= ?")->bind(1, now).run();
    return db_.changes();
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
