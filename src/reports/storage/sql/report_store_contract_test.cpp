// The storage contract of ReportStore's facts, rollups and queue of stale facts: what the
// ticket and rating stores mark, what the keeper drains, what the dashboards read.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "reports/storage/report_marks.hpp"
#include "reports/storage/report_store.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kAt = 1795278600000LL;

class ReportStoreContract : public Contract {
 protected:
  reports::TicketFact fact(int64_t id, int day, std::string type = "inquiry") {
    return {.ticket_id = id,
            .store_id = store_a,
            .department_id = dept,
            .owner_id = staff,
            .first_owner_id = staff,
            .type = std::move(type),
            .channel = "service_desk",
            .priority = "P4",
            .category = "退换",
            .day = day,
            .hour = 10,
            .created_at = kAt,
            .frt_ms = 60000,
            .resolved = true,
            .fcr = true,
            .sla_met = true,
            .csat = 5};
  }
};

TEST_P(ReportStoreContract, TicketWritesAndRatingsMarkTheTicketOnceUntilDrained) {
  auto t = make_ticket(store_a, kAt);
  db->write_sync([&](Stores& r) { r.get<TicketStore>().insert_ticket(t); });
  auto marks = db->reader().get<ReportStore>().dirty(10);
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_EQ(marks[0].ticket_id, t.id);
  db->write_sync([&](Stores& r) {
    auto u = t;
    u.version = 2;
    ASSERT_TRUE(r.get<TicketStore>().update_ticket(u, 1));
    r.get<CallbackStore>().insert_csat({.ticket_id = t.id, .rating = 4, .comment = "", .created_at = kAt});
  });
  auto again = db->reader().get<ReportStore>().dirty(10);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_GT(again[0].seq, marks[0].seq);
  // A drain that saw the older mark leaves the newer one.
  db->write_sync([&](Stores& r) { r.get<ReportStore>().clear_dirty(marks); });
  EXPECT_EQ(db->reader().get<ReportStore>().dirty(10).size(), 1u);
  db->write_sync([&](Stores& r) { r.get<ReportStore>().clear_dirty(again); });
  EXPECT_TRUE(db->reader().get<ReportStore>().dirty(10).empty());

  set_report_marking(false);
  db->write_sync([&](Stores& r) { r.get<TicketStore>().update_ticket_deadlines(t); });
  set_report_marking(true);
  EXPECT_TRUE(db->reader().get<ReportStore>().dirty(10).empty());
  db->write_sync([&](Stores& r) { EXPECT_EQ(r.get<ReportStore>().mark_all_dirty(), 1); });
  EXPECT_EQ(db->reader().get<ReportStore>().dirty(10).size(), 1u);
}

TEST_P(ReportStoreContract, FactsRoundTripAndReplace) {
  auto a = fact(1, 20261122), b = fact(2, 20261123, "complaint");
  b.department_id.reset();
  b.owner_id.reset();
  b.frt_ms.reset();
  b.csat.reset();
  b.complaint_cause = "退换";
  db->write_sync([&](Stores& r) { r.get<ReportStore>().put_facts({a, b}); });
  auto got = db->reader().get<ReportStore>().facts({2, 1, 3});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], a);
  EXPECT_EQ(got[1], b);
  a.resolved = false;
  a.fcr = false;
  db->write_sync([&](Stores& r) { r.get<ReportStore>().put_facts({a}); });
  EXPECT_EQ(db->reader().get<ReportStore>().facts({1}).at(0), a);
}

TEST_P(ReportStoreContract, RollupDeltasAddUpAndEmptyBucketsGoAway) {
  reports::Rollups one, two, minus;
  reports::accumulate(one, fact(1, 20261122), +1);
  reports::accumulate(two, fact(2, 20261123, "complaint"), +1);
  reports::accumulate(minus, fact(1, 20261122), -1);
  db->write_sync([&](Stores& r) {
    r.get<ReportStore>().add_rollups(one);
    r.get<ReportStore>().add_rollups(two);
  });
  auto& rs = db->reader().get<ReportStore>();
  auto all = rs.rollups();
  reports::Rollups expected = one;
  for (const auto& [k, m] : two) expected[k].add(m);
  EXPECT_EQ(all, expected);

  auto by_type = rs.rollup_rows({.dim = "type", .from_day = 20261122, .to_day = 20261123});
  ASSERT_EQ(by_type.size(), 2u);
  EXPECT_EQ(by_type[0].key, "complaint");
  EXPECT_EQ(by_type[1].key, "inquiry");
  EXPECT_EQ(by_type[1].m.frt_sum_ms, 60000);
  auto by_day =
      rs.rollup_rows({.dim = "all", .from_day = 20261122, .to_day = 20261123, .group = RollupQuery::Group::day});
  ASSERT_EQ(by_day.size(), 2u);
  EXPECT_EQ(by_day[0].day, 20261122);
  EXPECT_EQ(by_day[1].m.contacts, 1);
  auto by_store = rs.rollup_rows({.dim = "all",
                                  .from_day = 20261122,
                                  .to_day = 20261123,
                                  .store_ids = {store_a},
                                  .group = RollupQuery::Group::store});
  ASSERT_EQ(by_store.size(), 1u);
  EXPECT_EQ(by_store[0].store_id, store_a);
  EXPECT_EQ(by_store[0].m.contacts, 2);
  EXPECT_EQ(by_store[0].m.csat_sum, 10);
  EXPECT_TRUE(rs.rollup_rows({.dim = "all", .from_day = 20261122, .to_day = 20261123, .store_ids = {store_b}}).empty());
  auto hours =
      rs.rollup_rows({.dim = "hour", .from_day = 20261122, .to_day = 20261122, .group = RollupQuery::Group::day_key});
  ASSERT_EQ(hours.size(), 1u);
  EXPECT_EQ(hours[0].key, "10");
  EXPECT_EQ(hours[0].day, 20261122);

  db->write_sync([&](Stores& r) { r.get<ReportStore>().add_rollups(minus); });
  EXPECT_EQ(db->reader().get<ReportStore>().rollups(), two);
  db->write_sync([&](Stores& r) { r.get<ReportStore>().clear_reports(); });
  EXPECT_TRUE(db->reader().get<ReportStore>().rollups().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
