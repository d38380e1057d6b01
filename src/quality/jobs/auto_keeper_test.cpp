// The automatic checks' job against a real SQLite file, its clock injected: a chat is read
// once it has ended and only once, however often the job ticks.
#include "quality/jobs/auto_keeper.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "chat/app/conversations.hpp"
#include "core/storage/open.hpp"
#include "org/storage/org_store.hpp"
#include "quality/storage/auto_hit_store.hpp"

namespace kefu::jobs {
namespace {

constexpr int64_t kT0 = 1795314600000LL;  // 2026-11-22 10:30 Asia/Shanghai

TEST(AutoKeeper, AChatIsCheckedOnceItHasEndedAndOnlyOnce) {
  const auto path = std::filesystem::temp_directory_path() / ("kefu-auto-keeper-" + std::to_string(::getpid()) + ".db");
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  auto db = storage::open_database("sqlite://" + path.string(), true);
  int64_t conv = 0;
  people::Actor agent;
  std::string token;
  db->write_sync([&](storage::Stores& r) {
    auto& org = r.get<storage::OrgStore>();
    const auto store = org.insert_store({.code = "SH01", .name = "上海店"});
    agent = {
        .staff_id = org.insert_staff({.username = "a", .display_name = "张敏", .role = "agent", .store_ids = {store}}),
        .role = "agent",
        .store_ids = {store}};
    app::Context c{r, agent, kT0, nullptr};
    app::set_presence(c, "online");
    auto started = app::start_chat(c, {.store_id = store, .customer_name = "顾客"});
    conv = started.conversation.id;
    token = started.token;
  });
  auto at = [&](int64_t ms, auto f) {
    db->write_sync([&](storage::Stores& r) {
      app::Context c{r, agent, kT0 + ms, nullptr};
      f(c);
    });
  };
  at(5'000, [&](app::Context& c) { app::customer_say(c, token, "c1", "我的退款呢"); });
  at(300'000, [&](app::Context& c) { app::agent_say(c, conv, "a1", "您好，已经为您查到", false); });  // 295 s later
  int64_t now = kT0 + 310'000;
  AutoKeeper keeper(*db, [&] { return now; });
  EXPECT_EQ(keeper.tick(), 0) << "still open";
  at(320'000, [&](app::Context& c) { app::end_chat(c, conv); });
  now = kT0 + 330'000;
  EXPECT_EQ(keeper.tick(), 1);
  EXPECT_EQ(keeper.tick(), 0);
  // (The late greeting was found in the message's own write, not by the job.)
  const auto hits = db->reader().get<storage::QaAutoHitStore>().hits({.rule_code = "reply_gap"});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].rule_code, "reply_gap");
  EXPECT_EQ(hits[0].detail, "waited 295s");
  db.reset();
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
}

}  // namespace
}  // namespace kefu::jobs
