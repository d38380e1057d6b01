// The hub on a real SQLite file: a burst larger than one page reaches the stream whole,
// ticket activity goes only to staff of the ticket's store, and the hub still stops.
#include "notifications/api/notification_hub.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "core/storage/open.hpp"
#include "notifications/storage/notification_store.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::api {
namespace {

class RecordingStream final : public http::EventStream {
 public:
  bool send(std::string_view event, std::string_view data, std::string_view) override {
    std::lock_guard lock(mu);
    events.emplace_back(std::string(event), std::string(data));
    return true;
  }
  bool comment(std::string_view) override { return true; }
  void close() override { closed = true; }
  bool open() const override { return !closed; }
  void on_close(std::function<void()>) override {}
  std::size_t count(const std::string& event) {
    std::lock_guard lock(mu);
    std::size_t n = 0;
    for (const auto& e : events) n += e.first == event;
    return n;
  }
  std::mutex mu;
  std::vector<std::pair<std::string, std::string>> events;
  std::atomic<bool> closed = false;
};

bool closes(const RecordingStream& s, std::chrono::seconds within = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (!s.closed && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  return s.closed;
}

TEST(NotificationHub, ABurstLargerThanAPageArrivesWholeAndActivityStaysInItsStore) {
  auto path = std::filesystem::temp_directory_path() / ("kefu-hub-" + std::to_string(::getpid()) + ".db");
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  auto db = storage::open_database("sqlite://" + path.string(), true);
  int64_t store_a = 0, store_b = 0, staff = 0;
  db->write_sync([&](storage::Stores& r) {
    store_a = r.get<storage::OrgStore>().insert_store({.code = "A", .name = "甲店"});
    store_b = r.get<storage::OrgStore>().insert_store({.code = "B", .name = "乙店"});
    staff = r.get<storage::OrgStore>().insert_staff(
        {.username = "li", .role = "agent", .store_ids = {store_a}, .password_hash = "h"});
  });
  NotificationHub hub(*db, std::chrono::milliseconds(20));
  hub.start();
  auto in_a = std::make_shared<RecordingStream>(), everywhere = std::make_shared<RecordingStream>();
  hub.subscribe({.staff_id = staff, .store_ids = {store_a}}, in_a, std::nullopt);
  hub.subscribe({.staff_id = 999, .all_stores = true}, everywhere, std::nullopt);
  constexpr int kBurst = 1300;  // more than two pages of 500
  db->write_sync([&](storage::Stores& r) {
    for (int64_t store : {store_a, store_b}) {
      ticket::Ticket t{.store_id = store,
                       .type = "inquiry",
                       .channel = "hotline",
                       .priority = "P4",
                       .status = "new",
                       .subject = "问",
                       .created_by = staff,
                       .created_at = 1,
                       .updated_at = 1};
      r.get<storage::TicketStore>().insert_ticket(t);
      for (int i = 0; i < kBurst / 2; ++i)
        r.get<storage::TimelineStore>().insert_event(
            {.ticket_id = t.id, .kind = "note", .actor_id = staff, .data = "{}", .created_at = 2});
    }
    for (int i = 0; i < kBurst; ++i)
      r.get<storage::NotificationStore>().insert_notification(
          {.staff_id = staff, .kind = "test", .title = "t", .body = "b", .data = "{}", .created_at = 3});
  });
  hub.poke();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while ((in_a->count("notification") < kBurst || everywhere->count("ticket") < kBurst) &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(in_a->count("notification"), static_cast<std::size_t>(kBurst)) << "each notification once";
  EXPECT_EQ(everywhere->count("ticket"), static_cast<std::size_t>(kBurst)) << "an admin sees both stores";
  EXPECT_EQ(in_a->count("ticket"), static_cast<std::size_t>(kBurst / 2)) << "staff of store A only its own";
  EXPECT_EQ(everywhere->count("notification"), 0u) << "another person's notifications never";
  hub.stop();  // returns: the poller is not stuck paging
  EXPECT_TRUE(in_a->closed);
}

// Issue 11, hole 8: a stream ends with the session or token it was opened with: at once
// after recheck() (this node ended it), otherwise at the next periodic check (another node
// did). Each credential is asked about, however many streams it holds.
TEST(NotificationHub, AStreamClosesWhenItsCredentialEnds) {
  auto path = std::filesystem::temp_directory_path() / ("kefu-hub-cred-" + std::to_string(::getpid()) + ".db");
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  auto db = storage::open_database("sqlite://" + path.string(), true);
  std::mutex mu;
  std::set<std::string> ended;
  NotificationHub hub(*db, std::chrono::milliseconds(20));
  hub.check_credentials(
      [&](storage::Stores&, const std::string& credential) {
        std::lock_guard lock(mu);
        return !ended.contains(credential);
      },
      std::chrono::hours(1));
  hub.start();
  auto phone = std::make_shared<RecordingStream>(), desk = std::make_shared<RecordingStream>(),
       other = std::make_shared<RecordingStream>();
  hub.subscribe({.staff_id = 1, .credential = "li-session"}, phone, std::nullopt);
  hub.subscribe({.staff_id = 1, .credential = "li-session"}, desk, std::nullopt);
  hub.subscribe({.staff_id = 2, .credential = "wang-session"}, other, std::nullopt);
  {
    std::lock_guard lock(mu);
    ended.insert("li-session");
  }
  hub.recheck();
  EXPECT_TRUE(closes(*phone));
  EXPECT_TRUE(closes(*desk)) << "every stream of the credential";
  EXPECT_FALSE(other->closed) << "another person's stream stays";
  hub.stop();

  // Without recheck(): the periodic check.
  NotificationHub periodic(*db, std::chrono::milliseconds(20));
  periodic.check_credentials(
      [&](storage::Stores&, const std::string& credential) {
        std::lock_guard lock(mu);
        return !ended.contains(credential);
      },
      std::chrono::milliseconds(50));
  periodic.start();
  auto late = std::make_shared<RecordingStream>();
  periodic.subscribe({.staff_id = 2, .credential = "wang-session"}, late, std::nullopt);
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  EXPECT_FALSE(late->closed);
  {
    std::lock_guard lock(mu);
    ended.insert("wang-session");
  }
  EXPECT_TRUE(closes(*late)) << "ended on another node: found by the periodic check";
  periodic.stop();
}

}  // namespace
}  // namespace kefu::api
