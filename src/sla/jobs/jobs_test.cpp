// The scheduler and the outbox sender against a real SQLite file, time passed in.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "core/storage/open.hpp"
#include "notifications/jobs/outbox.hpp"
#include "notifications/storage/notification_store.hpp"
#include "notifications/storage/outbox_store.hpp"
#include "org/storage/org_store.hpp"
#include "sla/jobs/scheduler.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::jobs {
namespace {

constexpr int64_t kT0 = 1795314600000LL;  // 2026-11-22 10:30 Asia/Shanghai

class Jobs : public ::testing::Test {
 protected:
  void SetUp() override {
    path = std::filesystem::temp_directory_path() /
           ("kefu-jobs-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
    db = storage::open_database("sqlite://" + path.string(), true);
    db->write_sync([&](storage::Stores& r) {
      store = r.get<storage::OrgStore>().insert_store({.code = "SH01", .name = "上海店"});
      agent = r.get<storage::OrgStore>().insert_staff(
          {.username = "a", .display_name = "张敏", .role = "agent", .store_ids = {store}});
      sup = r.get<storage::OrgStore>().insert_staff({.username = "s",
                                                     .display_name = "陈静",
                                                     .role = "supervisor",
                                                     .email = "sup@store.example",
                                                     .store_ids = {store}});
      storage::SlaPolicyRecord p;
      p.policy = {.name = "快", .position = 1, .targets = {.first_response = sla::Target{1, sla::TimeMode::calendar}}};
      p.ladder = {sla::at_percent(100, sla::Notify::supervisor)};
      r.get<storage::SlaConfigStore>().insert_sla_policy(p);
      people::Actor a{.staff_id = agent, .role = "agent", .store_ids = {store}};
      app::Context c{r, a, kT0, nullptr};
      ticket =
          app::create_ticket(c, {.store_id = store, .type = "complaint", .channel = "service_desk", .subject = "x"}).id;
    });
  }
  std::filesystem::path path;
  // This thread's reader (the schedulers also read through it here): a fresh snapshot
  // per look, as every thread that uses snapshots must.
  template <typename F>
  auto look(F f) {
    storage::Snapshot snap(db->reader());
    return f(db->reader());
  }
  std::unique_ptr<storage::Database> db;
  int64_t store = 0, agent = 0, sup = 0, ticket = 0;
};

TEST_F(Jobs, TwoSchedulersOnOneDatabaseFireAStepOnce) {
  int64_t now = kT0 + 30'000;
  EscalationScheduler a(*db, [&] { return now; }), b(*db, [&] { return now; });
  EXPECT_TRUE(a.tick().empty());
  now = kT0 + 60'000;
  std::vector<app::FiredStep> fa, fb;
  std::thread ta([&] { fa = a.tick(); }), tb([&] { fb = b.tick(); });
  ta.join();
  tb.join();
  EXPECT_EQ(fa.size() + fb.size(), 1u);
  EXPECT_EQ(look([&](storage::Stores& r) {
              return r.get<storage::NotificationStore>().notifications(sup, std::nullopt, false, 10);
            }).size(),
            1u);
  EXPECT_EQ(a.stats().fired + b.stats().fired, 1u);
}

TEST_F(Jobs, TheSchedulerThreadFiresWithinATick) {
  int64_t now = kT0 + 61'000;
  EscalationScheduler s(*db, [&] { return now; }, {.tick = std::chrono::milliseconds(20)});
  s.start();
  for (int i = 0; i < 200 && s.stats().fired == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  s.stop();
  EXPECT_EQ(s.stats().fired, 1u);
  EXPECT_EQ(s.stats().late, 0u);
}

TEST_F(Jobs, AFailedEmailIsKeptWithItsErrorAndRetriedLater) {
  int64_t now = kT0 + 61'000;
  EscalationScheduler(*db, [&] { return now; }).tick();
  ASSERT_EQ(look([&](storage::Stores& r) { return r.get<storage::OutboxStore>().emails_due(now, 10); }).size(), 1u);
  // Nothing listens on port 1: the send fails.
  OutboxSender sender(
      *db, notify::SmtpMailer({.url = "smtp://127.0.0.1:1", .from = "kefu@store.example", .timeout_ms = 2000}),
      [&] { return now; });
  EXPECT_EQ(sender.send_due(), 0);
  EXPECT_TRUE(look([&](storage::Stores& r) {
                return r.get<storage::OutboxStore>().emails_due(now, 10);
              }).empty());  // backed off
  auto later =
      look([&](storage::Stores& r) { return r.get<storage::OutboxStore>().emails_due(now + retry_delay_ms(0), 10); });
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].attempts, 1);
  EXPECT_FALSE(later[0].last_error.empty());
}

TEST(RetryDelay, DoublesFromOneMinuteUpToAnHour) {
  EXPECT_EQ(retry_delay_ms(0), 60'000);
  EXPECT_EQ(retry_delay_ms(1), 120'000);
  EXPECT_EQ(retry_delay_ms(5), 32 * 60'000);
  EXPECT_EQ(retry_delay_ms(6), 60 * 60'000);
  EXPECT_EQ(retry_delay_ms(40), 60 * 60'000);
}

}  // namespace
}  // namespace kefu::jobs
