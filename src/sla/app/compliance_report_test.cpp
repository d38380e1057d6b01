// The SLA compliance report use case: tickets driven through the ticket use cases under
// a policy and a fixed clock, then counted.
#include "sla/app/compliance_report.hpp"

#include "callbacks/app/callback.hpp"
#include "sla/app/sla_fixture.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class Reports : public SlaUseCases {
 protected:
  // In store A: one ticket that kept every promise (reply after 10 min, resolved after an
  // hour, callback an hour later), one that answered late (45 min) and is still open at
  // kNow + 5 h (resolution breached: 240 min). In store B: one ticket answered in time.
  void SetUp() override {
    SlaUseCases::SetUp();
    good = make_ticket(agent);
    as(
        agent, [&](Context& c) { return add_message(c, good.id, "您好，已收到", true); }, kNow + 10 * kMinute);
    move(agent, good.id, "resolved", kNow + kHour);
    as(
        agent, [&](Context& c) { return record_callback(c, good.id, "satisfied", ""); }, kNow + 2 * kHour);
    late = make_ticket(agent, kNow, "inquiry");
    as(
        agent, [&](Context& c) { return add_message(c, late.id, "您好", true); }, kNow + 45 * kMinute);
    other = make_ticket(agent_b, kNow, "inquiry", store_b);
    as(
        agent_b, [&](Context& c) { return add_message(c, other.id, "您好", true); }, kNow + 5 * kMinute);
  }

  std::vector<sla::ComplianceRow> report(const people::Actor& who, sla::Dimension d,
                                         std::optional<int64_t> store = std::nullopt, int64_t from = kNow - kHour,
                                         int64_t to = kNow + kHour) {
    return as(
        who, [&](Context& c) { return sla_compliance(c, from, to, d, store); }, kNow + 5 * kHour);
  }

  ticket::Ticket good, late, other;
};

const sla::ComplianceRow* find(const std::vector<sla::ComplianceRow>& rows, const std::string& key, sla::Metric m) {
  for (const auto& r : rows)
    if (r.key == key && r.metric == m) return &r;
  return nullptr;
}

TEST_F(Reports, CountsMetAndMissedPerStoreFromTheClockEvents) {
  auto rows = report(supervisor, sla::Dimension::store);
  ASSERT_EQ(rows.size(), 3u);  // only store A, three metrics
  const auto* fr = find(rows, "甲店", sla::Metric::first_response);
  ASSERT_TRUE(fr);
  EXPECT_EQ(fr->total, 2);
  EXPECT_EQ(fr->met, 1);
  EXPECT_EQ(fr->missed, 1);
  EXPECT_DOUBLE_EQ(fr->rate, 0.5);
  EXPECT_EQ(fr->avg_elapsed_ms, (10 + 45) * kMinute / 2);
  const auto* res = find(rows, "甲店", sla::Metric::resolution);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->met, 1);
  EXPECT_EQ(res->missed, 1);  // still open past its 240 minutes
  EXPECT_EQ(res->open, 0);
  const auto* cb = find(rows, "甲店", sla::Metric::callback);
  ASSERT_TRUE(cb);
  EXPECT_EQ(cb->total, 1);
  EXPECT_EQ(cb->met, 1);
}

TEST_F(Reports, AdminsSeeEveryStoreAndAStoreCanBePicked) {
  auto rows = report(admin, sla::Dimension::store);
  ASSERT_TRUE(find(rows, "乙店", sla::Metric::first_response));
  EXPECT_EQ(find(rows, "乙店", sla::Metric::first_response)->met, 1);
  EXPECT_EQ(find(rows, "乙店", sla::Metric::resolution)->missed, 1);  // open past 240 min
  auto only_b = report(admin, sla::Dimension::type, store_b);
  ASSERT_EQ(only_b.size(), 2u);
  EXPECT_EQ(only_b[0].key, "inquiry");
  EXPECT_EQ(code_of([&] { report(supervisor, sla::Dimension::store, store_b); }), "not_found");
  EXPECT_EQ(code_of([&] { report(supervisor, sla::Dimension::store, 9999); }), "not_found");
}

TEST_F(Reports, GroupsByTypeAndDay) {
  auto by_type = report(supervisor, sla::Dimension::type);
  EXPECT_EQ(find(by_type, "complaint", sla::Metric::first_response)->met, 1);
  EXPECT_EQ(find(by_type, "inquiry", sla::Metric::first_response)->missed, 1);
  auto by_day = report(manager, sla::Dimension::day);
  ASSERT_TRUE(find(by_day, "2026-11-22", sla::Metric::first_response));
  EXPECT_EQ(find(by_day, "2026-11-22", sla::Metric::first_response)->total, 2);
  // Outside the period: nothing.
  EXPECT_TRUE(report(supervisor, sla::Dimension::store, std::nullopt, kNow + kHour, kNow + 2 * kHour).empty());
}

TEST_F(Reports, OnlySupervisorsAndAValidPeriod) {
  EXPECT_EQ(code_of([&] { report(agent, sla::Dimension::store); }), "forbidden");
  EXPECT_EQ(code_of([&] { report(supervisor, sla::Dimension::store, std::nullopt, kNow, kNow); }), "invalid_range");
  EXPECT_EQ(code_of([&] { report(supervisor, sla::Dimension::store, std::nullopt, kNow, kNow + 367 * kDay); }),
            "invalid_range");
  EXPECT_NO_THROW(report(supervisor, sla::Dimension::store, std::nullopt, kNow, kNow + 366 * kDay));
}

}  // namespace
}  // namespace kefu::app
