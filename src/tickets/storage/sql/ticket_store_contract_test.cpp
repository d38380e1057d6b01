// The storage contract of TicketStore: tickets with versioned updates, and lists scoped by
// store and paged by keyset. (Search: ticket_search_contract_test.cpp.) These are tests of
// the Contract suite (core/storage/contract_fixture.hpp), instantiated in
// core/storage/contract_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/storage/contract_fixture.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

TEST_P(Contract, TicketInsertGetUpdateWithVersion) {
  ticket::Ticket t = make_ticket(store_a, 1795278600000LL);
  db->write_sync([&](Stores& r) { r.get<storage::TicketStore>().insert_ticket(t); });
  EXPECT_GT(t.id, 0);
  EXPECT_EQ(t.number.substr(0, 8), "KF261122");
  auto got = db->reader().get<storage::TicketStore>().ticket(t.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->subject, "咨询");
  EXPECT_EQ(db->reader().get<storage::TicketStore>().ticket_by_number(t.number)->id, t.id);

  got->status = "in_progress";
  got->version = 2;
  bool first = false, stale = true;
  db->write_sync([&](Stores& r) {
    first = r.get<storage::TicketStore>().update_ticket(*got, 1);
    stale = r.get<storage::TicketStore>().update_ticket(*got, 1);
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(stale);
  EXPECT_EQ(db->reader().get<storage::TicketStore>().ticket(t.id)->status, "in_progress");
}

TEST_P(Contract, FilterScopeAndKeysetPagination) {
  db->write_sync([&](Stores& r) {
    for (int i = 0; i < 25; ++i) {
      auto t = make_ticket(i % 5 == 0 ? store_b : store_a, 1000 + i * 10);
      r.get<storage::TicketStore>().insert_ticket(t);
    }
  });
  TicketFilter f;
  f.store_ids = {store_a};
  f.limit = 7;
  std::vector<int64_t> seen;
  for (;;) {
    auto page = db->reader().get<storage::TicketStore>().tickets(f);
    for (auto& t : page) {
      EXPECT_EQ(t.store_id, store_a);
      seen.push_back(t.created_at);
    }
    if (page.size() < 7u) break;
    f.after_id = page.back().id;
    f.after_key = std::to_string(page.back().created_at);
  }
  ASSERT_EQ(seen.size(), 20u);
  EXPECT_TRUE(std::is_sorted(seen.rbegin(), seen.rend()));
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
}

}  // namespace
}  // namespace kefu::storage
