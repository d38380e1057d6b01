// The live streams' feed of timeline events (a test of the Contract suite, instantiated in
// core/storage/contract_test.cpp).
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::storage {
namespace {

TEST_P(Contract, TicketActivityFollowsTimelineEventsInIdOrderWithTheirStore) {
  ticket::Ticket a = make_ticket(store_a, 1795278600000LL), b = make_ticket(store_b, 1795278601000LL);
  const int64_t before = db->reader().get<storage::TimelineStore>().last_event_id();
  db->write_sync([&](Stores& r) {
    r.get<storage::TicketStore>().insert_ticket(a);
    r.get<storage::TicketStore>().insert_ticket(b);
    r.get<storage::TimelineStore>().insert_event(
        {.ticket_id = a.id, .kind = "created", .actor_id = staff, .data = "{}", .created_at = a.created_at});
    r.get<storage::TimelineStore>().insert_event(
        {.ticket_id = b.id, .kind = "created", .actor_id = staff, .data = "{}", .created_at = b.created_at});
    r.get<storage::TimelineStore>().insert_event({.ticket_id = a.id,
                                                  .kind = "reply",
                                                  .actor_id = staff,
                                                  .body = "您好",
                                                  .data = "{}",
                                                  .customer_visible = true,
                                                  .created_at = a.created_at + 5});
  });
  auto& r = db->reader();
  auto all = r.get<storage::TimelineStore>().ticket_activity_after(before, 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].ticket_id, a.id);
  EXPECT_EQ(all[0].store_id, store_a);
  EXPECT_EQ(all[0].number, a.number);
  EXPECT_EQ(all[1].store_id, store_b);
  EXPECT_EQ(all[2].kind, "reply");
  EXPECT_EQ(all[2].created_at, a.created_at + 5);
  EXPECT_LT(all[0].event_id, all[1].event_id);
  EXPECT_EQ(r.get<storage::TimelineStore>().last_event_id(), all[2].event_id);
  auto rest = r.get<storage::TimelineStore>().ticket_activity_after(all[0].event_id, 1);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].event_id, all[1].event_id);
}

}  // namespace
}  // namespace kefu::storage
