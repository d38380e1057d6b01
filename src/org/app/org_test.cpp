#include "org/app/org.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "auth/app/auth.hpp"
#include "core/app/use_case_test.hpp"
#include "core/domain/error.hpp"
#include "core/storage/open.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app {
namespace {

constexpr int64_t kNow = 1795278600000LL;

class OrgUseCases : public ::testing::Test {
 protected:
  void SetUp() override { db = storage::open_database(testing::memory_database_url(), true); }

  std::string code_of(const std::function<void(Context&)>& f, const people::Actor& who) {
    try {
      db->write_sync([&](storage::Stores& r) {
        Context c{r, who, kNow, nullptr};
        f(c);
      });
    } catch (const Error& e) {
      return e.code();
    }
    return "none";
  }

  std::unique_ptr<storage::Database> db;
  people::Actor admin{.staff_id = 1, .username = "admin", .role = "admin"};
  people::Actor manager{.staff_id = 2, .username = "boss", .role = "manager"};
};

TEST_F(OrgUseCases, StoresNeedRealZonesAndHours) {
  auto store = [](std::string tz, std::string open, std::string close) {
    return people::Store{0, "S1", "一号店", tz, "", {{1, open, close}}};
  };
  EXPECT_EQ(code_of([&](Context& c) { create_store(c, store("Mars/Olympus", "10:00", "22:00")); }, admin),
            "invalid_time_zone");
  EXPECT_EQ(code_of([&](Context& c) { create_store(c, store("Asia/Shanghai", "10:00", "24:30")); }, admin),
            "invalid_time");
  EXPECT_EQ(code_of([&](Context& c) { create_store(c, store("Asia/Shanghai", "22:00", "10:00")); }, admin),
            "invalid_time");
  EXPECT_EQ(code_of([&](Context& c) { create_store(c, store("Asia/Shanghai", "10:00", "22:00")); }, manager),
            "forbidden");
  EXPECT_EQ(code_of([&](Context& c) { create_store(c, store("Asia/Shanghai", "10:00", "24:00")); }, admin), "none");
  EXPECT_EQ(db->reader().count("stores"), 1);
}

TEST_F(OrgUseCases, ApiTokensExpireInTheFutureAndNeedKnownScopes) {
  db->write_sync([](storage::Stores& r) {
    r.get<storage::OrgStore>().insert_staff({.username = "pos", .role = "agent", .password_hash = "x"});
  });
  auto staff_id = db->reader().get<storage::OrgStore>().staff_by_username("pos")->id;
  EXPECT_EQ(code_of(
                [&](Context& c) {
                  create_api_token(c, {"POS", staff_id, {"tickets:read"}, kNow - 1});
                },
                admin),
            "invalid_time");
  EXPECT_EQ(code_of(
                [&](Context& c) {
                  create_api_token(c, {"POS", staff_id, {"everything"}, {}});
                },
                admin),
            "invalid_enum");
  EXPECT_EQ(code_of(
                [&](Context& c) {
                  create_api_token(c, {"POS", staff_id, {"tickets:read"}, {}});
                },
                manager),
            "forbidden");
  std::string token;
  db->write_sync([&](storage::Stores& r) {
    Context c{r, admin, kNow, nullptr};
    token = create_api_token(c, {"POS", staff_id, {"tickets:read"}, kNow + 60000});
  });
  auto actor = resolve_actor(db->reader(), token, kNow);
  ASSERT_TRUE(actor);
  EXPECT_TRUE(actor->via_token);
  EXPECT_TRUE(actor->has_scope("tickets:read"));
  EXPECT_FALSE(actor->has_scope("tickets:write"));
  EXPECT_FALSE(resolve_actor(db->reader(), token, kNow + 60000));  // expired
}

TEST_F(OrgUseCases, FailedLoginsAreCountedAndLockTheName) {
  std::optional<people::Staff> nobody;
  for (int i = 0; i < kMaxLoginFailures; ++i) {
    db->write_sync(
        [&](storage::Stores& r) { EXPECT_FALSE(finish_login(r, "ghost", nobody, false, "127.0.0.1", kNow + i)); });
  }
  EXPECT_THROW(check_login_allowed(db->reader(), "ghost", kNow + 10), Error);
  EXPECT_NO_THROW(check_login_allowed(db->reader(), "ghost", kNow + kLockoutWindowMs + 10));
}

}  // namespace
}  // namespace kefu::app
