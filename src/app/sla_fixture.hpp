#pragma once
// A use-case fixture for the callback, CSAT and report tests: a real SQLite file, a
// fixed clock, two stores (A with a desk, security department, agents, a supervisor
// and a manager; B with one agent) and one SLA policy for every type but praise:
// first response 30 min, resolution 240 min, callback 1440 min, all calendar time.
// Praise tickets therefore run without SLA clocks.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "app/context.hpp"
#include "app/tickets.hpp"
#include "domain/common/error.hpp"
#include "domain/text/segmenter.hpp"
#include "storage/open.hpp"

namespace kefu::app::testing {

constexpr int64_t kNow = 1795278600000LL;  // 2026-11-22 00:30 Asia/Shanghai
constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute, kDay = 24 * kHour;

class SlaUseCases : public ::testing::Test {
 protected:
  void SetUp() override {
    auto path = std::filesystem::temp_directory_path() /
                ("kefu-app-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_suite()->name() + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
    db = storage::open_database("sqlite://" + path.string(), true);
    db->write_sync([&](storage::Repository& r) {
      store_a = r.insert_store({.code = "A", .name = "甲店"});
      store_b = r.insert_store({.code = "B", .name = "乙店"});
      security = r.insert_department({.store_id = store_a, .code = "security", .name = "保安部", .kind = "security"});
      desk = r.insert_department({.store_id = store_a, .code = "desk", .name = "总服务台", .kind = "desk"});
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
      r.insert_sla_policy(p);
    });
  }

  people::Actor make(storage::Repository& r, const std::string& name, const std::string& role,
                     std::vector<int64_t> stores, std::vector<int64_t> depts) {
    people::Staff s{0, name, name, role, "", "", true, stores, depts, "x"};
    s.id = r.insert_staff(s);
    return people::Actor{
        .staff_id = s.id, .username = name, .role = role, .store_ids = stores, .department_ids = depts};
  }

  template <typename F>
  auto as(const people::Actor& who, F f, int64_t now = kNow) {
    decltype(f(std::declval<Context&>())) out{};
    db->write_sync([&](storage::Repository& r) {
      Context c{r, who, now, seg.get()};
      out = f(c);
    });
    return out;
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

  static std::string code_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.code();
    }
    return "none";
  }

  std::unique_ptr<storage::Database> db;
  std::shared_ptr<const text::Segmenter> seg = text::Segmenter::builtin();
  int64_t store_a = 0, store_b = 0, desk = 0, security = 0;
  people::Actor agent, agent2, supervisor, manager, agent_b, admin;
};

}  // namespace kefu::app::testing
