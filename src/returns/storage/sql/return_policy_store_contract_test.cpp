// The storage contract of returns policies: versions per store, the newest in force, the
// history newest first, a version number taken once, the defaults marker.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "returns/storage/return_policy_store.hpp"

namespace kefu::storage {
namespace {

class ReturnPolicyContract : public Contract {
 protected:
  bool insert(const PolicyVersion& v) {
    bool ok = false;
    db->write_sync([&](Stores& s) { ok = s.get<ReturnPolicyStore>().insert_policy_version(v); });
    return ok;
  }
  ReturnPolicyStore& policies() { return db->reader().get<ReturnPolicyStore>(); }
};

TEST_P(ReturnPolicyContract, VersionsPerStoreNewestInForce) {
  EXPECT_FALSE(policies().current_policy(store_a));
  EXPECT_TRUE(policies().policy_versions(store_a, 10).empty());

  returns::Policy edited = returns::default_policy();
  edited.rules[1].match.max_days = 10;
  edited.rules[2].enabled = false;
  edited.rules[3].scope.store_ids = {store_a};
  edited.rules[3].scope.brands = {"某品牌"};
  PolicyVersion v1{0, store_a, 1, false, edited, "放宽质量退货期限", staff, 100};
  ASSERT_TRUE(insert(v1));
  PolicyVersion v2{0, store_a, 2, true, {}, "恢复默认", staff, 200};
  ASSERT_TRUE(insert(v2));
  PolicyVersion chain{0, 0, 1, false, returns::Policy{{edited.rules[0]}}, "", staff, 150};
  ASSERT_TRUE(insert(chain));
  EXPECT_FALSE(insert({0, store_a, 2, false, edited, "后到的保存", staff, 300})) << "version 2 is taken";

  auto now = policies().current_policy(store_a);
  ASSERT_TRUE(now);
  EXPECT_GT(now->id, 0);
  v2.id = now->id;
  EXPECT_EQ(*now, v2);

  auto history = policies().policy_versions(store_a, 10);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version, 2);
  v1.id = history[1].id;
  EXPECT_EQ(history[1], v1) << "the document round-trips";
  EXPECT_EQ(policies().policy_versions(store_a, 1).size(), 1u);

  auto c = policies().current_policy(0);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->policy.rules, chain.policy.rules);
  EXPECT_FALSE(policies().current_policy(store_b));
}

INSTANTIATE_TEST_SUITE_P(Backends, ReturnPolicyContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
