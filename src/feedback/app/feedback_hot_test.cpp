// Hot issues, the weekly digest and the journey map over a month of feedback: a planted
// jump is found and told to the store's managers once, the digest goes out on Monday
// morning once with the top topic in it, and the journey's figures are per touchpoint.
#include <gtest/gtest.h>

#include "core/app/use_case_test.hpp"
#include "feedback/app/feedback_digest.hpp"
#include "feedback/app/feedback_hot.hpp"
#include "feedback/app/feedback_journey.hpp"
#include "feedback/domain/local_days.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "notifications/storage/notification_store.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/escalation.hpp"

namespace kefu::app::testing {
namespace {

constexpr int64_t kHour = 3600'000;
constexpr int64_t kDay = 24 * kHour;
constexpr int64_t kNoon = kNow + 11 * kHour + 30 * 60'000;  // 2026-11-22 12:00 in Shanghai (a Sunday)

class FeedbackHot : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "CD01", .name = "乙店"});
      supervisor = make(r, "sup", "supervisor", {store_a}, {}, "sup@store.example");
      manager = make(r, "boss", "manager", {store_a}, {}, "boss@store.example");
      supervisor_b = make(r, "supb", "supervisor", {store_b}, {});
      agent = make(r, "agent1", "agent", {store_a}, {});
    });
  }

  void add(int64_t store, int64_t at, const std::string& topic, const std::string& sentiment,
           const std::string& touchpoint, const std::string& text = "顾客的话") {
    feedback::Item t;
    t.store_id = store;
    t.said_at = at;
    t.received_at = at;
    t.text = text;
    t.source = "desk";
    t.touchpoint = touchpoint;
    t.topic_predicted = {topic, 0.9};
    t.sentiment_predicted = {sentiment, sentiment == "positive" ? 0.9 : 0.1};
    db->write_sync([&](storage::Stores& r) { r.get<storage::FeedbackStore>().insert_item(t); });
  }

  // 30 days of flat feedback in both stores up to `now`'s day, and today 12 items about
  // parking in store a (usually 1–2 a day).
  void month_with_a_jump(int64_t now) {
    for (int d = 30; d >= 1; --d) {
      const int64_t at = now - d * kDay;
      for (int i = 0; i < 1 + d % 2; ++i) add(store_a, at + i * 60'000, "parking", "negative", "parking");
      for (int i = 0; i < 2 + d % 3; ++i) add(store_a, at + i * 60'000, "queueing", "negative", "cashier");
      for (int i = 0; i < 2; ++i) add(store_b, at + i * 60'000, "parking", "negative", "parking");
    }
    for (int i = 0; i < 12; ++i)
      add(store_a, now - 3 * kHour + i * 60'000, "parking", "negative", "parking",
          "B2 出口排队半小时 " + std::to_string(i));
    add(store_a, now - kHour, "queueing", "negative", "cashier");
    add(store_b, now - kHour, "parking", "negative", "parking");
  }

  std::vector<storage::Notification> inbox_of(const people::Actor& who) {
    return as(who, [&](Context& c) {
      return c.store<storage::NotificationStore>().notifications(who.staff_id, std::nullopt, false, 50);
    });
  }

  int64_t store_a = 0, store_b = 0;
  people::Actor supervisor, manager, supervisor_b, agent;
};

TEST_F(FeedbackHot, APlantedJumpIsOnTheBoardWithTheCustomersWords) {
  month_with_a_jump(kNoon);
  const auto board = as(
      supervisor, [&](Context& c) { return hot_issues(c, {}); }, kNoon);
  EXPECT_EQ(board.day, "2026-11-22");
  EXPECT_EQ(board.tested, 3) << "every store's series are tested together";
  ASSERT_EQ(board.issues.size(), 1u);
  const auto& h = board.issues[0];
  EXPECT_EQ(h.store_id, store_a);
  EXPECT_EQ(h.spike.topic, "parking");
  EXPECT_EQ(h.topic_name, "停车");
  EXPECT_EQ(h.spike.observed, 12);
  EXPECT_LT(h.spike.expected, 2);
  EXPECT_LE(h.spike.q_value, 0.05);
  ASSERT_EQ(h.history.size(), 29u);
  EXPECT_EQ(h.history.back(), 12);
  EXPECT_EQ(h.history.front(), 1 + 28 % 2);
  EXPECT_EQ(h.item_ids.size(), 12u);
  ASSERT_EQ(h.examples.size(), 3u);
  EXPECT_EQ(h.examples[0].text, "B2 出口排队半小时 11") << "newest first";
  EXPECT_EQ(h.from, feedback::day_start(*feedback::parse_day("2026-11-22"), "Asia/Shanghai"));
  EXPECT_EQ(h.to - h.from, kDay);
  EXPECT_FALSE(h.notified);
  // Another store's supervisor sees no issue of store a, and cannot ask for it.
  EXPECT_TRUE(as(
                  supervisor_b, [&](Context& c) { return hot_issues(c, {}); }, kNoon)
                  .issues.empty());
  EXPECT_EQ(code_of([&] {
              as(
                  supervisor_b,
                  [&](Context& c) {
                    return hot_issues(c, {store_a, ""});
                  },
                  kNoon);
            }),
            "not_found");
  EXPECT_EQ(code_of([&] {
              as(
                  agent, [&](Context& c) { return hot_issues(c, {}); }, kNoon);
            }),
            "forbidden");
  EXPECT_EQ(code_of([&] {
              as(
                  supervisor,
                  [&](Context& c) {
                    return hot_issues(c, {{}, "2026-13-01"});
                  },
                  kNoon);
            }),
            "invalid_field");
  // The day before had no jump.
  EXPECT_TRUE(as(
                  supervisor,
                  [&](Context& c) {
                    return hot_issues(c, {{}, "2026-11-21"});
                  },
                  kNoon)
                  .issues.empty());
}

TEST_F(FeedbackHot, TheStoresManagersAreToldOncePerSpike) {
  month_with_a_jump(kNoon);
  EXPECT_EQ(as(
                system_actor(), [](Context& c) { return notify_hot_issues(c); }, kNoon),
            1);
  EXPECT_EQ(as(
                system_actor(), [](Context& c) { return notify_hot_issues(c); }, kNoon + kHour),
            0)
      << "the next hour: the same spike is not told again";
  for (const auto* who : {&supervisor, &manager}) {
    const auto got = inbox_of(*who);
    ASSERT_EQ(got.size(), 1u) << who->username;
    EXPECT_EQ(got[0].kind, "feedback_hot");
    EXPECT_NE(got[0].title.find("停车"), std::string::npos) << got[0].title;
    EXPECT_NE(got[0].body.find("B2 出口排队半小时"), std::string::npos) << "with the customers' words";
  }
  EXPECT_TRUE(inbox_of(supervisor_b).empty()) << "store b had no spike";
  const auto board = as(
      manager,
      [&](Context& c) {
        return hot_issues(c, {store_a, ""});
      },
      kNoon);
  ASSERT_EQ(board.issues.size(), 1u);
  EXPECT_TRUE(board.issues[0].notified);
}

TEST_F(FeedbackHot, TheDigestGoesOutOnMondayMorningOnce) {
  const int64_t monday = feedback::day_start(*feedback::parse_day("2026-11-23"), "Asia/Shanghai");
  // Last week (Nov 16–22): parking 10, queueing 4; the four weeks before: parking 1 a week.
  for (int i = 0; i < 10; ++i)
    add(store_a, monday - 2 * kDay + i * kHour, "parking", "negative", "parking", "停车场找不到车位");
  for (int i = 0; i < 4; ++i) add(store_a, monday - 3 * kDay + i * kHour, "queueing", "negative", "cashier");
  for (int w = 2; w <= 5; ++w) add(store_a, monday - w * 7 * kDay + kHour, "parking", "negative", "parking");
  const auto send = [&](int64_t now) {
    return as(
        system_actor(), [](Context& c) { return send_weekly_digests(c); }, now);
  };
  EXPECT_TRUE(send(monday + 7 * kHour).empty()) << "07:00: not yet";
  const auto sent = send(monday + 9 * kHour);
  ASSERT_EQ(sent.size(), 1u) << "store b had no feedback last week";
  EXPECT_EQ(sent[0].store_id, store_a);
  EXPECT_EQ(sent[0].week, "2026-W47");
  EXPECT_EQ(sent[0].recipients, std::vector<int64_t>{manager.staff_id}) << "the managers, not the supervisors";
  EXPECT_TRUE(send(monday + 10 * kHour).empty()) << "once per week";
  const auto got = inbox_of(manager);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].kind, "feedback_digest");
  EXPECT_NE(got[0].body.find("1. 停车：10 条"), std::string::npos) << got[0].body;
  EXPECT_NE(got[0].body.find("停车场找不到车位"), std::string::npos) << got[0].body;
  EXPECT_NE(got[0].body.find("· 停车：10 条，此前平均每周 1.1 条"), std::string::npos) << got[0].body;
  EXPECT_TRUE(inbox_of(supervisor).empty());
  EXPECT_TRUE(send(monday + kDay + 9 * kHour).empty()) << "Tuesday: nothing";
}

TEST_F(FeedbackHot, TheJourneyComparesEachTouchpointWithThePeriodBefore) {
  const int64_t to = kNoon, from = kNoon - 7 * kDay;
  for (int i = 0; i < 20; ++i) add(store_a, from + i * kHour, "queueing", i < 15 ? "negative" : "positive", "cashier");
  for (int i = 0; i < 20; ++i)
    add(store_a, from - 7 * kDay + i * kHour, "queueing", i < 5 ? "negative" : "positive", "cashier");
  add(store_a, from + kHour, "parking", "negative", "parking");
  add(store_b, from + kHour, "parking", "negative", "parking");
  const auto m = as(
      supervisor,
      [&](Context& c) {
        return customer_journey(c, {{}, from, to});
      },
      kNoon);
  EXPECT_EQ(m.previous_from, from - 7 * kDay);
  ASSERT_EQ(m.journey.stages.size(), 8u);
  const auto& parking = m.journey.stages[0];
  EXPECT_EQ(parking.current.volume, 1) << "store b's item is not the supervisor's";
  const auto& cashier = m.journey.stages[3];
  EXPECT_EQ(cashier.touchpoint, "cashier");
  EXPECT_EQ(cashier.current.negative, 15);
  EXPECT_EQ(cashier.previous.negative, 5);
  EXPECT_EQ(cashier.trend, "worse");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) {
                            return customer_journey(c, {{}, to, from});
                          }); }),
            "invalid_field");
  EXPECT_EQ(code_of([&] { as(supervisor_b, [&](Context& c) {
                            return customer_journey(c, {store_a, from, to});
                          }); }),
            "not_found");
}

}  // namespace
}  // namespace kefu::app::testing
