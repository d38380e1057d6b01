// Account life's use cases on an in-memory database: who may do what, what each ends, and
// that a deactivated person's token no longer resolves.
#include "auth/app/accounts.hpp"

#include <gtest/gtest.h>

#include "auth/app/auth.hpp"
#include "auth/domain/password.hpp"
#include "core/app/use_case_test.hpp"
#include "core/domain/error.hpp"
#include "core/storage/open.hpp"
#include "core/storage/platform_stores.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::app {
namespace {

constexpr int64_t kNow = 1795278600000LL;

class AccountUseCases : public ::testing::Test {
 protected:
  void SetUp() override {
    db = storage::open_database(testing::memory_database_url(), true);
    db->write_sync([&](storage::Stores& r) {
      auto& org = r.get<storage::OrgStore>();
      admin.staff_id = org.insert_staff({.username = "admin", .role = "admin", .password_hash = "h"});
      li.staff_id = org.insert_staff({.username = "li", .role = "agent", .password_hash = "h"});
      auto& auth = r.get<storage::AuthStore>();
      auth.insert_session(people::token_digest("li-phone"), li.staff_id, kNow, kNow + 3600'000);
      auth.insert_session(people::token_digest("li-desk"), li.staff_id, kNow, kNow + 3600'000);
      auth.insert_api_token({.name = "POS", .staff_id = li.staff_id, .scopes = {"tickets:read"}, .created_at = kNow},
                            people::token_digest("li-token"));
    });
  }

  template <class F>
  std::string code_of(F f, const people::Actor& who) {
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
  bool resolves(const std::string& token) { return resolve_actor(db->reader(), token, kNow + 1).has_value(); }

  std::unique_ptr<storage::Database> db;
  people::Actor admin{.username = "admin", .role = "admin"};
  people::Actor li{.username = "li", .role = "agent"};
};

TEST_F(AccountUseCases, OnlyAdminsAdministerAccountsAndNobodyDeactivatesThemselves) {
  EXPECT_EQ(code_of([&](Context& c) { set_staff_active(c, admin.staff_id, false); }, li), "forbidden");
  EXPECT_EQ(code_of([&](Context& c) { end_staff_sessions(c, admin.staff_id); }, li), "forbidden");
  EXPECT_EQ(code_of([&](Context& c) { revoke_api_token(c, 1); }, li), "forbidden");
  EXPECT_EQ(code_of([&](Context& c) { list_api_tokens(c); }, li), "forbidden");
  EXPECT_EQ(code_of([&](Context& c) { set_staff_active(c, admin.staff_id, false); }, admin), "not_yourself");
  EXPECT_EQ(code_of([&](Context& c) { set_staff_active(c, 9999, false); }, admin), "not_found");
  EXPECT_EQ(code_of([&](Context& c) { revoke_api_token(c, 9999); }, admin), "not_found");
}

TEST_F(AccountUseCases, DeactivationEndsSessionsAndSilencesTokensUntilReactivated) {
  ASSERT_TRUE(resolves("li-phone"));
  ASSERT_TRUE(resolves("li-token"));
  EXPECT_EQ(code_of([&](Context& c) { EXPECT_FALSE(set_staff_active(c, li.staff_id, false).active); }, admin), "none");
  EXPECT_FALSE(resolves("li-phone"));
  EXPECT_FALSE(resolves("li-token"));
  EXPECT_EQ(code_of([&](Context& c) { set_staff_active(c, li.staff_id, true); }, admin), "none");
  EXPECT_FALSE(resolves("li-phone")) << "ended sessions stay ended";
  EXPECT_TRUE(resolves("li-token")) << "an unrevoked token works again";
}

TEST_F(AccountUseCases, APasswordChangeKeepsOnlyTheCallersSessionAndAResetEndsAll) {
  int ended = -1;
  EXPECT_EQ(code_of([&](Context& c) { ended = change_own_password(c, "new-hash", "li-desk"); }, li), "none");
  EXPECT_EQ(ended, 1);
  EXPECT_TRUE(resolves("li-desk"));
  EXPECT_FALSE(resolves("li-phone"));
  EXPECT_EQ(db->reader().get<storage::OrgStore>().staff(li.staff_id)->password_hash, "new-hash");

  EXPECT_EQ(code_of([&](Context& c) { ended = reset_password(c, li.staff_id, "temp-hash"); }, admin), "none");
  EXPECT_EQ(ended, 1);
  EXPECT_FALSE(resolves("li-desk"));
  EXPECT_TRUE(must_change_password(db->reader(), li.staff_id));
  EXPECT_EQ(code_of([&](Context& c) { change_own_password(c, "own-hash", "x"); }, li), "none");
  EXPECT_FALSE(must_change_password(db->reader(), li.staff_id)) << "cleared by the person's own choice";
}

TEST_F(AccountUseCases, TokensAreRevokedOnceAndAudited) {
  int64_t id = 0;
  EXPECT_EQ(code_of([&](Context& c) { id = list_api_tokens(c).at(0).id; }, admin), "none");
  EXPECT_EQ(code_of([&](Context& c) { EXPECT_TRUE(revoke_api_token(c, id).revoked); }, admin), "none");
  EXPECT_FALSE(resolves("li-token"));
  EXPECT_EQ(code_of([&](Context& c) { revoke_api_token(c, id); }, admin), "none") << "twice is no error";
  auto audit = db->reader().get<storage::AuditStore>().audit("api_token", id);
  EXPECT_EQ(audit.size(), 1u);
}

TEST_F(AccountUseCases, APasswordChangeNeedsTheCurrentPasswordAndASessionAndFollowsThePolicy) {
  db->write_sync([&](storage::Stores& r) {
    auto s = *r.get<storage::OrgStore>().staff(li.staff_id);
    s.password_hash = people::hash_password("Old-pass-2026");
    r.get<storage::OrgStore>().update_staff(s);
  });
  auto code = [&](const people::Actor& who, const std::string& current, const std::string& next) -> std::string {
    try {
      prepare_password_change(db->reader(), who, current, next);
    } catch (const Error& e) {
      return e.code();
    }
    return "none";
  };
  EXPECT_EQ(code(li, "wrong-pass-1", "New-pass-2026"), "wrong_password");
  EXPECT_EQ(code(li, "Old-pass-2026", "Old-pass-2026"), "password_unchanged");
  EXPECT_EQ(code(li, "Old-pass-2026", "li-is-me-2026"), "weak_password");
  people::Actor token = li;
  token.via_token = true;
  EXPECT_EQ(code(token, "Old-pass-2026", "New-pass-2026"), "not_a_session");
  EXPECT_EQ(code(li, "Old-pass-2026", "New-pass-2026"), "none");
}

}  // namespace
}  // namespace kefu::app
