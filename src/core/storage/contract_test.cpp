// The storage contract: every backend must pass these (contract_fixture.hpp lists
// the backends).
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "auth/storage/auth_store.hpp"
#include "core/domain/error.hpp"
#include "core/storage/contract_fixture.hpp"
#include "core/storage/platform_stores.hpp"
#include "members/storage/member_store.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

TEST_P(Contract, OrganisationRoundTrips) {
  auto& r = db->reader();
  auto st = r.get<storage::OrgStore>().store(store_a);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->name, "甲店");
  ASSERT_EQ(st->hours.size(), 1u);
  EXPECT_EQ(st->hours[0].close, "22:00");
  auto p = r.get<storage::OrgStore>().staff_by_username("li");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->store_ids, std::vector<int64_t>{store_a});
  EXPECT_EQ(p->department_ids, std::vector<int64_t>{dept});
  EXPECT_FALSE(r.get<storage::OrgStore>().staff_by_username("nobody"));
  EXPECT_TRUE(r.get<storage::OrgStore>().store_exists(store_b));
  EXPECT_FALSE(r.get<storage::OrgStore>().store_exists(store_b + 100));
}

TEST_P(Contract, DuplicateUsernameIsAConflictAndKeepsTheFirst) {
  EXPECT_THROW(
      db->write_sync([&](Stores& r) { r.get<storage::OrgStore>().insert_staff({.username = "li", .role = "agent"}); }),
      Error);
  EXPECT_EQ(db->reader().count("staff"), 1);
}

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

TEST_P(Contract, SearchBySegmentedTokens) {
  int64_t parking = 0, sku = 0;
  db->write_sync([&](Stores& r) {
    auto a = make_ticket(store_a, 1000, "停车场收费");
    parking = r.get<storage::TicketStore>().insert_ticket(a);
    r.get<storage::TicketStore>().index_ticket(parking, "停车 停车场 收费");
    auto b = make_ticket(store_a, 2000, "SKU-12345 尺码");
    sku = r.get<storage::TicketStore>().insert_ticket(b);
    r.get<storage::TicketStore>().index_ticket(sku, "sku 12345 尺码");
  });
  TicketFilter f;
  f.search_terms = {"停车"};
  auto found = db->reader().get<storage::TicketStore>().tickets(f);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, parking);
  f.search_terms = {"sku 12345"};
  EXPECT_EQ(db->reader().get<storage::TicketStore>().tickets(f).at(0).id, sku);
  f.search_terms = {"尺码", "停车"};
  EXPECT_TRUE(db->reader().get<storage::TicketStore>().tickets(f).empty());
  f.search_terms = {"\"quoted\""};
  EXPECT_NO_THROW(db->reader().get<storage::TicketStore>().tickets(f));
  // Re-indexing replaces the document.
  db->write_sync([&](Stores& r) { r.get<storage::TicketStore>().index_ticket(sku, "退货"); });
  f.search_terms = {"尺码"};
  EXPECT_TRUE(db->reader().get<storage::TicketStore>().tickets(f).empty());
}

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

TEST_P(Contract, MembersByPhoneAndNumber) {
  db->write_sync([&](Stores& r) {
    r.get<storage::MemberStore>().insert_member(
        {.member_no = "M00000001", .name = "王芳", .phone = "13812345678", .care_flags = {"elderly"}});
  });
  auto m = db->reader().get<storage::MemberStore>().member_by_phone("13812345678");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "王芳");
  EXPECT_EQ(m->care_flags, std::vector<std::string>{"elderly"});
  EXPECT_EQ(db->reader().get<storage::MemberStore>().member_by_no("M00000001")->id, m->id);
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

TEST_P(Contract, DepartmentsAndStaffLinksByStore) {
  int64_t dept_b = 0, boss = 0;
  db->write_sync([&](Stores& r) {
    dept_b = r.get<storage::OrgStore>().insert_department(
        {.store_id = store_b, .code = "desk", .name = "服务台", .kind = "desk"});
    boss = r.get<storage::OrgStore>().insert_staff(
        {.username = "wang", .role = "supervisor", .store_ids = {store_a, store_b}});
    r.get<storage::OrgStore>().insert_staff(
        {.username = "zhao", .role = "supervisor", .active = false, .store_ids = {store_a}});
  });
  auto& r = db->reader();
  EXPECT_EQ(r.get<storage::OrgStore>().departments(std::nullopt).size(), 2u);
  ASSERT_EQ(r.get<storage::OrgStore>().departments(store_b).size(), 1u);
  EXPECT_EQ(r.get<storage::OrgStore>().departments(store_b)[0].id, dept_b);
  EXPECT_TRUE(r.get<storage::OrgStore>().departments(store_b + 100).empty());
  // Active staff of the store with that role only.
  auto sup = r.get<storage::OrgStore>().staff_in_store(store_b, "supervisor");
  ASSERT_EQ(sup.size(), 1u);
  EXPECT_EQ(sup[0].store_ids, (std::vector<int64_t>{store_a, store_b}));
  EXPECT_EQ(r.get<storage::OrgStore>().staff_in_store(store_a, "supervisor").size(), 1u);
  // An update replaces the links as a whole.
  db->write_sync([&](Stores& w) {
    auto p = *w.get<storage::OrgStore>().staff(boss);
    p.store_ids = {store_b};
    p.department_ids = {dept_b};
    p.display_name = "王";
    w.get<storage::OrgStore>().update_staff(p);
  });
  EXPECT_TRUE(db->reader().get<storage::OrgStore>().staff_in_store(store_a, "supervisor").empty());
  auto p = db->reader().get<storage::OrgStore>().staff(boss);
  EXPECT_EQ(p->display_name, "王");
  EXPECT_EQ(p->department_ids, std::vector<int64_t>{dept_b});
  EXPECT_EQ(db->reader().get<storage::OrgStore>().staff_list().size(), 3u);
}

TEST_P(Contract, ApiTokensAndLoginFailures) {
  int64_t id = 0;
  db->write_sync([&](Stores& r) {
    id = r.get<storage::AuthStore>().insert_api_token(
        {.name = "POS", .staff_id = staff, .scopes = {"a", "b"}, .created_at = 1}, "t1");
    r.get<storage::AuthStore>().insert_api_token({.name = "old", .staff_id = staff, .created_at = 1, .expires_at = 50},
                                                 "t2");
    for (int64_t at : {10, 20, 30}) r.get<storage::AuthStore>().record_login_failure("li", "1.2.3.4", at);
  });
  auto& r = db->reader();
  auto t = r.get<storage::AuthStore>().api_token("t1", 100);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->id, id);
  EXPECT_EQ(t->scopes, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(t->expires_at);
  EXPECT_TRUE(r.get<storage::AuthStore>().api_token("t2", 49));
  EXPECT_FALSE(r.get<storage::AuthStore>().api_token("t2", 50));
  EXPECT_EQ(r.get<storage::AuthStore>().login_failures_since("li", 20), 2);
  db->write_sync([&](Stores& w) { w.get<storage::AuthStore>().clear_login_failures("li"); });
  EXPECT_EQ(db->reader().get<storage::AuthStore>().login_failures_since("li", 0), 0);
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
