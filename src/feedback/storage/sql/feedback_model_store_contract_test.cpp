// The storage contract for the feedback classifier's examples and model versions: an example
// kept once per origin and text, relabelled in place, listed newest first, deleted; versions
// stored with their figures, one active at a time, the replaced one told by whom.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "feedback/storage/feedback_model_store.hpp"
#include "feedback/storage/feedback_store.hpp"

namespace kefu::storage {
namespace {

class FeedbackModelContract : public Contract {
 protected:
  template <class F>
  auto change(F f) {
    decltype(f(std::declval<Stores&>())) out{};
    db->write_sync([&](Stores& s) { out = f(s); });
    return out;
  }
  FeedbackModelStore& models() { return db->reader().get<FeedbackModelStore>(); }
  ExamplePut put(FeedbackExample e) {
    return change([&](Stores& s) { return s.get<FeedbackModelStore>().put_example(e); });
  }
  static FeedbackExample example(std::string text, std::string topic, std::string sentiment, std::string origin,
                                 int64_t at) {
    return {.text = std::move(text),
            .topic = std::move(topic),
            .sentiment = std::move(sentiment),
            .origin = std::move(origin),
            .created_at = at,
            .updated_at = at};
  }
  int64_t insert(FeedbackModel m) {
    return change([&](Stores& s) { return s.get<FeedbackModelStore>().insert_model(m); });
  }
};

TEST_P(FeedbackModelContract, AnExampleIsKeptOncePerOriginAndTextAndRelabelledInPlace) {
  const auto empty = models().examples_stamp();
  const auto a = put(example("停车场太难找车位", "parking", "negative", "seed", 100));
  EXPECT_EQ(a.write, ExampleWrite::added);
  EXPECT_NE(models().examples_stamp(), empty);
  EXPECT_EQ(put(example("停车场太难找车位", "parking", "negative", "seed", 110)).write, ExampleWrite::unchanged);
  const auto stamp = models().examples_stamp();
  const auto relabelled = put(example("停车场太难找车位", "facilities", "negative", "seed", 120));
  EXPECT_EQ(relabelled.id, a.id);
  EXPECT_EQ(relabelled.write, ExampleWrite::updated);
  EXPECT_NE(models().examples_stamp(), stamp) << "a relabelling retrains";
  const auto imported = put(example("停车场太难找车位", "parking", "", "import", 130));
  EXPECT_NE(imported.id, a.id) << "another origin keeps its own row";

  auto corrected = example("导购态度很好", "service_attitude", "positive", "correction", 140);
  corrected.created_by = staff;
  const auto c = put(corrected);
  corrected.id = c.id;
  EXPECT_EQ(*models().example(c.id), corrected);
  EXPECT_FALSE(models().example(c.id + 100));
  EXPECT_EQ(models().example(a.id)->topic, "facilities");
  EXPECT_EQ(models().example(a.id)->updated_at, 120);

  std::vector<int64_t> ids;
  for (const auto& e : models().examples({})) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{c.id, imported.id, a.id}));
  EXPECT_EQ(models().examples({.origin = "import"}).size(), 1u);
  EXPECT_EQ(models().examples({.before_id = c.id, .limit = 1}).front().id, imported.id) << "the next page";
  EXPECT_EQ(models().example_counts(), (ExampleCounts{1, 1, 1}));
  ASSERT_EQ(models().training_examples().size(), 3u);
  EXPECT_EQ(models().training_examples().front().id, a.id) << "oldest first";

  const auto before = models().examples_stamp();
  EXPECT_TRUE(change([&](Stores& s) { return s.get<FeedbackModelStore>().delete_example(imported.id); }));
  EXPECT_FALSE(change([&](Stores& s) { return s.get<FeedbackModelStore>().delete_example(imported.id); }));
  EXPECT_NE(models().examples_stamp(), before);
  EXPECT_EQ(models().example_counts(), (ExampleCounts{1, 0, 1}));
}

TEST_P(FeedbackModelContract, OneVersionIsActiveAndTheOneItReplacedSaysSo) {
  EXPECT_FALSE(models().active_model_id());
  FeedbackModel first{.trained_at = 1000,
                      .trigger = "first",
                      .examples = 333,
                      .examples_stamp = "333:333:0",
                      .training_ms = 420,
                      .held_out_topic = 60,
                      .held_out_sentiment = 66,
                      .topic_accuracy_ppm = 700000,
                      .topic_macro_f1_ppm = 680000,
                      .sentiment_accuracy_ppm = 900000,
                      .topic_model = "dG9waWM=",
                      .sentiment_model = "c2VudGltZW50",
                      .active = true};
  const auto v1 = insert(first);
  EXPECT_EQ(models().active_model_id(), v1);

  FeedbackModel refused = first;
  refused.trained_at = 2000, refused.trained_by = staff, refused.trigger = "on_demand", refused.active = false;
  refused.topic_macro_f1_ppm = 500000, refused.sentiment_accuracy_ppm.reset();
  refused.baseline_id = v1, refused.baseline_topic_macro_f1_ppm = 680000,
  refused.baseline_sentiment_accuracy_ppm = 900000;
  refused.refused_zh = "主题宏平均 F1 较低", refused.refused_en = "topic macro-F1 is lower";
  const auto v2 = insert(refused);
  EXPECT_EQ(models().active_model_id(), v1) << "a refused version does not replace";

  FeedbackModel better = first;
  better.trained_at = 3000, better.trigger = "nightly", better.baseline_id = v1;
  const auto v3 = insert(better);
  EXPECT_EQ(models().active_model_id(), v3);

  const auto all = models().models(0, 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, v3);
  EXPECT_TRUE(all[0].topic_model.empty()) << "the list leaves the bytes out";
  EXPECT_EQ(all[2].id, v1);
  EXPECT_FALSE(all[2].active);
  EXPECT_EQ(all[2].replaced_by, v3);
  EXPECT_EQ(all[2].replaced_at, 3000);
  refused.id = v2;
  EXPECT_EQ(*models().model(v2), refused);
  EXPECT_EQ(models().model(v3)->topic_model, "dG9waWM=");
  EXPECT_FALSE(models().model(v3 + 10));
  EXPECT_EQ(models().models(v3, 1).front().id, v2) << "the next page";

  EXPECT_EQ(change([&](Stores& s) { return s.get<FeedbackModelStore>().drop_model_bytes_before(v3 + 1); }), 2);
  EXPECT_TRUE(models().model(v1)->topic_model.empty());
  EXPECT_EQ(models().model(v2)->topic_macro_f1_ppm, 500000) << "the figures stay";
  EXPECT_EQ(models().model(v3)->topic_model, "dG9waWM=") << "the active version keeps its bytes";
}

TEST_P(FeedbackModelContract, ItemsWithoutAPredictionAreListedNewestFirstAndACorrectionGoesWithItsItem) {
  auto add = [&](const std::string& text) {
    feedback::Item t;
    t.store_id = store_a, t.source = "desk", t.said_at = 100, t.received_at = 105, t.text = text;
    t.touchpoint = "service_desk";
    return change([&](Stores& s) { return s.get<FeedbackStore>().insert_item(t); });
  };
  const auto a = add("停车场太暗"), b = add("收银很快"), c = add("洗手间很脏");
  EXPECT_EQ(models().unclassified_items(10), (std::vector<int64_t>{c, b, a}));
  change([&](Stores& s) {
    s.get<FeedbackStore>().set_prediction(b, {"queueing", 0.7}, {"positive", 0.9}, 1);
    return 0;
  });
  EXPECT_EQ(models().unclassified_items(1), (std::vector<int64_t>{c}));
  EXPECT_EQ(models().unclassified_items(10), (std::vector<int64_t>{c, a}));

  auto corrected = example("停车场太暗", "facilities", "negative", "correction", 200);
  corrected.item_id = a;
  const auto e = put(corrected);
  EXPECT_EQ(models().example(e.id)->item_id, a);
}

INSTANTIATE_TEST_SUITE_P(Backends, FeedbackModelContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
