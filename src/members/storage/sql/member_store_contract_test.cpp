// The storage contract of MemberStore: members by id, phone and member number.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "members/storage/member_store.hpp"

namespace kefu::storage {
namespace {

class MemberStoreContract : public Contract {};

TEST_P(MemberStoreContract, AMemberByIdRoundTripsEveryField) {
  int64_t wang = 0, zhao = 0;
  db->write_sync([&](Stores& r) {
    wang = r.get<storage::MemberStore>().insert_member({.member_no = "M00000001",
                                                        .name = "王芳",
                                                        .phone = "13812345678",
                                                        .tier = "gold",
                                                        .birthday = "1958-03-08",
                                                        .care_flags = {"elderly", "disabled"},
                                                        .home_store_id = store_b,
                                                        .created_at = 1795278600000LL});
    // Without a home store.
    zhao = r.get<storage::MemberStore>().insert_member(
        {.member_no = "M00000002", .name = "赵磊", .phone = "13900000000", .created_at = 5});
  });
  EXPECT_NE(wang, zhao);
  auto& r = db->reader();
  auto m = r.get<storage::MemberStore>().member(wang);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->id, wang);
  EXPECT_EQ(m->member_no, "M00000001");
  EXPECT_EQ(m->name, "王芳");
  EXPECT_EQ(m->phone, "13812345678");
  EXPECT_EQ(m->tier, "gold");
  EXPECT_EQ(m->birthday, "1958-03-08");
  EXPECT_EQ(m->care_flags, (std::vector<std::string>{"elderly", "disabled"}));
  EXPECT_EQ(m->home_store_id, store_b);
  EXPECT_EQ(m->created_at, 1795278600000LL);

  auto z = r.get<storage::MemberStore>().member(zhao);
  ASSERT_TRUE(z);
  EXPECT_EQ(z->member_no, "M00000002");
  EXPECT_EQ(z->tier, "normal");
  EXPECT_EQ(z->birthday, "");
  EXPECT_TRUE(z->care_flags.empty());
  EXPECT_EQ(z->home_store_id, 0) << "no home store reads back as 0";

  EXPECT_FALSE(r.get<storage::MemberStore>().member(zhao + 1000));
}

// Tests of the Contract suite (core/storage/contract_fixture.hpp), instantiated in
// core/storage/contract_test.cpp.
TEST_P(Contract, MembersByPhoneAndNumber) {
  db->write_sync([&](Stores& r) {
    r.get<storage::MemberStore>().insert_member(
        {.member_no = "M00000001", .name = "王芳", .phone = "13812345678", .care_flags = {"elderly"}});
  });
  auto m = db->reader().get<storage::MemberStore>().member_by_phone("13812345678");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "王芳");
  EXPECT_EQ(m->care_flags, std::vector<std::string>{"elderly"});
  EXPECT_EQ(db->reader().get<storage::MemberStore>().member_by_no("M00000001")->id, m->id);
}

INSTANTIATE_TEST_SUITE_P(Backends, MemberStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
