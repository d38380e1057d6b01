// The improvement actions' keeper against a real SQLite file, its clock injected: an overdue
// action escalates once per level however often it ticks, and a done action is verified
// once its after window has passed.
#include "feedback/jobs/action_keeper.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/storage/open.hpp"
#include "feedback/app/feedback_actions.hpp"
#include "feedback/storage/action_store.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::jobs {
namespace {

constexpr int64_t kT0 = 1795314600000LL;  // 2026-11-22 10:30 Asia/Shanghai
constexpr int64_t kHour = 3'600'000;

class Keeper : public ::testing::Test {
 protected:
  void SetUp() override {
    path = std::filesystem::temp_directory_path() /
           ("kefu-keeper-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
    db = storage::open_database("sqlite://" + path.string(), true);
    db->write_sync([&](storage::Stores& r) {
      auto& org = r.get<storage::OrgStore>();
      const auto store = org.insert_store({.code = "SH01", .name = "上海店"});  // open round the clock
      const auto owner =
          org.insert_staff({.username = "o", .display_name = "吴强", .role = "agent", .store_ids = {store}});
      org.insert_staff({.username = "m", .display_name = "王莉", .role = "manager", .store_ids = {store}});
      const auto sup =
          org.insert_staff({.username = "s", .display_name = "陈静", .role = "supervisor", .store_ids = {store}});
      people::Actor a{.staff_id = sup, .role = "supervisor", .store_ids = {store}};
      app::Context c{r, a, kT0, nullptr};
      app::ActionInput in;
      in.store_id = store;
      in.topic = "parking";
      in.title = "出口道闸维修";
      in.owner_id = owner;
      in.due_amount = 1;
      in.due_unit = "business_hours";
      in.window_days = 1;
      action = app::create_action(c, in).id;
      supervisor = a;
    });
  }
  void TearDown() override {
    db.reset();
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  }
  storage::FeedbackAction now_action() {
    storage::Snapshot snap(db->reader());
    return *db->reader().get<storage::ActionStore>().action(action);
  }

  std::filesystem::path path;
  std::unique_ptr<storage::Database> db;
  int64_t action = 0;
  people::Actor supervisor;
};

TEST_F(Keeper, AnOverdueActionEscalatesOncePerLevelHoweverOftenItTicks) {
  int64_t now = kT0;
  ActionKeeper keeper(
      *db, [&] { return now; }, std::chrono::milliseconds(1000));
  now = kT0 + kHour - 1;
  EXPECT_EQ(keeper.tick().escalated, 0);
  now = kT0 + kHour;
  EXPECT_EQ(keeper.tick().escalated, 1);
  EXPECT_EQ(keeper.tick().escalated, 0);
  EXPECT_EQ(now_action().escalation_level, 1);
  now = kT0 + 9 * kHour;  // 8 business hours after the deadline
  EXPECT_EQ(keeper.tick().escalated, 1);
  now = kT0 + 100 * kHour;
  EXPECT_EQ(keeper.tick().escalated, 0);
  EXPECT_EQ(now_action().escalation_level, 2);
}

TEST_F(Keeper, ADoneActionIsVerifiedOnceItsWindowHasPassed) {
  db->write_sync([&](storage::Stores& r) {
    app::Context c{r, supervisor, kT0 + 1000, nullptr};
    app::mark_action_done(c, action, "");
  });
  int64_t now = kT0 + 1000 + 24 * kHour - 1;
  ActionKeeper keeper(
      *db, [&] { return now; }, std::chrono::milliseconds(1000));
  EXPECT_EQ(keeper.tick().verified, 0);
  now += 1;
  EXPECT_EQ(keeper.tick().verified, 1);
  EXPECT_EQ(keeper.tick().verified, 0) << "asked once: no data, so it waits for a manager";
  const auto a = now_action();
  EXPECT_EQ(a.state, "done");
  EXPECT_NE(a.verdict.find("not_enough_data"), std::string::npos);
  EXPECT_FALSE(a.verify_at);
}

}  // namespace
}  // namespace kefu::jobs
