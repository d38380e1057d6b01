#pragma once
// The base of the use-case tests: a fresh SQLite file per test (named after the test),
// the built-in segmenter, staff made in one line, and `as(actor, fn, now)` running a use
// case in a committed write with a fixed clock.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/app/context.hpp"
#include "core/domain/error.hpp"
#include "core/domain/vocabulary_testing.hpp"
#include "core/storage/open.hpp"
#include "core/text/segmenter.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app::testing {

constexpr int64_t kNow = 1795278600000LL;  // 2026-11-22 00:30 Asia/Shanghai

// A fresh SQLite database in memory for the running test (no file; it goes with the
// Database object).
inline std::string memory_database_url() {
  static int next = 0;
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return "sqlite://file:kefu-" + std::to_string(::getpid()) + "-" + std::to_string(next++) + "-" +
         info->test_suite_name() + "-" + info->name() + "?mode=memory&cache=shared";
}

class UseCaseTest : public ::testing::Test {
 protected:
  void SetUp() override { db = storage::open_database(memory_database_url(), true); }

  people::Actor make(storage::Stores& r, const std::string& name, const std::string& role, std::vector<int64_t> stores,
                     std::vector<int64_t> depts, const std::string& email = "") {
    people::Staff s{0, name, name, people::Role::of(role), "", email, true, stores, depts, "x"};
    s.id = r.get<storage::OrgStore>().insert_staff(s);
    return people::Actor{
        .staff_id = s.id, .username = name, .role = s.role, .store_ids = stores, .department_ids = depts};
  }

  template <typename F>
  auto as(const people::Actor& who, F f, int64_t now = kNow) {
    decltype(f(std::declval<Context&>())) out{};
    db->write_sync([&](storage::Stores& r) {
      Context c{r, who, now, seg.get()};
      out = f(c);
    });
    return out;
  }

  // The error code a call throws ("none" when it does not).
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
};

}  // namespace kefu::app::testing
