#pragma once
// A use-case fixture for the callback, CSAT and report tests: a real SQLite file, a
// fixed clock, two stores (A with a desk, security department, agents, a supervisor
// and a manager; B with one agent) and one SLA policy for every type but praise:
// first response 30 min, resolution 240 min, callback 1440 min, all calendar time.
// Praise tickets therefore run without SLA clocks.
#include "core/app/use_case_test.hpp"
#include "core/domain/vocabulary_testing.hpp"
#include "org/storage/org_store.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app::testing {

constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute, kDay = 24 * kHour;

class SlaUseCases : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "A", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "B", .name = "乙店"});
      security = r.get<storage::OrgStore>().insert_department(
          {.store_id = store_a, .code = "security", .name = "保安部", .kind = "security"});
      desk = r.get<storage::OrgStore>().insert_department(
          {.store_id = store_a, .code = "desk", .name = "总服务台", .kind = "desk"});
      agent = make(r, "agent1", "agent", {store_a}, {desk});
      agent2 = make(r, "agent2", "agent", {store_a}, {desk});
      supervisor = make(r, "sup", "supervisor", {store_a}, {desk});
      manager = make(r, "mgr", "manager", {store_a}, {});
      agent_b = make(r, "agentb", "agent", {store_b}, {});
      admin = make(r, "root", "admin", {}, {});
      storage::SlaPolicyRecord p;
      p.policy = {.name = "测试策略",
                  .position = 1,
                  .conditions = {.types = std::vector<std::string>{"inquiry", "complaint", "return", "lost_found",
                                                                   "service_request", "suggestion"}},
                  .targets = {.first_response = sla::Target{30, sla::TimeMode::calendar},
                              .resolution = sla::Target{240, sla::TimeMode::calendar},
                              .callback = sla::Target{1440, sla::TimeMode::calendar}}};
      r.get<storage::SlaConfigStore>().insert_sla_policy(p);
    });
  }

  ticket::Ticket make_ticket(const people::Actor& who, int64_t at = kNow, std::string type = "complaint",
                             int64_t store = 0) {
    return as(
        who,
        [&](Context& c) {
          return create_ticket(c, {.store_id = store ? store : store_a,
                                   .type = type,
                                   .channel = "service_desk",
                                   .subject = "羽绒服洗后起球"});
        },
        at);
  }

  ticket::Ticket move(const people::Actor& who, int64_t id, const std::string& to, int64_t at) {
    return as(
        who, [&](Context& c) { return change_status(c, id, to, "", std::nullopt); }, at);
  }

  // Created at `at` by `who`, resolved an hour later.
  ticket::Ticket resolved_ticket(const people::Actor& who, int64_t at = kNow, std::string type = "complaint") {
    auto t = make_ticket(who, at, type);
    return move(who, t.id, "resolved", at + kHour);
  }

  int64_t store_a = 0, store_b = 0, desk = 0, security = 0;
  people::Actor agent, agent2, supervisor, manager, agent_b, admin;
};

}  // namespace kefu::app::testing
