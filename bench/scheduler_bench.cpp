// The SLA scheduler with 1,000,000 open tickets (issue 3): memory and cost per tick.
//
//   build/scheduler_bench [--tickets 1000000] [--due 1000] [--db bench/out/scheduler-1000000.db]
//
// The database holds N open tickets whose next escalation is spread over the next 30
// days (the index the scheduler reads), plus `due` tickets created through the real use
// case under a policy with a one-minute target, so that firing them does the real work
// (clock replay, ladder, notifications, email outbox, one group-committed write each).
// Reported: the process RSS before and after the ticks, the median and p99 of an idle
// tick (nothing due) and the time of the tick that fires the due tickets.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/storage/open.hpp"
#include "org/storage/org_store.hpp"
#include "sla/app/escalation.hpp"
#include "sla/jobs/scheduler.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace {

using namespace kefu;
using Clock = std::chrono::steady_clock;

constexpr int64_t kStart = 1795314600000LL;  // 2026-11-22 10:30 Asia/Shanghai
constexpr int64_t kMinute = 60'000;

long rss_kib() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

double us_since(Clock::time_point t0) { return std::chrono::duration<double, std::micro>(Clock::now() - t0).count(); }

void populate(storage::Database& db, int64_t tickets, int64_t due) {
  people::Actor admin{.staff_id = 1, .username = "admin", .role = "admin"};
  int64_t store = 0;
  db.write_sync([&](storage::Stores& r) {
    people::Store st{.code = "SH01", .name = "上海店"};
    for (int wd = 0; wd < 7; ++wd) st.hours.push_back({wd, "10:00", "22:00"});
    store = r.get<storage::OrgStore>().insert_store(st);
    r.get<storage::OrgStore>().insert_department(
        {.store_id = store, .code = "desk", .name = "总服务台", .kind = "desk"});
    for (const char* role : {"agent", "supervisor", "manager"})
      r.get<storage::OrgStore>().insert_staff({.username = role,
                                               .display_name = role,
                                               .role = people::Role::of(role),
                                               .store_ids = {store},
                                               .password_hash = "x"});
    storage::SlaPolicyRecord p;
    p.policy = {.name = "bench",
                .position = 1,
                .targets = {.first_response = sla::Target{1, sla::TimeMode::calendar},
                            .resolution = sla::Target{240, sla::TimeMode::business}}};
    p.ladder = {sla::at_percent(80, sla::Notify::owner), sla::at_percent(100, sla::Notify::supervisor)};
    r.get<storage::SlaConfigStore>().insert_sla_policy(p);
  });
  const int64_t batch = 20'000;
  for (int64_t done = 0; done < tickets; done += batch) {
    db.write_sync([&](storage::Stores& r) {
      for (int64_t i = done; i < std::min(tickets, done + batch); ++i) {
        ticket::Ticket t;
        t.store_id = store;
        t.type = "inquiry";
        t.channel = "service_desk";
        t.priority = "P4";
        t.status = "in_progress";
        t.subject = "咨询";
        t.owner_id = 1;
        t.created_by = 1;
        t.created_at = t.updated_at = kStart - 3600'000;
        t.sla_policy_id = 1;
        // Spread over the next 30 days: the scheduler's index must skip them cheaply.
        t.next_escalation_at = kStart + 60 * kMinute + (i * 2'592'000'000LL / std::max<int64_t>(tickets, 1));
        r.get<storage::TicketStore>().insert_ticket(t);
      }
    });
    if ((done / batch) % 10 == 0) std::fprintf(stderr, "  %lld/%lld tickets\n", (long long)done, (long long)tickets);
  }
  auto agent = *db.reader().get<storage::OrgStore>().staff_by_username("agent");
  people::Actor a{.staff_id = agent.id, .username = "agent", .role = "agent", .store_ids = {store}};
  db.write_sync([&](storage::Stores& r) {
    for (int64_t i = 0; i < due; ++i) {
      app::Context c{r, a, kStart, nullptr};
      app::create_ticket(c, {.store_id = store, .type = "complaint", .channel = "service_desk", .subject = "排队太久"});
    }
  });
  db.write_sync([](storage::Stores& r) { r.analyze(); });
}

}  // namespace

int main(int argc, char** argv) {
  int64_t tickets = 1'000'000, due = 1000;
  std::string path;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--tickets")) tickets = std::stoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--due")) due = std::stoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--db")) path = argv[i + 1];
  }
  if (path.empty()) path = "bench/out/scheduler-" + std::to_string(tickets) + ".db";
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  const bool fresh = !std::filesystem::exists(path);
  // Every run fires the due tickets, so work on a copy of the prepared file.
  const std::string work = path + ".run.db";
  {
    auto db = storage::open_database("sqlite://" + path, true);
    if (fresh) {
      std::fprintf(stderr, "populating %s with %lld open tickets + %lld due\n", path.c_str(), (long long)tickets,
                   (long long)due);
      auto t0 = Clock::now();
      populate(*db, tickets, due);
      std::fprintf(stderr, "  populated in %.1f s\n", us_since(t0) / 1e6);
    }
    db->flush();
  }
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(work + ext);
  std::filesystem::copy_file(path, work);

  auto db = storage::open_database("sqlite://" + work, true);
  const long rss_open = rss_kib();
  int64_t now = kStart + 30'000;  // 30 s in: nothing due yet (first step at 48 s)
  jobs::EscalationScheduler scheduler(*db, [&] { return now; });

  std::vector<double> idle;
  for (int i = 0; i < 2000; ++i) {
    auto t0 = Clock::now();
    auto fired = scheduler.tick();
    idle.push_back(us_since(t0));
    if (!fired.empty()) return std::fprintf(stderr, "unexpected firing\n"), 1;
  }
  std::sort(idle.begin(), idle.end());
  const long rss_idle = rss_kib();

  now = kStart + 61'000;  // every due ticket: the 80 % and the breach step
  auto t0 = Clock::now();
  auto fired = scheduler.tick();
  const double busy_us = us_since(t0);
  const long rss_busy = rss_kib();
  auto again = scheduler.tick();

  std::printf("open tickets: %lld (+%lld due)\n", (long long)tickets, (long long)due);
  std::printf("idle tick (nothing due): median %.1f us, p99 %.1f us over %zu ticks\n", idle[idle.size() / 2],
              idle[idle.size() * 99 / 100], idle.size());
  std::printf("busy tick: %zu steps fired for %lld tickets in %.1f ms (%.1f us per ticket, incl. group commit)\n",
              fired.size(), (long long)due, busy_us / 1000, busy_us / std::max<int64_t>(due, 1));
  std::printf("second tick right after: %zu fired (exactly once)\n", again.size());
  std::printf("RSS: %ld KiB after open, %ld KiB after 2000 idle ticks, %ld KiB after the busy tick\n", rss_open,
              rss_idle, rss_busy);
  const bool once = again.empty();
  db.reset();
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(work + ext);
  return once ? 0 : 1;
}
