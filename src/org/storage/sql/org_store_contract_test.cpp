// The storage contract of OrgStore: a department read by id.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "org/storage/org_store.hpp"

namespace kefu::storage {
namespace {

class OrgStoreContract : public Contract {};

TEST_P(OrgStoreContract, ADepartmentByIdIsTheOneInserted) {
  int64_t security = 0;
  db->write_sync([&](Stores& r) {
    // The same code in another store is another department.
    security = r.get<storage::OrgStore>().insert_department(
        {.store_id = store_b, .code = "desk", .name = "保安部", .kind = "security"});
  });
  auto& r = db->reader();
  auto d = r.get<storage::OrgStore>().department(dept);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->id, dept);
  EXPECT_EQ(d->store_id, store_a);
  EXPECT_EQ(d->code, "desk");
  EXPECT_EQ(d->name, "总服务台");
  EXPECT_EQ(d->kind, "desk");

  auto s = r.get<storage::OrgStore>().department(security);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->store_id, store_b);
  EXPECT_EQ(s->name, "保安部");
  EXPECT_EQ(s->kind, "security");

  EXPECT_FALSE(r.get<storage::OrgStore>().department(security + 1000));
  EXPECT_FALSE(r.get<storage::OrgStore>().department(0));
}

INSTANTIATE_TEST_SUITE_P(Backends, OrgStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
