// The feedback classifier's keeper against a real SQLite file, time passed in: the first
// start stores the seed set and trains the first version; another node loads it; the night
// retrains only when the examples changed.
#include "feedback/jobs/model_keeper.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/storage/open.hpp"
#include "feedback/app/feedback_learning.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "kb/domain/kb_test_support.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::jobs {
namespace {

constexpr int64_t kNoon = 1795320000000LL;        // 2026-11-22 12:00 Asia/Shanghai
constexpr int64_t kNight = kNoon + 16 * 3600000;  // 2026-11-23 04:00 Asia/Shanghai

class ModelKeeperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path = std::filesystem::temp_directory_path() /
           ("kefu-model-keeper-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
    db = storage::open_database("sqlite://" + path.string(), true);
  }
  std::filesystem::path path;
  std::unique_ptr<storage::Database> db;
  int64_t now = kNoon;
};

TEST_F(ModelKeeperTest, TheFirstStartTrainsFromTheSeedSetAndAnotherNodeLoadsIt) {
  app::FeedbackModels here(kb::testing::tools()), there(kb::testing::tools());
  ModelKeeper a(*db, here, [&] { return now; }), b(*db, there, [&] { return now; });
  EXPECT_EQ(a.run_once(), "trained");
  ASSERT_TRUE(here.current());
  EXPECT_EQ(here.classify("停车场找不到车位").topic->label, "parking");
  EXPECT_EQ(a.run_once(), "") << "nothing new";
  EXPECT_EQ(b.run_once(), "loaded");
  EXPECT_EQ(there.current()->version, here.current()->version);
  const auto counts = db->reader().get<storage::FeedbackModelStore>().example_counts();
  EXPECT_GE(counts.seed, 300) << "stored once, not twice";
}

TEST_F(ModelKeeperTest, TheNightRetrainsOnlyWhenTheExamplesChanged) {
  app::FeedbackModels models(kb::testing::tools());
  ModelKeeper keeper(*db, models, [&] { return now; });
  keeper.run_once();
  const auto first = models.current()->version;
  now = kNight;
  EXPECT_EQ(keeper.run_once(), "") << "no example changed";
  db->write_sync([&](storage::Stores& w) {
    people::Actor nobody{};
    app::Context c{w, nobody, kNight, nullptr};
    app::record_correction(c, std::nullopt, "商场里的音乐太吵了", "other", "negative");
  });
  now = kNight + 24 * 3600000;
  EXPECT_EQ(keeper.run_once(), "trained");
  EXPECT_GT(models.current()->version, first);
  const auto latest = db->reader().get<storage::FeedbackModelStore>().models(0, 1).front();
  EXPECT_EQ(latest.trigger, "nightly");
  EXPECT_EQ(keeper.run_once(), "") << "once a night";
}

TEST_F(ModelKeeperTest, ItemsStoredWithoutAPredictionAreLabelledInTheBackground) {
  int64_t id = 0;
  db->write_sync([&](storage::Stores& w) {
    feedback::Item t;
    t.store_id = w.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "上海店"});
    t.source = "form", t.said_at = kNoon, t.received_at = kNoon, t.text = "停车场的车位太少了，转了好几圈";
    id = w.get<storage::FeedbackStore>().insert_item(t);
  });
  app::FeedbackModels models(kb::testing::tools());
  ModelKeeper keeper(*db, models, [&] { return now; });
  EXPECT_EQ(keeper.run_once(), "trained");
  EXPECT_EQ(keeper.run_once(), "labelled");
  const auto item = db->reader().get<storage::FeedbackStore>().item(id);
  EXPECT_EQ(item->model_version, models.current()->version);
  EXPECT_EQ(item->topic, "parking");
  EXPECT_EQ(keeper.run_once(), "") << "nothing left to label";
}

}  // namespace
}  // namespace kefu::jobs
