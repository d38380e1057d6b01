// The storage contract of AuthStore: sessions end when they are deleted (logout), API
// tokens expire, login failures are counted since a time and cleared.
#include <gtest/gtest.h>

#include "auth/storage/auth_store.hpp"
#include "core/storage/contract_fixture.hpp"

namespace kefu::storage {
namespace {

class AuthStoreContract : public Contract {};

TEST_P(AuthStoreContract, ADeletedSessionNoLongerResolvesAndOthersStay) {
  db->write_sync([&](Stores& r) {
    r.get<storage::AuthStore>().insert_session("phone", staff, 0, 1000);
    r.get<storage::AuthStore>().insert_session("desk", staff, 0, 1000);
  });
  ASSERT_EQ(db->reader().get<storage::AuthStore>().session_staff("phone", 10), staff);

  db->write_sync([&](Stores& r) { r.get<storage::AuthStore>().delete_session("phone"); });
  auto& r = db->reader();
  EXPECT_FALSE(r.get<storage::AuthStore>().session_staff("phone", 10)) << "logged out, though not expired";
  EXPECT_EQ(r.get<storage::AuthStore>().session_staff("desk", 10), staff) << "the staff member's other session";
  EXPECT_EQ(r.count("sessions"), 1);

  // Deleting twice, or a digest that never was, is no error and deletes nothing else.
  EXPECT_NO_THROW(db->write_sync([&](Stores& w) {
    w.get<storage::AuthStore>().delete_session("phone");
    w.get<storage::AuthStore>().delete_session("never");
  }));
  EXPECT_EQ(db->reader().get<storage::AuthStore>().session_staff("desk", 10), staff);

  // The digest is free again: the same one can start a new session.
  db->write_sync([&](Stores& w) { w.get<storage::AuthStore>().insert_session("phone", staff, 20, 2000); });
  EXPECT_EQ(db->reader().get<storage::AuthStore>().session_staff("phone", 1500), staff);
}

// Tests of the Contract suite (core/storage/contract_fixture.hpp), instantiated in
// core/storage/contract_test.cpp.
TEST_P(Contract, ApiTokensAndLoginFailures) {
  int64_t id = 0;
  db->write_sync([&](Stores& r) {
    id = r.get<storage::AuthStore>().insert_api_token(
        {.name = "POS", .staff_id = staff, .scopes = {"a", "b"}, .created_at = 1}, "t1");
    r.get<storage::AuthStore>().insert_api_token({.name = "old", .staff_id = staff, .created_at = 1, .expires_at = 50},
                                                 "t2");
    for (int64_t at : {10, 20, 30}) r.get<storage::AuthStore>().record_login_failure("li", "1.2.3.4", at);
  });
  auto& r = db->reader();
  auto t = r.get<storage::AuthStore>().api_token("t1", 100);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->id, id);
  EXPECT_EQ(t->scopes, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(t->expires_at);
  EXPECT_TRUE(r.get<storage::AuthStore>().api_token("t2", 49));
  EXPECT_FALSE(r.get<storage::AuthStore>().api_token("t2", 50));
  EXPECT_EQ(r.get<storage::AuthStore>().login_failures_since("li", 20), 2);
  db->write_sync([&](Stores& w) { w.get<storage::AuthStore>().clear_login_failures("li"); });
  EXPECT_EQ(db->reader().get<storage::AuthStore>().login_failures_since("li", 0), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
