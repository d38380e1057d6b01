#pragma once
// The storage contract's fixture: a fresh database per test with two stores, a desk
// and one agent. A new backend adds itself to Backends() and nothing else.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "storage/open.hpp"

namespace kefu::storage {

struct Backend {
  std::string name;
  std::function<std::string(const std::string& test)> url;
};

inline std::vector<Backend> Backends() {
  return {{"sqlite", [](const std::string& test) {
             auto dir = std::filesystem::temp_directory_path() / ("kefu-contract-" + std::to_string(::getpid()));
             std::filesystem::create_directories(dir);
             auto path = dir / (test + ".db");
             for (auto ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
             return "sqlite://" + path.string();
           }}};
}

class Contract : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db = open_database(GetParam().url(::testing::UnitTest::GetInstance()->current_test_info()->name()), true);
    db->write_sync([&](Repository& r) {
      store_a = r.insert_store({.code = "A", .name = "甲店", .hours = {{1, "10:00", "22:00"}}});
      store_b = r.insert_store({.code = "B", .name = "乙店"});
      dept = r.insert_department({.store_id = store_a, .code = "desk", .name = "总服务台", .kind = "desk"});
      staff = r.insert_staff({.username = "li",
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
