// The dashboards at size (docs/benchmarks.md, "Dashboards (issue 16)"): N ticket facts
// spread over a year in 10 stores (departments, staff, every type, channel and priority,
// 30 categories) are written with their rollups, then every GET /reports/metrics grouping
// for a month and for a year, and the heat map, is timed server-side (the use case on a
// read connection: p50/p99 of 30 runs after 3 warm-ups); last, ticket creation through the
// use case with the rollups off and on (marking + the keeper draining beside it), in one
// run. On SQLite (a file in /tmp), and on PostgreSQL when KEFU_TEST_PG names a server.
//
//   reports_bench [tickets=100000] [creates=2000]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <random>
#include <string>
#include <vector>

#include "core/storage/open.hpp"
#include "core/storage/pg/database.hpp"
#include "core/text/segmenter.hpp"
#include "org/storage/org_store.hpp"
#include "reports/app/metrics.hpp"
#include "reports/app/rollups.hpp"
#include "reports/domain/period.hpp"
#include "reports/jobs/rollup_keeper.hpp"
#include "reports/storage/report_marks.hpp"
#include "reports/storage/report_store.hpp"
#include "tickets/app/tickets.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace kefu;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

constexpr int kStores = 10, kDepts = 5, kStaff = 10, kCategories = 30;
// 2026-11-30 12:00 Asia/Shanghai: "today" of the run.
constexpr int64_t kNow = 1796011200000LL;

struct Org {
  std::vector<int64_t> stores;
  std::vector<std::vector<int64_t>> depts, staff;
  people::Actor admin;
};

Org make_org(storage::Database& db) {
  Org o;
  db.write_sync([&](storage::Stores& r) {
    auto& org = r.get<storage::OrgStore>();
    for (int s = 0; s < kStores; ++s) {
      o.stores.push_back(org.insert_store({.code = "S" + std::to_string(s), .name = "门店" + std::to_string(s)}));
      o.depts.emplace_back();
      o.staff.emplace_back();
      for (int d = 0; d < kDepts; ++d)
        o.depts.back().push_back(org.insert_department({.store_id = o.stores.back(),
                                                        .code = "d" + std::to_string(d),
                                                        .name = "部门" + std::to_string(d),
                                                        .kind = "desk"}));
      for (int k = 0; k < kStaff; ++k) {
        people::Staff st{0,
                         "s" + std::to_string(s) + "_" + std::to_string(k),
                         "客服" + std::to_string(k),
                         people::Role::of("agent"),
                         "",
                         "",
                         true,
                         {o.stores.back()},
                         {o.depts.back()[0]},
                         "x"};
        o.staff.back().push_back(org.insert_staff(st));
      }
    }
    people::Staff root{0, "root", "管理员", people::Role::of("admin"), "", "", true, {}, {}, "x"};
    o.admin = {.staff_id = org.insert_staff(root), .username = "root", .role = people::Role::of("admin")};
  });
  return o;
}

// N facts over the 365 days ending on kNow's day, with their rollups.
double generate(storage::Database& db, const Org& o, int n) {
  std::mt19937_64 rng(16);
  auto pick = [&](int k) { return static_cast<int>(rng() % k); };
  const auto types = ticket::Type::terms();
  const auto channels = ticket::Channel::terms();
  const auto priorities = ticket::Priority::terms();
  const int last = reports::days_of(20261130);
  const auto started = Clock::now();
  reports::Rollups all;
  std::vector<reports::TicketFact> batch;
  auto flush = [&] {
    db.write_sync([&](storage::Stores& r) { r.get<storage::ReportStore>().put_facts(batch); });
    batch.clear();
  };
  for (int i = 1; i <= n; ++i) {
    const int s = pick(kStores);
    reports::TicketFact f{.ticket_id = i,
                          .store_id = o.stores[s],
                          .department_id = o.depts[s][pick(kDepts)],
                          .owner_id = o.staff[s][pick(kStaff)],
                          .type = std::string(types[pick(static_cast<int>(types.size()))].code),
                          .channel = std::string(channels[pick(static_cast<int>(channels.size()))].code),
                          .priority = std::string(priorities[pick(static_cast<int>(priorities.size()))].code),
                          .category = "类别" + std::to_string(pick(kCategories)),
                          .day = reports::yyyymmdd(last - pick(365)),
                          .hour = 9 + pick(13)};
    f.first_owner_id = f.owner_id;
    if (f.type == "complaint") f.complaint_cause = f.category;
    f.frt_ms = 60'000LL * (1 + pick(120));
    f.resolved = pick(100) < 85;
    if (f.resolved) f.resolution_ms = 60'000LL * (10 + pick(2000));
    f.reopened = pick(100) < 4;
    f.fcr = f.resolved && !f.reopened && pick(100) < 70;
    f.sla_missed = pick(100) < 8;
    f.sla_met = !f.sla_missed;
    if (pick(100) < 30) f.csat = 1 + pick(5);
    reports::accumulate(all, f, +1);
    batch.push_back(std::move(f));
    if (batch.size() == 5000) flush();
  }
  if (!batch.empty()) flush();
  db.write_sync([&](storage::Stores& r) { r.get<storage::ReportStore>().add_rollups(all); });
  std::printf("  %d facts and %zu rollup rows written in %.1f s\n", n, all.size(), ms_since(started) / 1000);
  return ms_since(started);
}

struct Stat {
  double p50, p99;
};
Stat stat(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * (v.size() - 1) + 0.5))]; };
  return {at(0.5), at(0.99)};
}

template <class F>
Stat time_it(F f) {
  for (int i = 0; i < 3; ++i) f();
  std::vector<double> ms;
  for (int i = 0; i < 30; ++i) {
    auto t = Clock::now();
    f();
    ms.push_back(ms_since(t));
  }
  return stat(ms);
}

void queries(storage::Database& db, const Org& o) {
  const std::pair<const char*, std::pair<const char*, const char*>> periods[] = {
      {"month", {"2026-11-01", "2026-11-30"}}, {"year", {"2025-12-01", "2026-11-30"}}};
  std::printf("  %-16s %-6s %10s %10s %10s %10s\n", "by", "", "month p50", "month p99", "year p50", "year p99");
  double worst = 0;
  for (const char* by : {"total", "day", "week", "month", "store", "department", "staff", "type", "channel", "priority",
                         "category", "complaint_cause", "(heatmap)"}) {
    std::vector<Stat> st;
    for (const auto& [name, range] : periods) {
      st.push_back(time_it([&] {
        auto& r = db.reader();
        app::Context c{r, o.admin, kNow, nullptr};
        if (std::string(by) == "(heatmap)") {
          app::report_heatmap(c, range.first, range.second, std::nullopt);
        } else {
          app::report_metrics(c, {.from = range.first, .to = range.second, .by = by});
        }
      }));
      worst = std::max(worst, st.back().p99);
    }
    std::printf("  %-16s %-6s %10.2f %10.2f %10.2f %10.2f\n", by, "ms", st[0].p50, st[0].p99, st[1].p50, st[1].p99);
  }
  {  // one store
    auto s = time_it([&] {
      auto& r = db.reader();
      app::Context c{r, o.admin, kNow, nullptr};
      app::report_metrics(c, {.from = "2025-12-01", .to = "2026-11-30", .store_id = o.stores[0], .by = "staff"});
    });
    std::printf("  %-23s %10s %10s %10.2f %10.2f\n", "staff, one store", "", "", s.p50, s.p99);
  }
  std::printf("  slowest p99: %.2f ms\n", worst);
}

// Tickets created through the use case, `n` write jobs queued at once (group commit).
double creates(storage::Database& db, const Org& o, int n, const text::Segmenter& seg, int round) {
  const auto started = Clock::now();
  std::vector<std::future<void>> done;
  for (int i = 0; i < n; ++i) {
    auto p = std::make_shared<std::promise<void>>();
    done.push_back(p->get_future());
    const int s = i % kStores;
    people::Actor agent{.staff_id = o.staff[s][0],
                        .username = "a",
                        .role = people::Role::of("agent"),
                        .store_ids = {o.stores[s]},
                        .department_ids = {o.depts[s][0]}};
    db.write(
        [&, agent, s, i, round](storage::Stores& r) {
          app::Context c{r, agent, kNow + round * 1000 + i, &seg};
          app::create_ticket(c, {.store_id = o.stores[s],
                                 .type = "inquiry",
                                 .channel = "service_desk",
                                 .subject = "顾客询问停车收费",
                                 .description = "会员停车免费几小时"});
        },
        [p](std::exception_ptr e) {
          if (e) try {
              std::rethrow_exception(e);
            } catch (const std::exception& ex) {
              std::fprintf(stderr, "create failed: %s\n", ex.what());
            }
          p->set_value();
        });
  }
  for (auto& f : done) f.wait();
  return n / (ms_since(started) / 1000);
}

void run(const char* name, const std::string& url, int n, int n_creates) {
  std::printf("%s\n", name);
  auto db = storage::open_database(url, true);
  const auto org = make_org(*db);
  generate(*db, org, n);
  queries(*db, org);
  auto seg = text::Segmenter::builtin();
  // Create throughput: off, on (with the keeper draining beside), off, on.
  for (int round = 0; round < 4; ++round) {
    const bool on = round % 2 == 1;
    storage::set_report_marking(on);
    jobs::RollupKeeper keeper(
        *db, [] { return kNow; }, std::chrono::milliseconds(1000));
    if (on) keeper.start();
    const double rate = creates(*db, org, n_creates, *seg, round);
    const auto t = Clock::now();
    keeper.stop();
    double drain = 0;
    if (on) {
      keeper.tick();
      drain = ms_since(t);
    }
    std::printf("  create %d tickets, rollups %s: %.0f tickets/s%s\n", n_creates, on ? "on " : "off", rate,
                on ? (", then " + std::to_string(static_cast<int>(drain)) + " ms to drain the rest").c_str() : "");
  }
  storage::set_report_marking(true);
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 100000;
  const int n_creates = argc > 2 ? std::atoi(argv[2]) : 2000;
  auto path = std::filesystem::temp_directory_path() / ("kefu-reports-bench-" + std::to_string(::getpid()) + ".db");
  run("SQLite", "sqlite://" + path.string(), n, n_creates);
  for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  if (const char* pg = std::getenv("KEFU_TEST_PG"); pg && *pg)
    run("PostgreSQL", storage::pg::schema_url(pg, "reports_bench_" + std::to_string(::time(nullptr)), true), n,
        n_creates);
  return 0;
}
