// The storage contract of PointsStore: the ledger's entries, a ref stored once, the balance
// as their sum.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "members/storage/points_store.hpp"

namespace kefu::storage {
namespace {

class PointsStoreContract : public Contract {};

TEST_P(PointsStoreContract, TheBalanceIsTheSumOfEntriesAndARefIsStoredOnce) {
  int64_t m = 0, other = 0;
  std::optional<int64_t> earn, twice, manual1, manual2;
  db->write_sync([&](Stores& r) {
    m = r.get<MemberStore>().insert_member({.member_no = "M1", .name = "王芳", .phone = "13800000001"});
    other = r.get<MemberStore>().insert_member({.member_no = "M2", .name = "赵磊", .phone = "13800000002"});
    auto& p = r.get<PointsStore>();
    earn = p.append({.member_id = m,
                     .kind = people::PointsKindCode::earn,
                     .points = 300,
                     .reason = "消费",
                     .ref = "order:1:earn",
                     .created_at = 10});
    twice = p.append({.member_id = m,
                      .kind = people::PointsKindCode::earn,
                      .points = 300,
                      .reason = "消费",
                      .ref = "order:1:earn",
                      .created_at = 11});
    // Manual adjustments carry no ref: two of them are two entries.
    manual1 = p.append({.member_id = m, .points = -50, .reason = "补录", .staff_id = staff, .created_at = 12});
    manual2 = p.append({.member_id = m, .points = -50, .reason = "补录", .staff_id = staff, .created_at = 13});
    p.append({.member_id = other, .kind = people::PointsKindCode::earn, .points = 7, .ref = "order:2:earn"});
  });
  EXPECT_TRUE(earn);
  EXPECT_FALSE(twice);
  EXPECT_TRUE(manual1 && manual2 && *manual1 != *manual2);
  auto& p = db->reader().get<PointsStore>();
  EXPECT_EQ(p.balance(m), 200);
  EXPECT_EQ(p.balance(other), 7);
  EXPECT_EQ(p.balance(other + 100), 0);
  auto all = p.entries(m, std::nullopt, 10);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, *manual2);
  EXPECT_EQ(all[0].kind, people::PointsKind(people::PointsKindCode::adjust));
  EXPECT_EQ(all[0].points, -50);
  EXPECT_EQ(all[0].reason, "补录");
  EXPECT_EQ(all[0].ref, "");
  EXPECT_EQ(all[0].staff_id, staff);
  EXPECT_EQ(all[0].created_at, 13);
  EXPECT_EQ(all[2].kind, people::PointsKind(people::PointsKindCode::earn));
  EXPECT_EQ(all[2].ref, "order:1:earn");
  EXPECT_EQ(all[2].staff_id, 0);
  auto page = p.entries(m, all[1].id, 10);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, *earn);
}

TEST_P(PointsStoreContract, ManyEntriesAppendInOneGoAndRefsOnFileAreSkipped) {
  int64_t m = 0, added = 0, again = 0;
  db->write_sync([&](Stores& r) {
    m = r.get<MemberStore>().insert_member({.member_no = "M1", .name = "王芳", .phone = "13800000001"});
    auto& p = r.get<PointsStore>();
    p.append({.member_id = m, .kind = people::PointsKindCode::earn, .points = 5, .ref = "order:0:earn"});
    std::vector<people::PointsEntry> many;
    for (int i = 0; i < 250; ++i)  // three statements: 100 + 100 + 50
      many.push_back({.member_id = m,
                      .kind = people::PointsKindCode::earn,
                      .points = 2,
                      .reason = "消费",
                      .ref = "order:" + std::to_string(i) + ":earn",
                      .created_at = i});
    many.push_back({.member_id = m, .points = -1, .reason = "无引用", .staff_id = staff, .created_at = 300});
    added = p.append_many(many);
    again = p.append_many(many);  // only the entry without a ref is new again
  });
  EXPECT_EQ(added, 250) << "order:0:earn was on file";
  EXPECT_EQ(again, 1);
  auto& p = db->reader().get<PointsStore>();
  EXPECT_EQ(p.balance(m), 5 + 249 * 2 - 2);
  auto newest = p.entries(m, std::nullopt, 1);
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0].staff_id, staff);
  EXPECT_EQ(newest[0].ref, "");
}

INSTANTIATE_TEST_SUITE_P(Backends, PointsStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
