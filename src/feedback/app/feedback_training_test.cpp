// The feedback classifier's use cases on SQLite in memory: the seed set trains the first
// version; a new version replaces the active one only when not worse on the same held-out
// part, a refused one is kept with its reason; imports report their skipped rows and are
// idempotent; a staff correction becomes an example the next version learns from.
#include "feedback/app/feedback_training.hpp"

#include <gtest/gtest.h>

#include "core/app/use_case_test.hpp"
#include "feedback/app/feedback_learning.hpp"
#include "feedback/domain/model_choice.hpp"
#include "kb/domain/kb_test_support.hpp"

namespace kefu::app::testing {
namespace {

class FeedbackTraining : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) { admin = make(r, "root", "admin", {}, {}); });
  }
  TrainedVersion train(const std::string& trigger = "on_demand") {
    const auto active = models.current();
    auto v = train_version(db->reader(), models.tools(), active.get(), {trigger, admin.staff_id, kNow});
    v = as(admin, [&](Context& c) { return keep_version(c, std::move(v)); });
    if (v.record.active) models.set(v.classifier);
    return v;
  }
  int seed() {
    return as(admin, [](Context& c) { return seed_examples(c); });
  }
  people::Actor admin;
  FeedbackModels models{kb::testing::tools()};
};

TEST_F(FeedbackTraining, TheSeedSetTrainsAFirstVersionThatClassifiesRetailFeedback) {
  EXPECT_GE(seed(), 300);
  EXPECT_EQ(seed(), 0) << "stored once";
  const auto v = train("first");
  ASSERT_TRUE(v.record.active) << v.record.refused_en;
  EXPECT_FALSE(v.record.baseline_id);
  EXPECT_GT(v.record.held_out_topic, 40);
  EXPECT_GT(*v.record.topic_macro_f1_ppm, 400000) << "11 topics from ~270 sentences";
  EXPECT_GT(*v.record.sentiment_accuracy_ppm, 750000);

  const auto parking = models.classify("地下车库停车费太贵了，还找不到车位");
  EXPECT_EQ(parking.version, v.record.id);
  ASSERT_TRUE(parking.topic && parking.sentiment);
  EXPECT_EQ(parking.topic->label, "parking");
  EXPECT_LT(parking.sentiment->probability("positive"), 0.5);
  const auto praise = models.classify("导购非常热情耐心，服务很好");
  EXPECT_EQ(praise.topic->label, "service_attitude");
  EXPECT_GT(praise.sentiment->probability("positive"), 0.5);

  const auto stored = as(admin, [&](Context& c) { return c.store<storage::FeedbackModelStore>().model(v.record.id); });
  const auto loaded = load_version(*stored, models.tools());
  ASSERT_TRUE(loaded);
  EXPECT_EQ(classify_with(loaded.get(), "洗手间很脏").topic->score, models.classify("洗手间很脏").topic->score)
      << "what is stored classifies like what was trained";
}

TEST_F(FeedbackTraining, AVersionNotWorseOnTheSameHeldOutPartReplacesTheActiveOne) {
  seed();
  const auto first = train("first");
  const auto second = train();
  EXPECT_TRUE(second.record.active) << "the same examples: the same figures";
  EXPECT_EQ(second.record.baseline_id, first.record.id);
  EXPECT_EQ(second.record.baseline_topic_macro_f1_ppm, first.record.topic_macro_f1_ppm)
      << "the active version measured on the same held-out part";
  EXPECT_EQ(models.current()->version, second.record.id);
  const auto list = as(admin, [](Context& c) { return list_versions(c, 0, 10); });
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1].replaced_by, second.record.id);
}

TEST_F(FeedbackTraining, AWorseVersionIsKeptRefusedWithTheReasonAndTheActiveOneStays) {
  seed();
  const auto first = train("first");
  // Teach wrong topics: every training example's topic moves to the next one of the list.
  as(admin, [](Context& c) {
    auto& store = c.store<storage::FeedbackModelStore>();
    const auto codes = topic_codes(c);
    const std::vector<std::string> topics(codes.begin(), codes.end());
    for (auto e : store.training_examples()) {
      if (feedback::held_out(e.text, e.origin)) continue;
      const auto at = std::find(topics.begin(), topics.end(), e.topic) - topics.begin();
      e.topic = topics[static_cast<std::size_t>(at + 1) % topics.size()];
      e.updated_at = kNow + 1;
      store.put_example(e);
    }
    return 0;
  });
  const auto worse = train();
  EXPECT_FALSE(worse.record.active);
  EXPECT_NE(worse.record.refused_en.find("topic: on the same held-out examples"), std::string::npos)
      << worse.record.refused_en;
  EXPECT_FALSE(worse.record.refused_zh.empty());
  EXPECT_LT(*worse.record.topic_macro_f1_ppm, *worse.record.baseline_topic_macro_f1_ppm);
  EXPECT_EQ(models.current()->version, first.record.id);
  const auto active = as(admin, [](Context& c) { return c.store<storage::FeedbackModelStore>().active_model_id(); });
  EXPECT_EQ(active, first.record.id);
}

TEST_F(FeedbackTraining, ACorrectionBecomesAnExampleThatTheNextVersionLearns) {
  seed();
  train("first");
  const std::string text = "店里的背景音乐声音太大了";
  const double before = models.classify(text).topic->probability("facilities");
  const auto id =
      as(admin, [&](Context& c) { return record_correction(c, std::nullopt, text, "facilities", "negative"); });
  ASSERT_TRUE(id);
  const auto e = as(admin, [&](Context& c) { return c.store<storage::FeedbackModelStore>().example(*id); });
  EXPECT_EQ(e->origin, "correction");
  EXPECT_EQ(e->created_by, admin.staff_id);
  EXPECT_FALSE(feedback::held_out(text, "correction"));
  const auto next = train();
  ASSERT_TRUE(next.record.active) << next.record.refused_en;
  EXPECT_GT(models.classify(text).topic->probability("facilities"), before);
  EXPECT_EQ(as(admin, [&](Context& c) { return record_correction(c, std::nullopt, text, "", ""); }), std::nullopt);
}

TEST_F(FeedbackTraining, AnImportReportsSkippedRowsWithReasonsAndIsIdempotent) {
  const std::string csv =
      "text,topic,sentiment\n"
      "停车场出口太堵了,parking,negative\n"
      "收银员态度很好,,positive\n"
      "什么都没写,,\n"
      ",price,negative\n"
      "电梯坏了,elevators,negative\n"
      "价格不错,price,great\n";
  const auto r = as(admin, [&](Context& c) { return import_examples(c, "csv", csv); });
  EXPECT_EQ(r.rows, 6);
  EXPECT_EQ(r.added, 2);
  ASSERT_EQ(r.skipped.size(), 4u);
  EXPECT_EQ(r.skipped[0].line, 4);
  EXPECT_EQ(r.skipped[0].code, "required");
  EXPECT_EQ(r.skipped[1].code, "required");
  EXPECT_EQ(r.skipped[2].code, "unknown_topic");
  EXPECT_NE(r.skipped[2].message_en.find("elevators"), std::string::npos);
  EXPECT_EQ(r.skipped[3].code, "unknown_sentiment");
  const auto again = as(admin, [&](Context& c) { return import_examples(c, "csv", csv); });
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.unchanged, 2);

  const auto jsonl = as(admin, [](Context& c) {
    return import_examples(c, "jsonl", "{\"text\":\"停车场出口太堵了\",\"topic\":\"parking\"}\nnot json\n");
  });
  EXPECT_EQ(jsonl.updated, 1) << "the sentiment is no longer said";
  ASSERT_EQ(jsonl.skipped.size(), 1u);
  EXPECT_EQ(jsonl.skipped[0].code, "unreadable");
  EXPECT_EQ(code_of([&] { as(admin, [](Context& c) { return import_examples(c, "xlsx", "").rows; }); }),
            "invalid_field");
  const auto listed = as(admin, [](Context& c) { return list_examples(c, {.origin = "import"}); });
  ASSERT_EQ(listed.size(), 2u);
  as(admin, [&](Context& c) {
    delete_example(c, listed[0].id);
    return 0;
  });
  EXPECT_EQ(code_of([&] {
              as(admin, [&](Context& c) {
                delete_example(c, listed[0].id);
                return 0;
              });
            }),
            "not_found");
}

}  // namespace
}  // namespace kefu::app::testing
