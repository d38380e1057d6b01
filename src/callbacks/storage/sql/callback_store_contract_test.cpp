// The storage contract for the callback (回访) work list, and (written beside it, in the
// same suite) the customer's own contact on a ticket (ContactStore).
#include <gtest/gtest.h>

#include "callbacks/storage/callback_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "public_tickets/storage/contact_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

class CallbackContract : public Contract {};

TEST_P(CallbackContract, CallbacksDueAreScopedAndSoonestFirst) {
  constexpr int64_t kAt = 1795278600000LL;
  std::vector<ticket::Ticket> made;
  db->write_sync([&](Stores& r) {
    // (store, callback_due_at): two due in A out of order, one due later, one without a
    // callback, one due in B.
    const std::vector<std::pair<int64_t, std::optional<int64_t>>> plan = {
        {store_a, kAt + 3000}, {store_a, kAt + 1000}, {store_a, kAt + 9000}, {store_a, std::nullopt}, {store_b, kAt}};
    for (const auto& [store, due] : plan) {
      auto t = make_ticket(store, kAt);
      t.status = "resolved";
      t.callback_due_at = due;
      r.get<storage::TicketStore>().insert_ticket(t);
      if (due) r.get<storage::TicketStore>().update_ticket_deadlines(t);
      made.push_back(t);
    }
  });
  auto& reader = db->reader();
  auto due = reader.get<storage::CallbackStore>().callbacks_due({store_a}, kAt + 5000, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, made[1].id);
  EXPECT_EQ(due[1].id, made[0].id);
  EXPECT_EQ(due[0].callback_due_at, kAt + 1000);

  // The bound is exclusive; an empty store list means every store; the limit holds.
  EXPECT_EQ(reader.get<storage::CallbackStore>().callbacks_due({store_a}, kAt + 1000, 10).size(), 0u);
  auto all = reader.get<storage::CallbackStore>().callbacks_due({}, kAt + 10000, 10);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].id, made[4].id);
  EXPECT_EQ(all[3].id, made[2].id);
  EXPECT_EQ(reader.get<storage::CallbackStore>().callbacks_due({}, kAt + 10000, 2).size(), 2u);
  EXPECT_TRUE(reader.get<storage::CallbackStore>().callbacks_due({store_b}, kAt, 10).empty());

  // Done: the callback time is cleared and the ticket leaves the list.
  db->write_sync([&](Stores& r) {
    made[1].callback_due_at.reset();
    r.get<storage::TicketStore>().update_ticket_deadlines(made[1]);
  });
  due = db->reader().get<storage::CallbackStore>().callbacks_due({store_a}, kAt + 5000, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, made[0].id);
}

TEST_P(CallbackContract, ATicketKeepsTheCustomersOwnContact) {
  auto t = make_ticket(store_a, 1000);
  db->write_sync([&](Stores& r) {
    r.get<storage::TicketStore>().insert_ticket(t);
    r.get<storage::ContactStore>().insert_ticket_contact({t.id, "王女士", "13800138000", 1000});
  });
  auto c = db->reader().get<storage::ContactStore>().ticket_contact(t.id);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->name, "王女士");
  EXPECT_EQ(c->phone, "13800138000");
  EXPECT_EQ(c->created_at, 1000);
  EXPECT_FALSE(db->reader().get<storage::ContactStore>().ticket_contact(t.id + 1000));
}

INSTANTIATE_TEST_SUITE_P(Backends, CallbackContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
