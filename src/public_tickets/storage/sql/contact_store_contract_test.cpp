// The storage contract of ContactStore's customer access records: expiry, revocation per
// ticket, forgetting.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "public_tickets/storage/contact_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

class ContactStoreContract : public Contract {};

TEST_P(ContactStoreContract, CustomerAccessRecordsExpireAndAreRevokedPerTicket) {
  auto t1 = make_ticket(store_a, 1);
  auto t2 = make_ticket(store_a, 2);
  db->write_sync([&](Stores& w) {
    w.get<TicketStore>().insert_ticket(t1);
    w.get<TicketStore>().insert_ticket(t2);
    auto& c = w.get<ContactStore>();
    c.insert_customer_access({"d1", t1.id, 100, 1000, std::nullopt});
    c.insert_customer_access({"d2", t1.id, 200, 300, std::nullopt});  // expires before the revocation
    c.insert_customer_access({"d3", t2.id, 100, 1000, std::nullopt});
  });
  auto& r = db->reader();
  auto a = r.get<ContactStore>().customer_access("d1");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->ticket_id, t1.id);
  EXPECT_EQ(a->created_at, 100);
  EXPECT_EQ(a->expires_at, 1000);
  EXPECT_FALSE(a->revoked_at);
  EXPECT_FALSE(r.get<ContactStore>().customer_access("D1")) << "digests are exact";
  EXPECT_FALSE(r.get<ContactStore>().customer_access_revoked_at(t1.id));

  int revoked = -1;
  db->write_sync([&](Stores& w) { revoked = w.get<ContactStore>().revoke_customer_access(t1.id, 500); });
  EXPECT_EQ(revoked, 1) << "only the live record of ticket 1";
  EXPECT_EQ(db->reader().get<ContactStore>().customer_access("d1")->revoked_at, 500);
  EXPECT_FALSE(db->reader().get<ContactStore>().customer_access("d2")->revoked_at);
  EXPECT_FALSE(db->reader().get<ContactStore>().customer_access("d3")->revoked_at) << "another ticket's";
  EXPECT_EQ(db->reader().get<ContactStore>().customer_access_revoked_at(t1.id), 500);
  EXPECT_FALSE(db->reader().get<ContactStore>().customer_access_revoked_at(t2.id));
  // A ticket with no record yet (only signed links) still gets its revocation time.
  db->write_sync([&](Stores& w) { revoked = w.get<ContactStore>().revoke_customer_access(t2.id, 600); });
  db->write_sync([&](Stores& w) { EXPECT_EQ(w.get<ContactStore>().revoke_customer_access(t2.id, 700), 0); });
  EXPECT_EQ(db->reader().get<ContactStore>().customer_access_revoked_at(t2.id), 700);

  int forgotten = -1;
  db->write_sync([&](Stores& w) { forgotten = w.get<ContactStore>().forget_customer_access(1000); });
  EXPECT_EQ(forgotten, 3) << "d1, d2 and d3 (expires_at <= now); the revocation markers stay";
  EXPECT_FALSE(db->reader().get<ContactStore>().customer_access("d3"));
  EXPECT_EQ(db->reader().get<ContactStore>().customer_access_revoked_at(t1.id), 500);
}

INSTANTIATE_TEST_SUITE_P(Backends, ContactStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
