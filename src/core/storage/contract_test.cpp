// The storage contract: every backend must pass these (contract_fixture.hpp lists
// the backends). This file instantiates the Contract suite and holds what is no single
// capability's store: write batches, snapshots, table counts and the platform stores
// (core/storage/platform_stores.hpp). Each capability's store contract is beside its SQL,
// in src/<capability>/storage/sql/*_contract_test.cpp (contract_sla_test.cpp's suite spans
// several capabilities and stays here); store_coverage_test.cpp checks that every store
// method is called by a contract test.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "auth/storage/auth_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "core/storage/platform_stores.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

TEST_P(Contract, AFailingJobRollsBackAloneInItsBatch) {
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 40; ++i) {
    db->write(
        [&, i](Stores& r) {
          auto t = make_ticket(store_a, 1000 + i);
          r.get<storage::TicketStore>().insert_ticket(t);
          if (i % 4 == 0) throw std::runtime_error("boom");
        },
        [&](std::exception_ptr e) { e ? ++failed : ++ok; });
  }
  db->flush();
  EXPECT_EQ(ok.load(), 30);
  EXPECT_EQ(failed.load(), 10);
  EXPECT_EQ(db->reader().count("tickets"), 30);
}

TEST_P(Contract, AuditLogIsAppendOnly) {
  db->write_sync([&](Stores& r) {
    r.get<storage::AuditStore>().append_audit({0, staff, "ticket.update", "ticket", 7, "{}", "{\"a\":1}", 5});
  });
  auto entries = db->reader().get<storage::AuditStore>().audit("ticket", 7);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].after_json, "{\"a\":1}");
  // An entry appended by a job that then fails is rolled back with it.
  EXPECT_ANY_THROW(db->write_sync([&](Stores& r) {
    r.get<storage::AuditStore>().append_audit({0, staff, "ticket.update", "ticket", 7, "{}", "{}", 6});
    throw std::runtime_error("use case failed after auditing");
  }));
  EXPECT_EQ(db->reader().get<storage::AuditStore>().audit("ticket", 7).size(), 1u);
}

TEST_P(Contract, SessionsExpireAndIdempotencyKeysArePerCaller) {
  db->write_sync([&](Stores& r) {
    r.get<storage::AuthStore>().insert_session("d1", staff, 0, 100);
    r.get<storage::IdempotencyStore>().put_idempotent(staff, "k", {"h", 201, "{}"}, 1);
  });
  auto& r = db->reader();
  EXPECT_EQ(r.get<storage::AuthStore>().session_staff("d1", 50), staff);
  EXPECT_FALSE(r.get<storage::AuthStore>().session_staff("d1", 100));
  EXPECT_EQ(r.get<storage::IdempotencyStore>().idempotent(staff, "k")->status, 201);
  EXPECT_FALSE(r.get<storage::IdempotencyStore>().idempotent(staff + 1, "k"));
}

TEST_P(Contract, ASnapshotSeesEveryWriteAcknowledgedBeforeIt) {
  ticket::Ticket t = make_ticket(store_a, 1000, "第一版");
  db->write_sync([&](Stores& r) { r.get<storage::TicketStore>().insert_ticket(t); });
  auto& reader = db->reader();
  for (int round = 0; round < 3; ++round) {
    {
      Snapshot s(reader);
      EXPECT_EQ(reader.get<storage::TicketStore>().ticket(t.id)->version, t.version) << round;
      EXPECT_EQ(reader.get<storage::TicketStore>().ticket(t.id)->version, t.version) << "stable within a snapshot";
    }
    t.subject = "第" + std::to_string(round + 2) + "版";
    t.version += 1;
    db->write_sync([&](Stores& r) { ASSERT_TRUE(r.get<storage::TicketStore>().update_ticket(t, t.version - 1)); });
  }
  Snapshot s(reader);
  EXPECT_EQ(reader.get<storage::TicketStore>().ticket(t.id)->subject, "第4版");
}

TEST_P(Contract, CountKnowsTheSameTablesOnEveryBackend) {
  auto& r = db->reader();
  EXPECT_EQ(r.count("stores"), 2);
  EXPECT_EQ(r.count("ticket_fts"), 0);  // the search index, whatever the backend calls it
  EXPECT_THROW(r.count("settings"), std::invalid_argument);
  EXPECT_THROW(r.count("stores; DROP TABLE stores"), std::invalid_argument);
}

TEST_P(Contract, NestedSnapshotsEndWithTheOutermost) {
  auto& reader = db->reader();
  {
    Snapshot outer(reader);
    EXPECT_EQ(reader.get<storage::OrgStore>().stores().size(), 2u);
    { Snapshot inner(reader); }
    db->write_sync([&](Stores& r) { r.get<storage::OrgStore>().insert_store({.code = "C", .name = "丙店"}); });
    EXPECT_EQ(reader.get<storage::OrgStore>().stores().size(), 2u) << "still the outer snapshot";
  }
  Snapshot s(reader);
  EXPECT_EQ(reader.get<storage::OrgStore>().stores().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Backends, Contract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
