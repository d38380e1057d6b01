// The storage contract of AuthStore: sessions end when they are deleted (logout), API
// tokens expire, login failures are counted since a time and cleared.
#include <gtest/gtest.h>

#include "auth/storage/auth_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "org/storage/org_store.hpp"

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

// Issue 11, hole 8: a staff member's sessions are listed and ended together, sparing one
// (the caller's) when asked; nobody else's are touched.
TEST_P(AuthStoreContract, SessionsOfOneStaffAreListedAndEndedTogether) {
  int64_t wang = 0;
  db->write_sync([&](Stores& r) {
    wang = r.get<storage::OrgStore>().insert_staff(
        {.username = "wang", .display_name = "王", .role = "agent", .password_hash = "h"});
    auto& a = r.get<storage::AuthStore>();
    a.insert_session("phone", staff, 10, 1000);
    a.insert_session("desk", staff, 20, 1000);
    a.insert_session("old", staff, 1, 5);  // expired: not listed
    a.insert_session("wang", wang, 30, 1000);
  });
  auto listed = db->reader().get<storage::AuthStore>().sessions_of(staff, 100);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].digest, "desk") << "newest first";
  EXPECT_EQ(listed[0].created_at, 20);
  EXPECT_EQ(listed[0].expires_at, 1000);
  EXPECT_EQ(listed[1].digest, "phone");

  int ended = 0;
  db->write_sync([&](Stores& r) { ended = r.get<storage::AuthStore>().delete_sessions_of(staff, "desk"); });
  EXPECT_EQ(ended, 2) << "phone and the expired one";
  auto& r = db->reader();
  EXPECT_EQ(r.get<storage::AuthStore>().session_staff("desk", 100), staff) << "the one kept";
  EXPECT_FALSE(r.get<storage::AuthStore>().session_staff("phone", 100));
  EXPECT_EQ(r.get<storage::AuthStore>().session_staff("wang", 100), wang) << "another person's session";

  db->write_sync([&](Stores& w) { ended = w.get<storage::AuthStore>().delete_sessions_of(staff, ""); });
  EXPECT_EQ(ended, 1);
  EXPECT_TRUE(db->reader().get<storage::AuthStore>().sessions_of(staff, 100).empty());
  EXPECT_EQ(db->reader().get<storage::AuthStore>().sessions_of(wang, 100).size(), 1u);
}

// A revoked token no longer resolves, keeps the time of its first revocation, and stays in
// the list (newest first) with its state; an unknown id is nullopt.
TEST_P(AuthStoreContract, ARevokedTokenStopsResolvingAndIsListedAsRevoked) {
  int64_t pos = 0, crm = 0;
  db->write_sync([&](Stores& r) {
    pos = r.get<storage::AuthStore>().insert_api_token(
        {.name = "POS", .staff_id = staff, .scopes = {"tickets:read"}, .created_at = 1}, "pos");
    crm = r.get<storage::AuthStore>().insert_api_token(
        {.name = "CRM", .staff_id = staff, .scopes = {"members:read"}, .created_at = 2, .expires_at = 900}, "crm");
  });
  std::optional<ApiToken> revoked;
  db->write_sync([&](Stores& r) { revoked = r.get<storage::AuthStore>().revoke_api_token(pos, 50); });
  ASSERT_TRUE(revoked);
  EXPECT_TRUE(revoked->revoked);
  EXPECT_EQ(revoked->revoked_at, 50);
  EXPECT_EQ(revoked->name, "POS");
  EXPECT_FALSE(db->reader().get<storage::AuthStore>().api_token("pos", 60)) << "revoked, though not expired";
  EXPECT_TRUE(db->reader().get<storage::AuthStore>().api_token("crm", 60));

  db->write_sync([&](Stores& r) {
    revoked = r.get<storage::AuthStore>().revoke_api_token(pos, 70);
    EXPECT_FALSE(r.get<storage::AuthStore>().revoke_api_token(9999, 70));
  });
  EXPECT_EQ(revoked->revoked_at, 50) << "revoking again keeps the first time";

  auto all = db->reader().get<storage::AuthStore>().api_tokens();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, crm);
  EXPECT_FALSE(all[0].revoked);
  EXPECT_FALSE(all[0].revoked_at);
  EXPECT_EQ(all[0].expires_at, 900);
  EXPECT_EQ(all[0].scopes, (std::vector<std::string>{"members:read"}));
  EXPECT_EQ(all[1].id, pos);
  EXPECT_TRUE(all[1].revoked);
}

TEST_P(AuthStoreContract, APasswordChangeIsRequiredUntilCleared) {
  EXPECT_FALSE(db->reader().get<storage::AuthStore>().password_change_required(staff));
  db->write_sync([&](Stores& r) {
    r.get<storage::AuthStore>().set_password_change_required(staff, true, 10);
    r.get<storage::AuthStore>().set_password_change_required(staff, true, 20);  // twice: no error
  });
  EXPECT_TRUE(db->reader().get<storage::AuthStore>().password_change_required(staff));
  db->write_sync([&](Stores& r) { r.get<storage::AuthStore>().set_password_change_required(staff, false, 30); });
  EXPECT_FALSE(db->reader().get<storage::AuthStore>().password_change_required(staff));
}

// Tests of the Contract suite (core/storage/contract_fixture.hpp), instantiated in
// core/storage/contract_test.cpp.
TEST_P(Contract, ApiTokens) {
  int64_t id = 0;
  db->write_sync([&](Stores& r) {
    id = r.get<storage::AuthStore>().insert_api_token(
        {.name = "POS", .staff_id = staff, .scopes = {"a", "b"}, .created_at = 1}, "t1");
    r.get<storage::AuthStore>().insert_api_token({.name = "old", .staff_id = staff, .created_at = 1, .expires_at = 50},
                                                 "t2");
  });
  auto& r = db->reader();
  auto t = r.get<storage::AuthStore>().api_token("t1", 100);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->id, id);
  EXPECT_EQ(t->scopes, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(t->expires_at);
  EXPECT_TRUE(r.get<storage::AuthStore>().api_token("t2", 49));
  EXPECT_FALSE(r.get<storage::AuthStore>().api_token("t2", 50));
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
