// The storage contract of OrgStore: stores, departments and staff with their links.
#include <gtest/gtest.h>

#include "core/domain/error.hpp"
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

// Tests of the Contract suite (core/storage/contract_fixture.hpp), instantiated in
// core/storage/contract_test.cpp.
TEST_P(Contract, OrganisationRoundTrips) {
  auto& r = db->reader();
  auto st = r.get<storage::OrgStore>().store(store_a);
  ASSERT_TRUE(st);
  EXPECT_EQ(st->name, "甲店");
  ASSERT_EQ(st->hours.size(), 1u);
  EXPECT_EQ(st->hours[0].close, "22:00");
  auto p = r.get<storage::OrgStore>().staff_by_username("li");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->store_ids, std::vector<int64_t>{store_a});
  EXPECT_EQ(p->department_ids, std::vector<int64_t>{dept});
  EXPECT_FALSE(r.get<storage::OrgStore>().staff_by_username("nobody"));
  EXPECT_TRUE(r.get<storage::OrgStore>().store_exists(store_b));
  EXPECT_FALSE(r.get<storage::OrgStore>().store_exists(store_b + 100));
}

TEST_P(Contract, DuplicateUsernameIsAConflictAndKeepsTheFirst) {
  EXPECT_THROW(
      db->write_sync([&](Stores& r) { r.get<storage::OrgStore>().insert_staff({.username = "li", .role = "agent"}); }),
      Error);
  EXPECT_EQ(db->reader().count("staff"), 1);
}

TEST_P(Contract, DepartmentsAndStaffLinksByStore) {
  int64_t dept_b = 0, boss = 0;
  db->write_sync([&](Stores& r) {
    dept_b = r.get<storage::OrgStore>().insert_department(
        {.store_id = store_b, .code = "desk", .name = "服务台", .kind = "desk"});
    boss = r.get<storage::OrgStore>().insert_staff(
        {.username = "wang", .role = "supervisor", .store_ids = {store_a, store_b}});
    r.get<storage::OrgStore>().insert_staff(
        {.username = "zhao", .role = "supervisor", .active = false, .store_ids = {store_a}});
  });
  auto& r = db->reader();
  EXPECT_EQ(r.get<storage::OrgStore>().departments(std::nullopt).size(), 2u);
  ASSERT_EQ(r.get<storage::OrgStore>().departments(store_b).size(), 1u);
  EXPECT_EQ(r.get<storage::OrgStore>().departments(store_b)[0].id, dept_b);
  EXPECT_TRUE(r.get<storage::OrgStore>().departments(store_b + 100).empty());
  // Active staff of the store with that role only.
  auto sup = r.get<storage::OrgStore>().staff_in_store(store_b, "supervisor");
  ASSERT_EQ(sup.size(), 1u);
  EXPECT_EQ(sup[0].store_ids, (std::vector<int64_t>{store_a, store_b}));
  EXPECT_EQ(r.get<storage::OrgStore>().staff_in_store(store_a, "supervisor").size(), 1u);
  // An update replaces the links as a whole.
  db->write_sync([&](Stores& w) {
    auto p = *w.get<storage::OrgStore>().staff(boss);
    p.store_ids = {store_b};
    p.department_ids = {dept_b};
    p.display_name = "王";
    w.get<storage::OrgStore>().update_staff(p);
  });
  EXPECT_TRUE(db->reader().get<storage::OrgStore>().staff_in_store(store_a, "supervisor").empty());
  auto p = db->reader().get<storage::OrgStore>().staff(boss);
  EXPECT_EQ(p->display_name, "王");
  EXPECT_EQ(p->department_ids, std::vector<int64_t>{dept_b});
  EXPECT_EQ(db->reader().get<storage::OrgStore>().staff_list().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Backends, OrgStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
