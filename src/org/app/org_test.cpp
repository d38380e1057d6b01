#include "org/app/org.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "auth/app/auth.hpp"
#include "core/app/use_case_test.hpp"
#include "core/domain/error.hpp"
#include "core/storage/open.hpp"
#include "core/storage/platform_stores.hpp"
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

TEST_F(OrgUseCases, FailedLoginsLockTheNameFromThatAddressOnly) {
  std::optional<people::Staff> nobody;
  auto fail = [&](const std::string& name, const std::string& remote, int64_t at) {
    db->write_sync([&](storage::Stores& r) { EXPECT_FALSE(finish_login(r, name, nobody, false, remote, at)); });
  };
  for (int i = 0; i < kLoginPairFailures; ++i) fail("ghost", "10.0.0.1", kNow + i);
  EXPECT_THROW(check_login_allowed(db->reader(), "ghost", "10.0.0.1", kNow + 10), Error);
  EXPECT_NO_THROW(check_login_allowed(db->reader(), "ghost", "10.0.0.2", kNow + 10)) << "another address";
  EXPECT_NO_THROW(check_login_allowed(db->reader(), "other", "10.0.0.1", kNow + 10)) << "another account";
  EXPECT_NO_THROW(check_login_allowed(db->reader(), "ghost", "10.0.0.1", kNow + kLoginWindowMs + 10));
}

TEST_F(OrgUseCases, AnAddressFailingOnManyNamesIsBlockedForAll) {
  std::optional<people::Staff> nobody;
  for (int i = 0; i < kLoginAddressFailures; ++i)
    db->write_sync([&](storage::Stores& r) {
      EXPECT_FALSE(finish_login(r, "name" + std::to_string(i), nobody, false, "10.0.0.9", kNow + i));
    });
  try {
    check_login_allowed(db->reader(), "admin", "10.0.0.9", kNow + 100);
    ADD_FAILURE() << "not blocked";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "login_locked");
    EXPECT_EQ(e.retry_after_s(), 15 * 60);
  }
  EXPECT_NO_THROW(check_login_allowed(db->reader(), "admin", "10.0.0.8", kNow + 100));
}

TEST_F(OrgUseCases, AFailedLoginAuditsTheNameOnlyWhenSuchAnAccountExists) {
  std::optional<people::Staff> li = people::Staff{.id = 42, .username = "wangli", .role = "agent"};
  db->write_sync([&](storage::Stores& r) {
    finish_login(r, "wangli", li, false, "10.0.0.1", kNow);
    finish_login(r, "MySecretPassw0rd", std::nullopt, false, "10.0.0.1", kNow);
  });
  auto known = db->reader().get<storage::AuditStore>().audit("staff", li->id);
  ASSERT_FALSE(known.empty());
  EXPECT_NE(known.back().after_json.find("\"username\":\"wangli\""), std::string::npos) << known.back().after_json;
  auto unknown = db->reader().get<storage::AuditStore>().audit("staff", 0);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].after_json.find("MySecretPassw0rd"), std::string::npos) << unknown[0].after_json;
  EXPECT_NE(unknown[0].after_json.find("unknown_username"), std::string::npos);
}

}  // namespace
}  // namespace kefu::app
