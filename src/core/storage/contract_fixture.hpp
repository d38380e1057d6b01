#pragma once
// The storage contract's fixture: a fresh database per test with two stores, a desk
// and one agent. A new backend adds itself to Backends() and nothing else.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "auth/storage/auth_store.hpp"
#include "callbacks/storage/callback_store.hpp"
#include "core/domain/vocabulary_testing.hpp"
#include "core/storage/open.hpp"
#include "core/storage/pg/database.hpp"
#include "core/storage/platform_stores.hpp"
#include "members/storage/member_store.hpp"
#include "notifications/storage/notification_store.hpp"
#include "notifications/storage/outbox_store.hpp"
#include "org/storage/org_store.hpp"
#include "public_tickets/storage/contact_store.hpp"
#include "remedies/storage/remedy_store.hpp"
#include "reports/storage/report_store.hpp"
#include "sla/storage/clock_store.hpp"
#include "sla/storage/sla_config_store.hpp"
#include "tickets/storage/task_store.hpp"
#include "tickets/storage/ticket_store.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::storage {

struct Backend {
  std::string name;
  std::function<std::string(const std::string& test)> url;
};
inline void PrintTo(const Backend& b, std::ostream* os) { *os << b.name; }

// PostgreSQL runs when KEFU_TEST_PG names a server (scripts/test.sh starts one, see
// scripts/pg.sh); each test gets a fresh schema there. Without it those tests skip
// (they are always listed, so ctest knows them whatever the build's environment).
inline std::vector<Backend> Backends() {
  std::vector<Backend> all{{"sqlite", [](const std::string& test) {
                              auto dir = std::filesystem::temp_directory_path() /
                                         ("kefu-contract-" + std::to_string(::getpid()));
                              std::filesystem::create_directories(dir);
                              auto path = dir / (test + ".db");
                              for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
                              return "sqlite://" + path.string();
                            }}};
  all.push_back({"postgresql", [](const std::string& test) -> std::string {
                   const char* base = std::getenv("KEFU_TEST_PG");
                   if (!base || !*base) return "";
                   std::string schema = "c_";
                   for (char ch : test) schema += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                   // PostgreSQL cuts names at 63 bytes: keep long ones distinct.
                   if (schema.size() > 48)
                     schema =
                         schema.substr(0, 32) + "_" + std::to_string(std::hash<std::string>{}(schema) % 1000000007);
                   return pg::schema_url(base, schema, true);
                 }});
  return all;
}

class Contract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    auto url = GetParam().url(std::string(info->test_suite_name()) + "_" + info->name());
    if (url.empty()) GTEST_SKIP() << "set KEFU_TEST_PG to a PostgreSQL URL (scripts/pg.sh start)";
    db = open_database(url, true);
    db->write_sync([&](Stores& r) {
      store_a =
          r.get<storage::OrgStore>().insert_store({.code = "A", .name = "甲店", .hours = {{1, "10:00", "22:00"}}});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "B", .name = "乙店"});
      dept = r.get<storage::OrgStore>().insert_department(
          {.store_id = store_a, .code = "desk", .name = "总服务台", .kind = "desk"});
      staff = r.get<storage::OrgStore>().insert_staff({.username = "li",
                                                       .display_name = "李",
                                                       .role = "agent",
                                                       .store_ids = {store_a},
                                                       .department_ids = {dept},
                                                       .password_hash = "h"});
    });
  }

  ticket::Ticket make_ticket(int64_t store, int64_t at, std::string subject = "咨询") {
    ticket::Ticket t;
    t.store_id = store;
    t.type = "inquiry";
    t.channel = "service_desk";
    t.priority = "P4";
    t.subject = std::move(subject);
    t.created_by = staff;
    t.owner_id = staff;
    t.created_at = t.updated_at = at;
    return t;
  }

  std::unique_ptr<Database> db;
  int64_t store_a = 0, store_b = 0, dept = 0, staff = 0;
};

}  // namespace kefu::storage
