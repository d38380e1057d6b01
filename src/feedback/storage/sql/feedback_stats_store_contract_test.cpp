// The storage contract of feedback's statistics: counts per store, topic and quarter of an
// hour (what hot issues read), each store's first item, counts per touchpoint × topic ×
// sentiment (the journey map and the digest), and notices recorded once.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "feedback/storage/feedback_stats_store.hpp"
#include "feedback/storage/feedback_store.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kT0 = 1'800'000'000'000;  // a whole quarter of an hour (and day, UTC)
constexpr int64_t kQ = 900'000;

class FeedbackStatsContract : public Contract {
 protected:
  FeedbackStatsStore& stats() { return db->reader().get<FeedbackStatsStore>(); }

  void add(int64_t store, int64_t at, std::string topic, std::string sentiment, std::string touchpoint,
           bool confirmed = false) {
    feedback::Item t;
    t.store_id = store;
    t.said_at = at;
    t.received_at = at;
    t.text = "反馈";
    t.touchpoint = std::move(touchpoint);
    t.topic_predicted = {confirmed ? "other" : topic, 0.5};
    t.sentiment_predicted = {sentiment, 0.5};
    t.topic_confirmed = confirmed;
    t.topic = topic;
    db->write_sync([&](Stores& s) { s.get<FeedbackStore>().insert_item(t); });
  }
  bool record(const FeedbackNotice& n) {
    bool out = false;
    db->write_sync([&](Stores& s) { out = s.get<FeedbackStatsStore>().record_notice(n); });
    return out;
  }
};

TEST_P(FeedbackStatsContract, TopicsAreCountedPerStoreAndQuarterOfAnHour) {
  add(store_a, kT0, "parking", "negative", "parking");
  add(store_a, kT0 + kQ - 1, "parking", "negative", "parking");
  add(store_a, kT0 + kQ, "parking", "negative", "parking");
  add(store_a, kT0 + 10, "queueing", "negative", "cashier", true);  // the confirmed topic counts
  add(store_b, kT0 + 20, "parking", "positive", "parking");
  add(store_a, kT0 + 30, "", "", "");                              // no topic yet: not counted
  add(store_a, kT0 + 100 * kQ, "parking", "negative", "parking");  // outside the range
  const auto all = stats().topic_quarters({{}, kT0, kT0 + 10 * kQ});
  const std::vector<feedback::TopicQuarter> want{{store_a, "parking", kT0, 2},
                                                 {store_a, "parking", kT0 + kQ, 1},
                                                 {store_a, "queueing", kT0, 1},
                                                 {store_b, "parking", kT0, 1}};
  EXPECT_EQ(all, want);
  const auto b = stats().topic_quarters({{store_b}, kT0, kT0 + 10 * kQ});
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].store_id, store_b);
  const std::vector<feedback::TopicQuarter> inner{{store_a, "parking", kT0, 1}, {store_b, "parking", kT0, 1}};
  EXPECT_EQ(stats().topic_quarters({{}, kT0 + 20, kT0 + kQ}), inner) << "from is inclusive, to exclusive";
}

TEST_P(FeedbackStatsContract, EachStoresFirstItemIsKnown) {
  EXPECT_TRUE(stats().first_said({}).empty());
  add(store_a, kT0 + 50, "parking", "negative", "parking");
  add(store_a, kT0 + 10, "price", "negative", "cashier");
  add(store_b, kT0 + 70, "", "", "");  // an item without labels still starts the store's counting
  EXPECT_EQ(stats().first_said({}), (std::map<int64_t, int64_t>{{store_a, kT0 + 10}, {store_b, kT0 + 70}}));
  EXPECT_EQ(stats().first_said({store_b}), (std::map<int64_t, int64_t>{{store_b, kT0 + 70}}));
}

TEST_P(FeedbackStatsContract, TheJourneyCountsTouchpointTopicAndSentiment) {
  add(store_a, kT0, "parking", "negative", "parking");
  add(store_a, kT0 + 1, "parking", "negative", "parking");
  add(store_a, kT0 + 2, "parking", "positive", "parking");
  add(store_a, kT0 + 3, "queueing", "negative", "cashier");
  add(store_a, kT0 + 4, "", "", "");
  add(store_b, kT0 + 5, "parking", "negative", "parking");
  const auto got = stats().journey_counts({{store_a}, kT0, kT0 + 10});
  const std::vector<feedback::JourneyCount> want{{"", "", "", 1},
                                                 {"cashier", "queueing", "negative", 1},
                                                 {"parking", "parking", "negative", 2},
                                                 {"parking", "parking", "positive", 1}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(stats().journey_counts({{}, kT0, kT0 + 10}).size(), 4u) << "store b's parking item joins a's row";
  EXPECT_TRUE(stats().journey_counts({{store_a}, kT0 + 10, kT0 + 20}).empty());
}

TEST_P(FeedbackStatsContract, ANoticeIsRecordedOnce) {
  const FeedbackNotice hot{"hot", store_a, "parking", "2027-01-15", kT0, 2};
  EXPECT_TRUE(record(hot));
  EXPECT_FALSE(record(hot)) << "the same spike twice";
  auto again = hot;
  again.sent_at = kT0 + 99;
  EXPECT_FALSE(record(again)) << "whenever it is tried again";
  EXPECT_TRUE(record({"hot", store_a, "parking", "2027-01-16", kT0, 2})) << "another day";
  EXPECT_TRUE(record({"hot", store_b, "parking", "2027-01-15", kT0, 1})) << "another store";
  EXPECT_TRUE(record({"digest", store_a, "", "2027-W02", kT0, 3}));
  EXPECT_FALSE(record({"digest", store_a, "", "2027-W02", kT0 + 5, 3}));
  const auto hots = stats().notices("hot", {}, "2027-01-15", "2027-01-15");
  ASSERT_EQ(hots.size(), 2u);
  EXPECT_EQ(hots[0], hot) << "the first record stays";
  EXPECT_EQ(hots[1].store_id, store_b);
  EXPECT_EQ(stats().notices("hot", {store_a}, "2027-01-01", "2027-12-31").size(), 2u);
  EXPECT_EQ(stats().notices("digest", {}, "2027-W01", "2027-W52").size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedbackStatsContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
