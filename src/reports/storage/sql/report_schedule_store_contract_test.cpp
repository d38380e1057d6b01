// The storage contract for scheduled reports: kept, listed by store (chain-wide ones only
// when asked), updated, due soonest first, and a run recorded once (the compare on
// next_run_at is what makes a scheduled email go out once across nodes and restarts).
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "reports/storage/report_schedule_store.hpp"

namespace kefu::storage {
namespace {

class ReportScheduleContract : public Contract {
 protected:
  ReportSchedule make(std::optional<int64_t> store, int64_t next) {
    ReportSchedule r;
    r.store_id = store;
    r.name = "日报";
    r.report = "summary";
    r.frequency = "daily";
    r.hour = 8;
    r.recipients = {"staff:" + std::to_string(staff), "boss@store.example"};
    r.next_run_at = next;
    r.created_by = staff;
    r.created_at = r.updated_at = 100;
    return r;
  }
};

TEST_P(ReportScheduleContract, KeptListedUpdatedAndDeleted) {
  int64_t a = 0, b = 0, chain = 0;
  db->write_sync([&](Stores& s) {
    auto& st = s.get<ReportScheduleStore>();
    a = st.insert_schedule(make(store_a, 5000));
    b = st.insert_schedule(make(store_b, 6000));
    chain = st.insert_schedule(make(std::nullopt, 7000));
  });
  auto& st = db->reader().get<ReportScheduleStore>();
  auto got = st.schedule(a);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->store_id, store_a);
  EXPECT_EQ(got->recipients, (std::vector<std::string>{"staff:" + std::to_string(staff), "boss@store.example"}));
  EXPECT_EQ(got->hour, 8);
  EXPECT_TRUE(got->enabled);
  EXPECT_FALSE(got->last_run_at);
  EXPECT_FALSE(st.schedule(chain + 100));

  auto in_a = st.schedules({store_a}, false);
  ASSERT_EQ(in_a.size(), 1u);
  EXPECT_EQ(in_a[0].id, a);
  auto all = st.schedules({store_a, store_b}, true);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].id, chain);
  EXPECT_EQ(st.schedules({}, true).size(), 1u);

  db->write_sync([&](Stores& s) {
    auto r = *s.get<ReportScheduleStore>().schedule(b);
    r.name = "周报";
    r.frequency = "weekly";
    r.recipients = {"x@store.example"};
    r.enabled = false;
    r.next_run_at = 9000;
    r.updated_at = 200;
    s.get<ReportScheduleStore>().update_schedule(r);
    s.get<ReportScheduleStore>().delete_schedule(chain);
  });
  auto& after = db->reader().get<ReportScheduleStore>();
  auto changed = after.schedule(b);
  EXPECT_EQ(changed->name, "周报");
  EXPECT_EQ(changed->recipients, std::vector<std::string>{"x@store.example"});
  EXPECT_FALSE(changed->enabled);
  EXPECT_EQ(changed->next_run_at, 9000);
  EXPECT_FALSE(after.schedule(chain));
}

TEST_P(ReportScheduleContract, DueSoonestFirstAndARunRecordedOnce) {
  int64_t a = 0, b = 0;
  db->write_sync([&](Stores& s) {
    auto& st = s.get<ReportScheduleStore>();
    b = st.insert_schedule(make(store_b, 6000));
    a = st.insert_schedule(make(store_a, 5000));
    auto off = make(store_a, 1000);
    off.enabled = false;
    st.insert_schedule(off);
  });
  auto due = db->reader().get<ReportScheduleStore>().schedules_due(6000, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, a);
  EXPECT_EQ(due[1].id, b);
  EXPECT_EQ(db->reader().get<ReportScheduleStore>().schedules_due(5999, 10).size(), 1u);
  EXPECT_EQ(db->reader().get<ReportScheduleStore>().schedules_due(6000, 1).size(), 1u);

  bool first = false, second = true;
  db->write_sync([&](Stores& s) {
    first = s.get<ReportScheduleStore>().record_run(a, 5000, 90000, 5001, "sent 2");
    second = s.get<ReportScheduleStore>().record_run(a, 5000, 90000, 5002, "sent 2");
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  auto r = db->reader().get<ReportScheduleStore>().schedule(a);
  EXPECT_EQ(r->next_run_at, 90000);
  EXPECT_EQ(r->last_run_at, 5001);
  EXPECT_EQ(r->last_result, "sent 2");
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportScheduleContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
