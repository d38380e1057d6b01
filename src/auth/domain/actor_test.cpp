#include "auth/domain/actor.hpp"

#include <gtest/gtest.h>

#include "auth/domain/password.hpp"

namespace kefu::people {

TEST(Actor, StoreScope) {
  Actor agent{.staff_id = 1, .role = "agent", .store_ids = {1}};
  Actor admin{.staff_id = 2, .role = "admin"};
  EXPECT_TRUE(agent.in_store(1));
  EXPECT_FALSE(agent.in_store(2));
  EXPECT_TRUE(admin.in_store(2));
}

TEST(Actor, RolesAreRanked) {
  Actor sup{.role = "supervisor"};
  EXPECT_TRUE(sup.at_least("agent"));
  EXPECT_TRUE(sup.at_least("supervisor"));
  EXPECT_FALSE(sup.at_least("manager"));
  EXPECT_TRUE(sup.sees_full_phone());
  EXPECT_FALSE(Actor{.role = "agent"}.sees_full_phone());
  EXPECT_FALSE(is_role("boss"));
}

TEST(Actor, TokenScopes) {
  Actor t{.role = "agent", .scopes = {"tickets:write"}, .via_token = true};
  EXPECT_TRUE(t.has_scope("tickets:write"));
  EXPECT_TRUE(t.has_scope("tickets:read"));
  EXPECT_FALSE(t.has_scope("members:read"));
  Actor console{.role = "agent"};
  EXPECT_TRUE(console.has_scope("members:write"));
}

TEST(Password, Argon2idRoundTrip) {
  auto h = hash_password("正确的密码 correct horse");
  EXPECT_TRUE(h.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password("正确的密码 correct horse", h));
  EXPECT_FALSE(verify_password("wrong", h));
  EXPECT_NE(hash_password("x"), hash_password("x"));  // salted
}

TEST(Token, RandomAndDigested) {
  auto a = new_token(), b = new_token();
  EXPECT_NE(a, b);
  EXPECT_GE(a.size(), 40u);
  EXPECT_EQ(token_digest(a), token_digest(a));
  EXPECT_NE(token_digest(a), a);
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Actor, TheCustomerPassesNoStaffCheck) {
  const auto& c = customer_actor();
  EXPECT_EQ(c.staff_id, 0);
  for (auto role : {"agent", "dept_head", "supervisor", "manager", "admin"})
    EXPECT_FALSE(c.at_least(*Role::parse(role)));
  EXPECT_FALSE(c.is_admin());
  EXPECT_FALSE(c.in_store(1));
  EXPECT_FALSE(c.in_department(1));
  for (const auto& s : kScopes) EXPECT_FALSE(c.has_scope(s.value)) << s.code;
  EXPECT_FALSE(c.sees_full_phone());
  EXPECT_FALSE(c.sees_sensitive_data());
  // Whatever role it is given, it stays a customer.
  Actor a = c;
  a.role = "admin";
  EXPECT_FALSE(a.is_admin());
  EXPECT_FALSE(a.in_store(1));
}

}  // namespace kefu::people
