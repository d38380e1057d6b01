// The retention keeper against a real SQLite file, time passed in: it runs in the 03:00 hour
// China time only, once a night, audits each run, and hands over the photos it freed.
#include "privacy/jobs/retention_keeper.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/storage/open.hpp"
#include "core/storage/platform_stores.hpp"
#include "org/storage/org_store.hpp"
#include "privacy/storage/privacy_store.hpp"
#include "privacy/storage/sql/person_fixture.hpp"

namespace kefu::jobs {
namespace {

constexpr int64_t kHour = 3600'000;
constexpr int64_t kDay = 24 * kHour;

TEST(RetentionKeeper, TheNightIsTheThreeOClockHourInChina) {
  const struct {
    int64_t at;
    const char* night;
  } rows[] = {
      {1795287600000LL, "2026-11-22"},              // 2026-11-22 03:00:00 +08:00
      {1795287600000LL + kHour - 1, "2026-11-22"},  // 03:59:59.999
      {1795287600000LL + kHour, ""},                // 04:00
      {1795287600000LL - 1, ""},                    // 02:59:59.999
      {1795287600000LL + kDay, "2026-11-23"},
  };
  for (const auto& r : rows) EXPECT_EQ(RetentionKeeper::night_of(r.at), r.night) << r.at;
}

TEST(RetentionKeeper, RunsOnceANightAuditedAndHandsOverFreedPhotos) {
  const auto path = std::filesystem::temp_directory_path() / ("kefu-retention-" + std::to_string(::getpid()) + ".db");
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  auto db = storage::open_database("sqlite://" + path.string(), true);
  db->write_sync([&](storage::Stores& r) {
    auto& org = r.get<storage::OrgStore>();
    const auto store = org.insert_store({.code = "SH01", .name = "上海店"});
    const auto dept = org.insert_department({.store_id = store, .code = "desk", .name = "总服务台", .kind = "desk"});
    const auto staff = org.insert_staff({.username = "a", .display_name = "甲", .role = "admin", .store_ids = {store}});
    storage::testing::seed_person(r, {.at = 1795287600000LL - 400 * kDay}, store, dept, staff);
    r.get<storage::PrivacyStore>().put_rule({"chat_photos", true, 30, staff, 1});
  });
  int64_t now = 1795287600000LL + 10 * 60 * 1000;
  std::vector<std::string> freed;
  RetentionKeeper keeper(
      *db, [&] { return now; }, text::Segmenter::builtin(),
      [&](const std::vector<std::string>& shas) { freed.insert(freed.end(), shas.begin(), shas.end()); });
  EXPECT_TRUE(keeper.run_once());
  EXPECT_EQ(freed, std::vector<std::string>{"sha-chat-9001"});
  now += 20 * 60 * 1000;
  EXPECT_FALSE(keeper.run_once());  // the same night
  now += 2 * kHour;
  EXPECT_FALSE(keeper.run_once());  // not the hour
  now += 22 * kHour;
  EXPECT_TRUE(keeper.run_once());  // the next night: audited even with nothing to do
  auto audit = db->reader().get<storage::PrivacyStore>().privacy_audit(0, 10);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "privacy.retention_run");
  EXPECT_EQ(audit[0].actor_id, 0);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace kefu::jobs
