// The storage contract of the feedback inbox: items with both readings of their labels,
// dedupe by the source's key, the inbox's filters and paging, grouping into an action, the
// topic taxonomy and places with QR codes.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "feedback/storage/feedback_store.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kT0 = 1'800'000'000'000;

class FeedbackContract : public Contract {
 protected:
  template <class F>
  auto change(F f) {
    decltype(f(std::declval<FeedbackStore&>())) out{};
    db->write_sync([&](Stores& s) { out = f(s.get<FeedbackStore>()); });
    return out;
  }
  FeedbackStore& inbox() { return db->reader().get<FeedbackStore>(); }

  feedback::Item item(int64_t store, int64_t at, std::string text, std::string source = "desk") {
    feedback::Item t;
    t.store_id = store;
    t.source = std::move(source);
    t.said_at = at;
    t.received_at = at + 5;
    t.text = std::move(text);
    t.touchpoint = "service_desk";
    return t;
  }
  int64_t add(const feedback::Item& t) {
    return change([&](FeedbackStore& s) { return s.insert_item(t); });
  }
};

TEST_P(FeedbackContract, AnItemKeepsEverythingItWasGiven) {
  auto t = item(store_a, kT0, "停车场B2的灯坏了好几盏，很暗", "form");
  t.rating = 2;
  t.contact_phone = "13800001111";
  t.author = "";
  t.entered_by = staff;
  t.source_ref = "form:1";
  t.topic_predicted = {"facilities", 0.81};
  t.sentiment_predicted = {"negative", 0.07};
  t.model_version = 3;
  const auto id = add(t);
  auto got = inbox().item(id);
  ASSERT_TRUE(got);
  t.id = id;
  t.topic = "facilities";
  t.sentiment = "negative";
  EXPECT_EQ(*got, t) << "the effective labels are the predicted ones while nothing is confirmed";
  EXPECT_FALSE(inbox().item(id + 100));
}

TEST_P(FeedbackContract, ASourcesKeyFindsTheItemItAlreadyGave) {
  auto t = item(store_a, kT0, "店员很热情", "social");
  t.source_ref = "weibo:4821";
  const auto id = add(t);
  EXPECT_EQ(inbox().find_by_ref("social", "weibo:4821"), id);
  EXPECT_FALSE(inbox().find_by_ref("csat", "weibo:4821")) << "keys are per source";
  EXPECT_FALSE(inbox().find_by_ref("social", "")) << "an empty key is no key";
  EXPECT_THROW(add(t), std::exception) << "the same key twice is refused by the database";
  t.source_ref = "";
  add(t);
  add(t);  // items without a key are never duplicates of each other
  EXPECT_EQ(inbox().count_items({}), 3);
}

TEST_P(FeedbackContract, AConfirmationOutlivesTheNextPrediction) {
  auto t = item(store_a, kT0, "收银排队太久了");
  t.topic_predicted = {"price", 0.4};
  t.sentiment_predicted = {"negative", 0.2};
  const auto id = add(t);
  change([&](FeedbackStore& s) {
    s.confirm(id, std::string("queueing"), std::nullopt, staff, kT0 + 100);
    return 0;
  });
  change([&](FeedbackStore& s) {
    s.set_prediction(id, {"cleanliness", 0.6}, {"positive", 0.7}, 4);
    return 0;
  });
  auto got = *inbox().item(id);
  EXPECT_EQ(got.topic, "queueing") << "staff's topic stays";
  EXPECT_TRUE(got.topic_confirmed);
  EXPECT_EQ(got.topic_predicted.code, "cleanliness");
  EXPECT_NEAR(got.topic_predicted.score, 0.6, 1e-6);
  EXPECT_EQ(got.sentiment, "positive") << "the unconfirmed sentiment follows the model";
  EXPECT_FALSE(got.sentiment_confirmed);
  EXPECT_EQ(got.model_version, 4);
  EXPECT_EQ(got.confirmed_by, staff);
  EXPECT_EQ(got.confirmed_at, kT0 + 100);
}

TEST_P(FeedbackContract, TheInboxFiltersAndPagesNewestFirst) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    auto t = item(i < 3 ? store_a : store_b, kT0 + i * 1000, "第" + std::to_string(i) + "条 停车 100%满意");
    t.topic_predicted = {i % 2 ? "parking" : "", 0.5};
    ids.push_back(add(t));
  }
  FeedbackFilter f;
  f.store_ids = {store_a};
  auto page = inbox().list_items(f);
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(page[0].id, ids[2]) << "newest first";
  f.limit = 2;
  page = inbox().list_items(f);
  ASSERT_EQ(page.size(), 2u);
  f.before_id = page.back().id;
  page = inbox().list_items(f);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, ids[0]);

  FeedbackFilter g;
  g.topic = "parking";
  EXPECT_EQ(inbox().count_items(g), 2);
  g.topic = "-";
  EXPECT_EQ(inbox().count_items(g), 3) << "\"-\" is the items without a topic";
  FeedbackFilter when;
  when.from = kT0 + 1000;
  when.to = kT0 + 3000;
  EXPECT_EQ(inbox().count_items(when), 2) << "[from, to)";
  FeedbackFilter text;
  text.query = "100%";
  EXPECT_EQ(inbox().count_items(text), 5);
  text.query = "第3条";
  EXPECT_EQ(inbox().count_items(text), 1);
  text.query = "_";
  EXPECT_EQ(inbox().count_items(text), 0) << "LIKE wildcards in the query are plain characters";
  FeedbackFilter unconfirmed;
  unconfirmed.confirmed = false;
  EXPECT_EQ(inbox().count_items(unconfirmed), 5);
  change([&](FeedbackStore& s) {
    s.confirm(ids[1], std::string("parking"), std::string("negative"), staff, kT0);
    return 0;
  });
  EXPECT_EQ(inbox().count_items(unconfirmed), 4);
  unconfirmed.confirmed = true;
  EXPECT_EQ(inbox().count_items(unconfirmed), 1);
}

TEST_P(FeedbackContract, ItemsAreGroupedIntoAnActionAndOut) {
  const auto a = add(item(store_a, kT0, "洗手间没有纸"));
  const auto b = add(item(store_a, kT0 + 1, "洗手间地面湿滑"));
  EXPECT_EQ(change([&](FeedbackStore& s) { return s.set_action({a, b}, 9); }), 2);
  FeedbackFilter f;
  f.action_id = 9;
  EXPECT_EQ(inbox().count_items(f), 2);
  EXPECT_EQ(inbox().item(a)->action_id, 9);
  EXPECT_EQ(change([&](FeedbackStore& s) { return s.set_action({a}, std::nullopt); }), 1);
  EXPECT_EQ(inbox().count_items(f), 1);
  EXPECT_FALSE(inbox().item(a)->action_id);
  EXPECT_EQ(change([&](FeedbackStore& s) { return s.set_action({}, 9); }), 0);
}

TEST_P(FeedbackContract, TopicsAreInsertedAndEditedByCode) {
  EXPECT_TRUE(inbox().topics().empty());
  change([&](FeedbackStore& s) {
    s.put_topic({"parking", "停车", "Parking", 2, true});
    s.put_topic({"quality", "商品质量", "Quality", 1, true});
    s.put_topic({"parking", "停车与交通", "Parking and transport", 3, false});
    return 0;
  });
  auto topics = inbox().topics();
  ASSERT_EQ(topics.size(), 2u);
  EXPECT_EQ(topics[0].code, "quality") << "by position";
  EXPECT_EQ(topics[1], (feedback::Topic{"parking", "停车与交通", "Parking and transport", 3, false}));
}

TEST_P(FeedbackContract, PlacesHaveCodesAndBelongToAStore) {
  feedback::Place p{0, store_a, "B2 停车场", "parking", "k3Xq9", true, kT0};
  const auto id = change([&](FeedbackStore& s) { return s.put_place(p); });
  change([&](FeedbackStore& s) { return s.put_place({0, store_b, "一楼服务台", "service_desk", "Zz81", true, kT0}); });
  p.id = id;
  EXPECT_EQ(inbox().place(id), p);
  EXPECT_EQ(inbox().place_by_code("k3Xq9"), p);
  EXPECT_FALSE(inbox().place_by_code("K3XQ9")) << "codes are exact";
  p.name = "B2 停车场东区";
  p.active = false;
  p.code = "changed";  // a place's code never changes
  change([&](FeedbackStore& s) { return s.put_place(p); });
  auto got = *inbox().place(id);
  EXPECT_EQ(got.name, "B2 停车场东区");
  EXPECT_FALSE(got.active);
  EXPECT_EQ(got.code, "k3Xq9");
  EXPECT_EQ(inbox().places({store_b}).size(), 1u);
  EXPECT_EQ(inbox().places({}).size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedbackContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
