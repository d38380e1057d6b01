// The storage contracts of the members' identities, merges, profile (tags, consent,
// history, search) and rules (tier rules, rewards).
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "members/storage/identity_store.hpp"
#include "members/storage/member_profile_store.hpp"
#include "members/storage/member_rules_store.hpp"
#include "members/storage/member_store.hpp"
#include "members/storage/merge_store.hpp"
#include "purchases/storage/purchase_store.hpp"

namespace kefu::storage {
namespace {

class MemberCoreContract : public Contract {
 protected:
  int64_t member(const std::string& no, const std::string& name, int64_t home = 0, std::string tier = "normal") {
    int64_t id = 0;
    db->write_sync([&](Stores& r) {
      id = r.get<MemberStore>().insert_member(
          {.member_no = no, .name = name, .phone = "139" + no.substr(1), .tier = tier, .home_store_id = home});
    });
    return id;
  }
  Stores& r() { return db->reader(); }
};

TEST_P(MemberCoreContract, AnIdentityBelongsToOneMember) {
  const int64_t wang = member("M00000001", "王芳"), li = member("M00000002", "李娜");
  std::optional<int64_t> first, again;
  db->write_sync([&](Stores& s) {
    auto& ids = s.get<IdentityStore>();
    first = ids.add_identity({0, wang, "card", "C001", 100, staff});
    again = ids.add_identity({0, li, "card", "C001", 200, staff});
    ids.add_identity({0, wang, "wechat_openid", "o6_x", 300, std::nullopt});
  });
  ASSERT_TRUE(first);
  EXPECT_FALSE(again) << "the card is wang's";
  auto& ids = r().get<IdentityStore>();
  auto list = ids.identities(wang);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0], (MemberIdentity{*first, wang, "card", "C001", 100, staff}));
  EXPECT_EQ(list[1].added_by, std::nullopt);
  EXPECT_EQ(ids.identity("card", "C001")->member_id, wang);
  EXPECT_FALSE(ids.identity("card", "c001")) << "values are case-sensitive";
  bool removed = false, twice = true;
  db->write_sync([&](Stores& s) {
    removed = s.get<IdentityStore>().remove_identity(wang, "card", "C001");
    twice = s.get<IdentityStore>().remove_identity(wang, "card", "C001");
  });
  EXPECT_TRUE(removed);
  EXPECT_FALSE(twice);
  EXPECT_EQ(r().get<IdentityStore>().identities(wang).size(), 1u);
}

TEST_P(MemberCoreContract, AMergeMovesRowsAndRemembersThemForTheUndo) {
  const int64_t kept = member("M00000001", "王芳"), gone = member("M00000002", "王芳");
  std::vector<int64_t> rows;
  int64_t moved = 0, back = 0, merge_id = 0;
  bool undone = false, twice = true;
  db->write_sync([&](Stores& s) {
    s.get<IdentityStore>().add_identity({0, gone, "card", "C1", 1, std::nullopt});
    s.get<IdentityStore>().add_identity({0, gone, "card", "C2", 1, std::nullopt});
    s.get<IdentityStore>().add_identity({0, kept, "card", "C3", 1, std::nullopt});
    auto& m = s.get<MergeStore>();
    rows = m.member_rows("member_identities", gone);
    moved = m.move_rows("member_identities", rows, gone, kept);
    m.set_merged_into(gone, kept);
    merge_id = m.insert_merge({.kept_id = kept,
                               .merged_id = gone,
                               .moved = {{"member_identities", rows}, {"tickets", {}}},
                               .merged_at = 500,
                               .merged_by = staff});
  });
  EXPECT_EQ(rows.size(), 2u);
  EXPECT_EQ(moved, 2);
  EXPECT_EQ(r().get<MergeStore>().member_rows("member_identities", kept).size(), 3u);
  EXPECT_EQ(r().get<MemberStore>().member(gone)->merged_into, kept);
  auto rec = r().get<MergeStore>().merge(merge_id);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->moved.at("member_identities"), rows);
  EXPECT_TRUE(rec->moved.at("tickets").empty());
  EXPECT_EQ(rec->merged_by, staff);
  EXPECT_FALSE(rec->undone_at);
  EXPECT_EQ(r().get<MergeStore>().merges_of(gone).size(), 1u);
  EXPECT_EQ(r().get<MergeStore>().merges_of(kept)[0].id, merge_id);
  EXPECT_THROW(r().get<MergeStore>().member_rows("members; DROP TABLE x", kept), std::invalid_argument);

  db->write_sync([&](Stores& s) {
    auto& m = s.get<MergeStore>();
    back = m.move_rows("member_identities", rec->moved.at("member_identities"), kept, gone);
    m.set_merged_into(gone, std::nullopt);
    undone = m.mark_undone(merge_id, 600, staff);
    twice = m.mark_undone(merge_id, 700, staff);
  });
  EXPECT_EQ(back, 2);
  EXPECT_TRUE(undone);
  EXPECT_FALSE(twice);
  EXPECT_EQ(r().get<MergeStore>().member_rows("member_identities", gone), rows);
  EXPECT_EQ(r().get<MemberStore>().member(gone)->merged_into, 0);
  EXPECT_EQ(r().get<MergeStore>().merge(merge_id)->undone_at, 600);
}

TEST_P(MemberCoreContract, ProfileTagsConsentAndHistory) {
  const int64_t wang = member("M00000001", "王芳", store_a);
  db->write_sync([&](Stores& s) {
    auto m = *s.get<MemberStore>().member(wang);
    m.name = "王芳芳";
    m.tier = "gold";
    m.birthday = "1960-01-02";
    m.care_flags = {"elderly"};
    m.home_store_id = store_b;
    m.tier_below_since = 42;
    auto& p = s.get<MemberProfileStore>();
    p.update_profile(m);
    p.set_tags(wang, {"VIP", "爱喝咖啡"});
    p.set_tags(wang, {"爱喝咖啡", "常客"});
    p.add_consent({0, wang, "sms", true, 100, staff, "desk"});
    p.add_consent({0, wang, "sms", false, 200, std::nullopt, "app"});
    p.add_event({0, wang, 10, "tier_changed", R"({"from":"normal","to":"gold"})", std::nullopt});
    p.add_event({0, wang, 20, "profile_changed", "{}", staff});
  });
  auto m = *r().get<MemberStore>().member(wang);
  EXPECT_EQ(m.name, "王芳芳");
  EXPECT_EQ(m.tier, "gold");
  EXPECT_EQ(m.birthday, "1960-01-02");
  EXPECT_EQ(m.care_flags, std::vector<std::string>{"elderly"});
  EXPECT_EQ(m.home_store_id, store_b);
  EXPECT_EQ(m.tier_below_since, 42);
  auto& p = r().get<MemberProfileStore>();
  EXPECT_EQ(p.tags(wang), (std::vector<std::string>{"常客", "爱喝咖啡"}));
  auto consents = p.consents(wang);
  ASSERT_EQ(consents.size(), 2u);
  EXPECT_TRUE(consents[0].granted);
  EXPECT_EQ(consents[0].staff_id, staff);
  EXPECT_EQ(consents[1].source, "app");
  auto events = p.events(wang, 0, 10);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, "profile_changed") << "newest first";
  EXPECT_EQ(events[1].detail, R"({"from":"normal","to":"gold"})");
  EXPECT_EQ(p.events(wang, events[0].id, 10).size(), 1u);
}

TEST_P(MemberCoreContract, SearchByNamePrefixTierTagAndStore) {
  const int64_t a = member("M00000001", "王芳", store_a, "gold");
  const int64_t b = member("M00000002", "王小明", store_b);
  const int64_t c = member("M00000003", "李王", store_a);
  const int64_t d = member("M00000004", "王五", store_a);
  db->write_sync([&](Stores& s) {
    s.get<MemberProfileStore>().set_tags(b, {"VIP"});
    s.get<MergeStore>().set_merged_into(d, a);
  });
  auto ids = [&](const MemberFilter& f) {
    std::vector<int64_t> out;
    for (const auto& m : r().get<MemberProfileStore>().search(f)) out.push_back(m.id);
    return out;
  };
  EXPECT_EQ(ids({.name_prefix = "王"}), (std::vector<int64_t>{a, b})) << "not 李王, not the merged 王五";
  EXPECT_EQ(ids({.name_prefix = "王小"}), std::vector<int64_t>{b});
  EXPECT_EQ(ids({.tier = "gold"}), std::vector<int64_t>{a});
  EXPECT_EQ(ids({.tag = "VIP"}), std::vector<int64_t>{b});
  EXPECT_EQ(ids({.home_store_ids = {store_a}}), (std::vector<int64_t>{a, c}));
  EXPECT_EQ(ids({.home_store_id = store_b}), std::vector<int64_t>{b});
  EXPECT_EQ(ids({.after_id = a, .limit = 1}), std::vector<int64_t>{b});
}

TEST_P(MemberCoreContract, TierRulesRewardsAndTheMembersToEvaluate) {
  const int64_t a = member("M00000001", "王芳"), b = member("M00000002", "李娜");
  EXPECT_TRUE(r().get<MemberRulesStore>().tier_rules().empty());
  EXPECT_TRUE(r().get<MemberRulesStore>().rewards().empty());
  db->write_sync([&](Stores& s) {
    auto& rules = s.get<MemberRulesStore>();
    rules.put_tier_rules({{"gold", 900, 6}, {"silver", 100, 12}}, 5, staff);
    rules.put_tier_rules({{"gold", 1000, 6}, {"silver", 100, 12}}, 6, staff);
    rules.put_rewards({{"parking_1h", "停车券", "Parking", 100, true}, {"mug", "杯子", "Mug", 50, false}}, 5, staff);
    s.get<MergeStore>().set_merged_into(b, a);
  });
  auto& rules = r().get<MemberRulesStore>();
  EXPECT_EQ(rules.tier_rules(), (std::vector<people::TierRule>{{"silver", 100, 12}, {"gold", 1000, 6}}));
  auto rewards = rules.rewards();
  ASSERT_EQ(rewards.size(), 2u);
  EXPECT_EQ(rewards[0], (people::Reward{"mug", "杯子", "Mug", 50, false}));
  EXPECT_EQ(rules.member_ids(0, 10), std::vector<int64_t>{a}) << "the merged record is not evaluated";
  EXPECT_TRUE(rules.member_ids(a, 10).empty());
}

TEST_P(MemberCoreContract, SpendIsWhatTheMembersOrdersPaidInTheWindow) {
  const int64_t a = member("M00000001", "王芳"), b = member("M00000002", "李娜");
  auto order = [&](int64_t who, const std::string& receipt, int64_t at, std::vector<int64_t> paid) {
    db->write_sync([&](Stores& s) {
      purchase::Order o;
      o.store_id = store_a;
      o.receipt_no = receipt;
      o.member_id = who;
      o.sold_at = at;
      bool created = false;
      const int64_t id = s.get<PurchaseStore>().upsert_order(o, created);
      std::vector<purchase::Line> lines;
      int no = 0;
      for (auto p : paid) lines.push_back({.line_no = ++no, .name = "x", .category = "other", .paid_fen = p});
      s.get<PurchaseStore>().insert_lines(id, lines);
    });
  };
  order(a, "R1", 100, {10'000, 5'000});
  order(a, "R2", 200, {-5'000});  // a return
  order(a, "R3", 300, {7'000});
  order(b, "R4", 150, {99'000});
  auto& rules = r().get<MemberRulesStore>();
  EXPECT_EQ(rules.spend_fen(a, 100, 300), 10'000) << "from inclusive, to exclusive, returns subtracted";
  EXPECT_EQ(rules.spend_fen(a, 0, 1000), 17'000);
  EXPECT_EQ(rules.spend_fen(b, 0, 1000), 99'000);
  EXPECT_EQ(rules.spend_fen(a, 400, 1000), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, MemberCoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
