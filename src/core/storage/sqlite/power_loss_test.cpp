// Power loss below SQLite: concurrent writes go through the real writer and its group
// commit, on a real file, with every connection on the PowerLossVfs shim. At a random
// moment the power "fails" (the disk freezes); the database is then reopened, by the
// normal open path, from what the disk had made durable, and every ticket and note whose
// write was acknowledged before that moment must be there, in a database that passes
// PRAGMA integrity_check. Seeded: KEFU_POWER_LOSS_SEED=<n> replays a failing run (the
// seed is printed with every failure).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "core/storage/power_loss_test_support.hpp"
#include "core/storage/sqlite/connection.hpp"
#include "core/storage/sqlite/database.hpp"
#include "core/storage/sqlite/power_loss_vfs_test_support.hpp"
#include "org/storage/org_store.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::storage {
namespace {

namespace fs = std::filesystem;
using testing::PowerLossDisk;
using testing::PowerLossVfs;

fs::path fresh_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("kefu-power-loss-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

uint64_t base_seed() {
  if (const char* s = std::getenv("KEFU_POWER_LOSS_SEED")) return std::strtoull(s, nullptr, 10);
  return std::random_device{}();
}

std::string integrity(const fs::path& db) {
  sqlite::Connection c(db.string(), false);
  auto s = c.prepare("PRAGMA integrity_check");
  std::string out;
  while (s->step()) out += s->text(0);
  return out;
}

struct Acked {
  std::map<int64_t, std::string> tickets;              // id -> subject
  std::vector<std::pair<int64_t, std::string>> notes;  // ticket id, body
};

// One database in `dir`: a store and an agent, created and closed the ordinary way, so
// that the shim first sees a durable file.
std::pair<int64_t, int64_t> create_database(const fs::path& path) {
  auto db = sqlite::open({.path = path.string()}, true);
  int64_t store = 0, staff = 0;
  db->write_sync([&](Stores& r) {
    store = r.get<OrgStore>().insert_store({.code = "A", .name = "甲店"});
    staff = r.get<OrgStore>().insert_staff(
        {.username = "li", .display_name = "李", .role = "agent", .store_ids = {store}, .password_hash = "h"});
  });
  return {store, staff};
}

ticket::Ticket new_ticket(int64_t store, int64_t staff, const std::string& subject, int64_t at) {
  ticket::Ticket t;
  t.store_id = store;
  t.type = "inquiry";
  t.channel = "service_desk";
  t.priority = "P4";
  t.subject = subject;
  t.created_by = staff;
  t.owner_id = staff;
  t.created_at = t.updated_at = at;
  return t;
}

// Runs load on `path` through the shim until `target` writes are acknowledged, then
// fails the power. Returns what was acknowledged before the failure.
Acked run_until_power_loss(const fs::path& path, PowerLossDisk& disk, const std::string& vfs, uint64_t seed,
                           int target) {
  const auto ids = create_database(path);
  const int64_t store = ids.first, staff = ids.second;
  Acked acked;
  std::mutex mu;
  std::atomic<int> count{0};
  std::atomic<bool> stop{false};
  {
    auto db = sqlite::open({.path = path.string(), .vfs = vfs}, false);
    // The server's checkpointer copies the WAL into the database file once it is long;
    // this load is short, so a checkpoint runs every few milliseconds instead.
    std::thread checkpointer([&] {
      sqlite::Connection c(path.string(), false, vfs);
      while (!stop) {
        sqlite3_wal_checkpoint_v2(c.raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
      }
    });
    std::vector<std::thread> clients;
    for (int n = 0; n < 6; ++n) {
      clients.emplace_back([&, n] {
        std::mt19937_64 rng(seed * 31 + n);
        std::vector<int64_t> mine;
        for (int i = 0; !stop; ++i) {
          const bool note = !mine.empty() && rng() % 3 != 0;
          const int64_t ticket_id = note ? mine[rng() % mine.size()] : 0;
          const std::string text = "c" + std::to_string(n) + "-" + std::to_string(i) + std::string(rng() % 600, 'x');
          auto id = std::make_shared<int64_t>(0);
          std::promise<bool> done;
          db->write(
              [&, id](Stores& r) {
                if (note) {
                  *id = r.get<TimelineStore>().insert_event({.ticket_id = ticket_id,
                                                             .kind = "note",
                                                             .actor_id = staff,
                                                             .body = text,
                                                             .data = "{}",
                                                             .created_at = i});
                } else {
                  auto t = new_ticket(store, staff, text, i);
                  *id = r.get<TicketStore>().insert_ticket(t);
                }
              },
              [&, id](std::exception_ptr e) {
                // Counted only when the power was still on as the write was acknowledged.
                if (!e && !disk.frozen()) {
                  std::lock_guard lock(mu);
                  if (note)
                    acked.notes.emplace_back(ticket_id, text);
                  else
                    acked.tickets[*id] = text;
                  ++count;
                }
                done.set_value(!e);
              });
          if (done.get_future().get() && !note) mine.push_back(*id);
        }
      });
    }
    while (count < target) std::this_thread::sleep_for(std::chrono::microseconds(200));
    disk.freeze();
    stop = true;
    for (auto& t : clients) t.join();
    checkpointer.join();
  }  // the database closes normally: nothing of that reaches the durable image
  std::lock_guard lock(mu);
  return acked;
}

TEST(PowerLoss, EveryAcknowledgedTicketAndNoteSurvivesAPowerFailure) {
  const uint64_t seed = base_seed();
  SCOPED_TRACE("KEFU_POWER_LOSS_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int round = 0; round < 5; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    auto dir = fresh_dir("round" + std::to_string(round));
    PowerLossDisk disk(dir);
    PowerLossVfs vfs("kefu-power-loss", disk);
    const int target = 20 + static_cast<int>(rng() % 400);
    auto acked = run_until_power_loss(dir / "kefu.db", disk, vfs.name(), rng(), target);
    ASSERT_GE(acked.tickets.size() + acked.notes.size(), static_cast<std::size_t>(target));

    auto after = dir / "after";
    disk.image(after);
    ASSERT_TRUE(fs::exists(after / "kefu.db"));
    EXPECT_FALSE(fs::exists(after / "kefu.db-shm"));
    {
      auto db = sqlite::open({.path = (after / "kefu.db").string()}, false);
      auto& r = db->reader();
      for (const auto& [id, subject] : acked.tickets) {
        auto t = r.get<TicketStore>().ticket(id);
        ASSERT_TRUE(t) << "acknowledged ticket " << id << " lost";
        EXPECT_EQ(t->subject, subject);
      }
      std::map<int64_t, std::vector<std::string>> notes;
      for (const auto& [ticket_id, body] : acked.notes) {
        if (!notes.contains(ticket_id))
          for (const auto& e : r.get<TimelineStore>().events(ticket_id)) notes[ticket_id].push_back(e.body);
        EXPECT_TRUE(std::ranges::count(notes[ticket_id], body) == 1)
            << "acknowledged note on ticket " << ticket_id << " lost";
      }
    }
    EXPECT_EQ(integrity(after / "kefu.db"), "ok");
    fs::remove_all(dir);
  }
}

// The harness can fail: commits that are never synced (synchronous=OFF) are lost.
TEST(PowerLoss, CommitsThatWereNeverSyncedAreLost) {
  auto dir = fresh_dir("unsynced");
  create_database(dir / "kefu.db");
  PowerLossDisk disk(dir);
  PowerLossVfs vfs("kefu-power-loss-unsynced", disk);
  {
    sqlite::Connection c((dir / "kefu.db").string(), true, vfs.name());
    c.exec("PRAGMA synchronous=OFF");
    for (int i = 0; i < 20; ++i)
      c.exec("INSERT INTO stores(code, name, timezone) VALUES ('S" + std::to_string(i) + "', 'x', 'Asia/Shanghai')");
    disk.freeze();
  }
  disk.image(dir / "after");
  sqlite::Connection c((dir / "after" / "kefu.db").string(), false);
  auto s = c.prepare("SELECT count(*) FROM stores");
  ASSERT_TRUE(s->step());
  EXPECT_EQ(s->i64(0), 1) << "only the store made before the shim saw the file is durable";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kefu::storage
