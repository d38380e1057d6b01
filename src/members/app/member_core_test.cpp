// Identities, merging and unmerging, tags and consent, as a desk and a supervisor use them.
#include <gtest/gtest.h>

#include "core/app/use_case_test.hpp"
#include "members/app/member_identities.hpp"
#include "members/app/member_merge.hpp"
#include "members/app/member_profile.hpp"
#include "members/app/member_support.hpp"
#include "members/app/members.hpp"
#include "members/storage/identity_store.hpp"
#include "tickets/app/tickets.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

using testing::kNow;

class MemberCore : public testing::UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      store_a = r.get<storage::OrgStore>().insert_store({.code = "A", .name = "甲店"});
      store_b = r.get<storage::OrgStore>().insert_store({.code = "B", .name = "乙店"});
      agent = make(r, "agent1", "agent", {store_a}, {});
      supervisor = make(r, "sup", "supervisor", {store_a}, {});
      supervisor_b = make(r, "supb", "supervisor", {store_b}, {});
    });
    wang = member("王芳", "13812345678");
    wang2 = member("王芳", "13912345678");
  }

  int64_t member(const std::string& name, const std::string& phone, int64_t store = 0) {
    return as(supervisor, [&](Context& c) {
      return create_member(c, {.name = name, .phone = phone, .home_store_id = store ? store : store_a}).id;
    });
  }

  int64_t ticket_of(int64_t member_id) {
    return as(agent, [&](Context& c) {
      return create_ticket(c, {.store_id = store_a,
                               .type = "complaint",
                               .channel = "service_desk",
                               .subject = "停车收费",
                               .member_id = member_id})
          .id;
    });
  }

  std::optional<int64_t> ticket_member(int64_t ticket_id) {
    return db->reader().get<storage::TicketStore>().ticket(ticket_id)->member_id;
  }

  std::optional<people::Member> lookup(const std::string& key) {
    return as(agent, [&](Context& c) { return lookup_member(c, key, "10.0.0.1"); });
  }

  int64_t store_a = 0, store_b = 0, wang = 0, wang2 = 0;
  people::Actor agent, supervisor, supervisor_b;
};

TEST_F(MemberCore, TheDeskFindsAMemberByAnyOfTheirIdentities) {
  as(agent, [&](Context& c) { return add_member_identity(c, wang, "card", " C0012345 "); });
  as(agent, [&](Context& c) { return add_member_identity(c, wang, "phone", "+86 137 0000 1111"); });
  as(agent, [&](Context& c) { return add_member_identity(c, wang, "wechat_openid", "o6_bmjrPTlm6_2sg"); });
  EXPECT_EQ(lookup("C0012345")->id, wang);
  EXPECT_EQ(lookup("13700001111")->id, wang) << "a second phone";
  EXPECT_EQ(lookup("o6_bmjrPTlm6_2sg")->id, wang);
  EXPECT_EQ(lookup("13812345678")->id, wang) << "the main phone as before";
  EXPECT_FALSE(lookup("C9999999"));
  EXPECT_EQ(code_of([&] { lookup("会员卡"); }), "invalid_phone") << "neither a phone nor an id";
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return lookup_member(c, "C0012345", "", true); }); }),
            "invalid_phone")
      << "the phone field takes phones only";

  auto ids = as(agent, [&](Context& c) { return member_identities(c, wang); });
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[0].kind, "phone");
  EXPECT_EQ(ids[0].id, 0) << "the main phone comes first";
  EXPECT_EQ(ids[1].value, "C0012345");

  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return add_member_identity(c, wang2, "card", "C0012345"); }); }),
            "identity_taken");
  EXPECT_EQ(
      code_of([&] { as(agent, [&](Context& c) { return add_member_identity(c, wang2, "phone", "13812345678"); }); }),
      "identity_taken")
      << "someone's main phone";
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return add_member_identity(c, wang2, "fax", "1"); }); }),
            "invalid_enum");
  EXPECT_TRUE(as(agent, [&](Context& c) { return remove_member_identity(c, wang, "card", "C0012345"); }));
  EXPECT_FALSE(as(agent, [&](Context& c) { return remove_member_identity(c, wang, "card", "C0012345"); }));
  EXPECT_FALSE(lookup("C0012345"));
  EXPECT_EQ(code_of([&] { as(supervisor_b, [&](Context& c) { return add_member_identity(c, wang, "card", "C1"); }); }),
            "not_found")
      << "another store's member";
}

TEST_F(MemberCore, AMergeMovesEverythingAndAnUnmergeMovesExactlyThatBack) {
  const int64_t kept_ticket = ticket_of(wang), t1 = ticket_of(wang2), t2 = ticket_of(wang2);
  as(agent, [&](Context& c) { return add_member_identity(c, wang2, "card", "C2"); });
  as(agent, [&](Context& c) { return add_member_identity(c, wang, "card", "C1"); });

  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return merge_members(c, wang, wang2); }); }), "forbidden");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return merge_members(c, wang, wang); }); }),
            "merge_invalid");
  auto preview = as(supervisor, [&](Context& c) { return merge_preview(c, wang, wang2); });
  EXPECT_EQ(preview["tickets"], 2);
  EXPECT_EQ(preview["member_identities"], 1);

  auto merged = as(
      supervisor, [&](Context& c) { return merge_members(c, wang, wang2); }, kNow + 1000);
  EXPECT_EQ(merged.moved["tickets"], (std::vector<int64_t>{t1, t2}));
  EXPECT_EQ(ticket_member(t1), wang);
  EXPECT_EQ(ticket_member(kept_ticket), wang);
  EXPECT_EQ(lookup("13912345678")->id, wang) << "the merged record's phone finds the kept member";
  EXPECT_EQ(lookup("C2")->id, wang);
  EXPECT_EQ(as(agent, [&](Context& c) { return get_member(c, wang2); }).id, wang);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return set_member_tags(c, wang2, {"VIP"}); }); }),
            "member_merged");
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return merge_members(c, wang2, wang); }); }),
            "member_merged");

  // A ticket opened for the kept member after the merge stays with it on the undo.
  const int64_t later = ticket_of(wang);
  auto undone = as(
      supervisor, [&](Context& c) { return unmerge_members(c, wang2, merged.id); }, kNow + 2000);
  EXPECT_EQ(undone.undone_at, kNow + 2000);
  EXPECT_EQ(ticket_member(t1), wang2);
  EXPECT_EQ(ticket_member(t2), wang2);
  EXPECT_EQ(ticket_member(kept_ticket), wang);
  EXPECT_EQ(ticket_member(later), wang);
  EXPECT_EQ(lookup("C2")->id, wang2);
  EXPECT_EQ(lookup("C1")->id, wang);
  EXPECT_EQ(as(agent, [&](Context& c) { return get_member(c, wang2); }).id, wang2);
  EXPECT_EQ(code_of([&] { as(supervisor, [&](Context& c) { return unmerge_members(c, wang, merged.id); }); }),
            "merge_invalid")
      << "undone already";

  auto history = as(agent, [&](Context& c) { return member_history(c, wang, 0, 50); });
  ASSERT_GE(history.size(), 2u);
  EXPECT_EQ(history[0].kind, "unmerged");
  auto merges = as(agent, [&](Context& c) { return member_merges(c, wang2); });
  ASSERT_EQ(merges.size(), 1u);
  EXPECT_TRUE(merges[0].undone_at);
}

TEST_F(MemberCore, TagsProfileAndConsent) {
  auto tags = as(agent, [&](Context& c) { return set_member_tags(c, wang, {" VIP ", "爱喝咖啡", "VIP"}); });
  EXPECT_EQ(tags, (std::vector<std::string>{"VIP", "爱喝咖啡"}));
  std::vector<std::string> many;
  for (int i = 0; i < 21; ++i) many.push_back("t" + std::to_string(i));
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return set_member_tags(c, wang, many); }); }), "too_many_tags");
  many.pop_back();
  EXPECT_EQ(as(agent, [&](Context& c) { return set_member_tags(c, wang, many); }).size(), 20u);

  EXPECT_EQ(
      code_of([&] { as(agent, [&](Context& c) { return update_member(c, wang, {.tier = std::string("gold")}); }); }),
      "forbidden")
      << "tiers by hand: supervisors";
  EXPECT_EQ(as(agent, [&](Context& c) { return update_member(c, wang, {.name = std::string("王芳芳")}); }).name,
            "王芳芳");
  EXPECT_EQ(as(supervisor, [&](Context& c) { return update_member(c, wang, {.tier = std::string("gold")}); }).tier,
            "gold");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return set_member_care_flags(c, wang, {"elderly"}); }); }),
            "forbidden");
  EXPECT_EQ(as(supervisor, [&](Context& c) { return set_member_care_flags(c, wang, {"elderly"}); }).care_flags,
            std::vector<std::string>{"elderly"});

  as(
      agent, [&](Context& c) { return record_member_consent(c, wang, "sms", true, "desk"); }, kNow);
  auto consent = as(
      agent, [&](Context& c) { return record_member_consent(c, wang, "sms", false, "hotline"); }, kNow + 10);
  EXPECT_FALSE(consent.current[0].granted);
  EXPECT_EQ(consent.current[0].since, kNow + 10);
  ASSERT_EQ(consent.history.size(), 2u);
  EXPECT_EQ(consent.history[0].source, "hotline") << "newest first";

  auto found = as(agent, [&](Context& c) { return search_members(c, {.name_prefix = "王"}); });
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(as(agent, [&](Context& c) { return search_members(c, {.tag = "VIP"}); }).empty()) << "tags replaced";
  EXPECT_EQ(as(agent, [&](Context& c) { return search_members(c, {.tier = "gold"}); }).size(), 1u);
  EXPECT_TRUE(as(supervisor_b, [&](Context& c) { return search_members(c, {.name_prefix = "王"}); }).empty());
}

}  // namespace
}  // namespace kefu::app
