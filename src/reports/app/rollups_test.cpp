// The rollups stay consistent with the tickets: random ticket life cycles through the real
// use cases (create, claim, reply, hand over, resolve, reopen, close, priority and category
// changes, ratings), drained now and then, must leave exactly the facts and rollups a
// recount from scratch gives; and every dashboard row's drill-down lists exactly the
// tickets of its figures. On SQLite and (with KEFU_TEST_PG) PostgreSQL.
#include "reports/app/rollups.hpp"

#include <gtest/gtest.h>

#include <random>

#include "callbacks/app/csat.hpp"
#include "core/app/use_case_test.hpp"
#include "core/storage/contract_fixture.hpp"
#include "reports/app/metrics.hpp"
#include "reports/domain/rollup.hpp"
#include "reports/storage/report_store.hpp"
#include "sla/app/escalation.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app {
namespace {

using testing::kNow;
constexpr int64_t kMinute = 60'000;

class RollupConsistency : public ::testing::TestWithParam<storage::Backend> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto url = GetParam().url(std::string("Rollups_") + info->name());
    if (url.empty()) GTEST_SKIP() << "set KEFU_TEST_PG to a PostgreSQL URL (scripts/pg.sh start)";
    db = storage::open_database(url, true);
    db->write_sync([&](storage::Stores& r) {
      auto& org = r.get<storage::OrgStore>();
      store_a = org.insert_store({.code = "A", .name = "甲店"});
      store_b = org.insert_store({.code = "B", .name = "乙店"});
      desk = org.insert_department({.store_id = store_a, .code = "desk", .name = "总服务台", .kind = "desk"});
      agents = {make(r, "agent1", "agent", {store_a}, {desk}), make(r, "agent2", "agent", {store_a}, {desk})};
      supervisor = make(r, "sup", "supervisor", {store_a}, {desk});
      agent_b = make(r, "agentb", "agent", {store_b}, {});
      storage::SlaPolicyRecord p;
      p.policy = {.name = "测试策略",
                  .position = 1,
                  .conditions = {.types = std::vector<std::string>{"inquiry", "complaint", "return"}},
                  .targets = {.first_response = sla::Target{30, sla::TimeMode::calendar},
                              .resolution = sla::Target{240, sla::TimeMode::calendar},
                              .callback = sla::Target{1440, sla::TimeMode::calendar}}};
      r.get<storage::SlaConfigStore>().insert_sla_policy(p);
    });
  }

  people::Actor make(storage::Stores& r, const std::string& name, const std::string& role, std::vector<int64_t> stores,
                     std::vector<int64_t> depts) {
    people::Staff s{0, name, name, people::Role::of(role), "", "", true, stores, depts, "x"};
    s.id = r.get<storage::OrgStore>().insert_staff(s);
    return people::Actor{
        .staff_id = s.id, .username = name, .role = s.role, .store_ids = stores, .department_ids = depts};
  }

  template <typename F>
  void as(const people::Actor& who, F f) {
    try {
      db->write_sync([&](storage::Stores& r) {
        Context c{r, who, now, seg.get()};
        f(c);
      });
    } catch (const Error&) {
      // a step the rules refuse (reply to a resolved ticket, …): the life cycle goes on
    }
  }

  void drain() {
    as(system_actor(), [](Context& c) { refresh_rollups(c); });
  }

  // Random life cycles of `n` tickets over about a week.
  void live(int n, unsigned seed) {
    std::mt19937 rng(seed);
    auto pick = [&](int k) { return static_cast<int>(rng() % k); };
    const char* types[] = {"inquiry", "complaint", "return", "praise"};
    const char* channels[] = {"service_desk", "hotline", "live_chat"};
    const char* categories[] = {"", "退换", "服务态度", "停车"};
    const char* priorities[] = {"P1", "P2", "P3", "P4"};
    for (int step = 0; step < n * 8; ++step) {
      now += (1 + pick(90)) * kMinute;
      const int op = ids.empty() ? 0 : pick(12);
      const int64_t id = ids.empty() ? 0 : ids[pick(static_cast<int>(ids.size()))];
      const auto& agent = agents[pick(2)];
      switch (op) {
        case 0:
        case 1:
          if (static_cast<int>(ids.size()) >= n) break;
          as(pick(5) == 0 ? agent_b : agent, [&](Context& c) {
            const bool b = c.actor.staff_id == agent_b.staff_id;
            auto t = create_ticket(c, {.store_id = b ? store_b : store_a,
                                       .type = types[pick(4)],
                                       .channel = channels[pick(3)],
                                       .subject = "顾客来访",
                                       .category = categories[pick(4)]});
            ids.push_back(t.id);
          });
          break;
        case 2:
          as(agent, [&](Context& c) { claim_ticket(c, id); });
          break;
        case 3:
        case 4:
          as(supervisor, [&](Context& c) { add_message(c, id, "您好，已为您处理", true); });
          break;
        case 5:
          as(supervisor, [&](Context& c) { hand_over(c, id, agent.staff_id, "换班"); });
          break;
        case 6:
        case 7:
          as(supervisor, [&](Context& c) { change_status(c, id, "resolved", "", std::nullopt); });
          break;
        case 8:
          as(supervisor, [&](Context& c) { change_status(c, id, "in_progress", "顾客再来", std::nullopt); });
          break;
        case 9:
          as(supervisor, [&](Context& c) {
            auto t = get_ticket(c, id);
            TicketPatch p;
            if (pick(2))
              p.priority = priorities[pick(4)];
            else
              p.category = categories[pick(4)];
            update_ticket(c, id, p, t.version);
          });
          break;
        case 10: {
          std::string token;
          as(supervisor, [&](Context& c) { token = create_csat_link(c, id).token; });
          if (!token.empty()) as(people::customer_actor(), [&](Context& c) { rate(c, token, 1 + pick(5), ""); });
          break;
        }
        case 11:
          if (pick(3) == 0) drain();
          break;
      }
    }
  }

  // Facts and rollups counted again from the tickets.
  reports::Rollups recount(std::vector<reports::TicketFact>& facts) {
    reports::Rollups out;
    auto& r = db->reader();
    Context c{r, system_actor(), now, nullptr};
    for (auto id : ids) {
      auto t = r.get<storage::TicketStore>().ticket(id);
      facts.push_back(compute_fact(c, *t));
      reports::accumulate(out, facts.back(), +1);
    }
    for (auto it = out.begin(); it != out.end();) it = it->second.contacts == 0 ? out.erase(it) : std::next(it);
    return out;
  }

  std::unique_ptr<storage::Database> db;
  std::shared_ptr<const text::Segmenter> seg = text::Segmenter::builtin();
  int64_t now = kNow, store_a = 0, store_b = 0, desk = 0;
  std::vector<people::Actor> agents;
  people::Actor supervisor, agent_b;
  std::vector<int64_t> ids;
};

TEST_P(RollupConsistency, RandomLifeCyclesLeaveTheRollupsARecountGives) {
  for (unsigned seed : {7u, 20261122u}) {
    live(40, seed);
    drain();
    EXPECT_TRUE(db->reader().get<storage::ReportStore>().dirty(10).empty());
    std::vector<reports::TicketFact> facts;
    const auto expected = recount(facts);
    EXPECT_EQ(db->reader().get<storage::ReportStore>().rollups(), expected) << "seed " << seed;
    EXPECT_EQ(db->reader().get<storage::ReportStore>().facts(ids), facts) << "seed " << seed;
    // Some of everything happened.
    reports::Measures all;
    for (const auto& [k, m] : expected)
      if (k.dim == "all") all.add(m);
    EXPECT_EQ(all.contacts, static_cast<int64_t>(ids.size()));
    EXPECT_GT(all.resolved, 0);
    EXPECT_GT(all.fcr, 0);
    EXPECT_GT(all.reopened, 0);
    EXPECT_GT(all.sla_missed, 0);
    EXPECT_GT(all.csat_n, 0);
  }
  now += 60 * kMinute;
  as(system_actor(), [](Context& c) { rebuild_reports(c); });
  std::vector<reports::TicketFact> facts;
  EXPECT_EQ(db->reader().get<storage::ReportStore>().rollups(), recount(facts));
}

// Each row's drill-down, with each metric, lists as many tickets as its figure says.
TEST_P(RollupConsistency, EveryDrillDownListsTheTicketsOfItsFigure) {
  live(60, 11);
  drain();
  const std::pair<const char*, int64_t reports::Measures::*> figures[] = {
      {"", &reports::Measures::contacts},
      {"resolved", &reports::Measures::resolved},
      {"fcr", &reports::Measures::fcr},
      {"reopened", &reports::Measures::reopened},
      {"sla_missed", &reports::Measures::sla_missed},
      {"sla_met", &reports::Measures::sla_met},
      {"rated", &reports::Measures::csat_n}};
  int checked = 0;
  for (const char* by : {"total", "day", "week", "store", "department", "staff", "type", "channel", "priority",
                         "category", "complaint_cause"}) {
    auto& r = db->reader();
    people::Actor admin{.staff_id = supervisor.staff_id, .username = "root", .role = "admin"};
    Context c{r, admin, now, seg.get()};
    auto m = report_metrics(c, {.from = "2026-11-20", .to = "2026-12-10", .by = by});
    for (const auto& row : m.rows) {
      if (!row.drill) continue;
      for (const auto& [metric, field] : figures) {
        TicketQuery q;
        auto& f = q.filter;
        const auto& d = *row.drill;
        auto num = [&](const char* k) -> std::optional<int64_t> {
          auto it = d.find(k);
          return it == d.end() ? std::nullopt : std::optional<int64_t>(std::stoll(it->second));
        };
        f.created_from = num("created_from");
        f.created_to = num("created_to");
        f.store_id = num("store_id");
        f.department_id = num("department_id");
        f.owner_id = num("owner_id");
        for (const char* k : {"type", "channel", "priority"})
          if (d.count(k)) (k[0] == 't' ? f.types : k[0] == 'c' ? f.channels : f.priorities).push_back(d.at(k));
        if (d.count("category")) f.category = d.at("category");
        f.metric = metric;
        f.limit = 200;
        EXPECT_EQ(static_cast<int64_t>(list_tickets(c, q).size()), row.m.*field)
            << "by " << by << " row " << row.key << " metric " << metric;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 100);
}

INSTANTIATE_TEST_SUITE_P(Backends, RollupConsistency, ::testing::ValuesIn(storage::Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::app
