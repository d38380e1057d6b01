// The feedback watch against a real SQLite file, time passed in: a round tells the store's
// supervisor of today's planted jump (in the app and by email), the next round tells nobody
// again, and on Monday morning the digest goes out once.
#include "feedback/jobs/hot_watch.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/storage/open.hpp"
#include "feedback/domain/local_days.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "notifications/storage/notification_store.hpp"
#include "notifications/storage/outbox_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::jobs {
namespace {

constexpr int64_t kHour = 3600'000;
constexpr int64_t kDay = 24 * kHour;

class Watch : public ::testing::Test {
 protected:
  void SetUp() override {
    path = std::filesystem::temp_directory_path() /
           ("kefu-watch-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
    db = storage::open_database("sqlite://" + path.string(), true);
    db->write_sync([&](storage::Stores& r) {
      store = r.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "上海店"});
      sup = r.get<storage::OrgStore>().insert_staff({.username = "s",
                                                     .display_name = "陈静",
                                                     .role = "supervisor",
                                                     .email = "sup@store.example",
                                                     .store_ids = {store}});
    });
  }
  void TearDown() override {
    db.reset();
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  }

  void add(int64_t at, const std::string& topic) {
    feedback::Item t;
    t.store_id = store;
    t.said_at = at;
    t.received_at = at;
    t.text = "出口道闸坏了";
    t.touchpoint = "parking";
    t.topic_predicted = {topic, 0.9};
    t.sentiment_predicted = {"negative", 0.1};
    db->write_sync([&](storage::Stores& r) { r.get<storage::FeedbackStore>().insert_item(t); });
  }

  std::filesystem::path path;
  std::unique_ptr<storage::Database> db;
  int64_t store = 0, sup = 0;
};

TEST_F(Watch, TellsATodaysSpikeOnceAndSendsMondaysDigestOnce) {
  // Monday 2026-11-23 09:00 in Shanghai; a month of one parking item a day, then 10 this morning.
  const int64_t monday = feedback::day_start(*feedback::parse_day("2026-11-23"), "Asia/Shanghai");
  int64_t now = monday + 9 * kHour;
  for (int d = 1; d <= 30; ++d) add(now - d * kDay, "parking");
  for (int i = 0; i < 10; ++i) add(monday + 2 * kHour + i * 60'000, "parking");
  int pokes = 0;
  HotWatch watch(
      *db, [&] { return now; }, [&] { ++pokes; });
  auto r = watch.run_once();
  EXPECT_EQ(r.spikes_notified, 1);
  EXPECT_EQ(r.digests_sent, 1) << "a supervisor gets the digest of a store without a manager";
  EXPECT_EQ(pokes, 1) << "the hub and the mailer are woken";
  now += kHour;
  r = watch.run_once();
  EXPECT_EQ(r.spikes_notified, 0);
  EXPECT_EQ(r.digests_sent, 0);
  auto& reader = db->reader();
  const auto got = reader.get<storage::NotificationStore>().notifications(sup, std::nullopt, false, 10);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].kind, "feedback_digest");
  EXPECT_EQ(got[1].kind, "feedback_hot");
  EXPECT_EQ(reader.get<storage::OutboxStore>().emails_due(now, 10).size(), 2u) << "both by email too";
}

}  // namespace
}  // namespace kefu::jobs
