// The storage contract of NPS: campaigns with their stores, the running ones by trigger and
// period, invitations with their link digest, opening, one answer, the recovery ticket, the
// filters, the cap's last invitation by member or phone, and the members a sample draws from.
#include <gtest/gtest.h>

#include "core/storage/contract_fixture.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "feedback/storage/nps_store.hpp"
#include "members/storage/member_store.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kT0 = 1'800'000'000'000;

class NpsContract : public Contract {
 protected:
  template <class F>
  auto change(F f) {
    decltype(f(std::declval<NpsStore&>())) out{};
    db->write_sync([&](Stores& s) { out = f(s.get<NpsStore>()); });
    return out;
  }
  NpsStore& nps() { return db->reader().get<NpsStore>(); }

  feedback::Campaign campaign(std::vector<int64_t> stores, std::string trigger = "resolved_ticket") {
    feedback::Campaign k;
    k.name = "季度调查";
    k.store_ids = std::move(stores);
    k.trigger = std::move(trigger);
    k.starts_at = kT0;
    k.ends_at = kT0 + 1000;
    k.sample_ppm = 250'000;
    k.sample_size = 5;
    k.cap_days = 30;
    k.link_days = 7;
    k.seed = -9'000'000'000'000'000'000;
    k.created_by = staff;
    k.created_at = k.updated_at = kT0;
    return k;
  }
  feedback::Invitation invitation(int64_t campaign, int64_t store, int64_t at) {
    feedback::Invitation v;
    v.campaign_id = campaign;
    v.store_id = store;
    v.phone = "13800001111";
    v.member_tier = "gold";
    v.sent_at = at;
    return v;
  }
};

TEST_P(NpsContract, ACampaignKeepsEverythingItWasGivenAndItsStores) {
  auto k = campaign({store_b, store_a});
  k.id = change([&](NpsStore& s) { return s.put_campaign(k); });
  auto got = nps().campaign(k.id);
  ASSERT_TRUE(got);
  k.store_ids = {store_a, store_b};
  EXPECT_EQ(*got, k);
  k.name = "改名";
  k.store_ids = {store_b};
  k.active = false;
  k.updated_at = kT0 + 5;
  change([&](NpsStore& s) { return s.put_campaign(k); });
  EXPECT_EQ(*nps().campaign(k.id), k);
  EXPECT_FALSE(nps().campaign(k.id + 100));
  const auto second = change([&](NpsStore& s) { return s.put_campaign(campaign({store_a})); });
  auto all = nps().campaigns();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, second) << "newest first";
}

TEST_P(NpsContract, RunningCampaignsAreThoseOfTheStoreTriggerAndPeriod) {
  const auto a = change([&](NpsStore& s) { return s.put_campaign(campaign({store_a})); });
  change([&](NpsStore& s) { return s.put_campaign(campaign({store_a}, "member_sample")); });
  change([&](NpsStore& s) { return s.put_campaign(campaign({store_b})); });
  auto paused = campaign({store_a});
  paused.active = false;
  change([&](NpsStore& s) { return s.put_campaign(paused); });
  auto run = nps().running_campaigns(store_a, "resolved_ticket", kT0 + 10);
  ASSERT_EQ(run.size(), 1u);
  EXPECT_EQ(run[0].id, a);
  EXPECT_EQ(run[0].store_ids, std::vector<int64_t>{store_a});
  EXPECT_TRUE(nps().running_campaigns(store_a, "resolved_ticket", kT0 - 1).empty());
  EXPECT_TRUE(nps().running_campaigns(store_a, "resolved_ticket", kT0 + 1000).empty()) << "ends_at is exclusive";
}

TEST_P(NpsContract, AnInvitationIsFoundByItsDigestAndAnsweredOnce) {
  const auto k = change([&](NpsStore& s) { return s.put_campaign(campaign({store_a})); });
  auto v = invitation(k, store_a, kT0);
  v.id = change([&](NpsStore& s) { return s.insert_invitation(v, ""); });
  EXPECT_EQ(*nps().invitation(v.id), v);
  EXPECT_FALSE(nps().invitation_by_digest("")) << "no link yet: no digest finds it";
  change([&](NpsStore& s) {
    s.set_link(v.id, "d1", kT0 + 100);
    return 0;
  });
  EXPECT_EQ(nps().invitation_by_digest("d1")->expires_at, kT0 + 100);
  change([&](NpsStore& s) {
    s.set_link(v.id, "d2", kT0 + 200);
    return 0;
  });
  EXPECT_FALSE(nps().invitation_by_digest("d1")) << "the new link replaces the old";
  change([&](NpsStore& s) {
    s.mark_opened(v.id, kT0 + 5);
    s.mark_opened(v.id, kT0 + 6);
    return 0;
  });
  EXPECT_EQ(nps().invitation(v.id)->opened_at, kT0 + 5) << "the first opening counts";

  int64_t item = 0;
  db->write_sync([&](Stores& s) {
    feedback::Item t;
    t.store_id = store_a;
    t.source = "nps";
    t.text = "停车难";
    t.topic_predicted = {"parking", 0.9};
    t.sentiment_predicted = {"negative", 0.1};
    t.model_version = 1;
    item = s.get<FeedbackStore>().insert_item(t);
  });
  EXPECT_TRUE(change([&](NpsStore& s) { return s.answer(v.id, 4, "停车难", "detractor", kT0 + 7, item); }));
  EXPECT_FALSE(change([&](NpsStore& s) { return s.answer(v.id, 10, "", "promoter", kT0 + 8, std::nullopt); }));
  auto got = *nps().invitation(v.id);
  EXPECT_EQ(got.score, 4);
  EXPECT_EQ(got.reason, "停车难");
  EXPECT_EQ(got.category, "detractor");
  EXPECT_EQ(got.answered_at, kT0 + 7);
  EXPECT_EQ(got.feedback_item_id, item);
  EXPECT_EQ(got.topic, "parking") << "the reason's effective topic comes with it";

  db->write_sync([&](Stores& s) {
    auto t = make_ticket(store_a, kT0);
    s.get<TicketStore>().insert_ticket(t);
    s.get<NpsStore>().set_recovery_ticket(v.id, t.id);
  });
  EXPECT_TRUE(nps().invitation(v.id)->recovery_ticket_id);
}

TEST_P(NpsContract, InvitationsAreFilteredNewestFirst) {
  const auto k = change([&](NpsStore& s) { return s.put_campaign(campaign({store_a, store_b})); });
  std::vector<int64_t> ids;
  for (int i = 0; i < 4; ++i) {
    auto v = invitation(k, i % 2 ? store_b : store_a, kT0 + i);
    if (i == 3) v.member_tier = "normal";
    ids.push_back(change([&](NpsStore& s) { return s.insert_invitation(v, "t" + std::to_string(i)); }));
  }
  change([&](NpsStore& s) { return s.answer(ids[0], 9, "", "promoter", kT0 + 9, std::nullopt); });
  EXPECT_EQ(nps().invitations({}).front().id, ids[3]);
  EXPECT_EQ(nps().invitations({.store_ids = {store_a}}).size(), 2u);
  EXPECT_EQ(nps().invitations({.from = kT0 + 1, .to = kT0 + 3}).size(), 2u);
  EXPECT_EQ(nps().invitations({.member_tier = "normal"}).size(), 1u);
  EXPECT_EQ(nps().invitations({.category = "promoter"}).size(), 1u);
  EXPECT_EQ(nps().invitations({.answered = false}).size(), 3u);
  EXPECT_EQ(nps().invitations({.before_id = ids[2], .limit = 1})[0].id, ids[1]);
  EXPECT_TRUE(nps().invitations({.campaign_id = k + 1}).empty());
}

TEST_P(NpsContract, TheLastInvitationIsFoundByMemberOrPhone) {
  const auto k = change([&](NpsStore& s) { return s.put_campaign(campaign({store_a})); });
  int64_t m = 0;
  db->write_sync([&](Stores& s) {
    m = s.get<MemberStore>().insert_member(
        {.member_no = "M1", .name = "王", .phone = "13900002222", .tier = "silver", .home_store_id = store_a});
    s.get<MemberStore>().insert_member(
        {.member_no = "M2", .name = "赵", .phone = "13900003333", .home_store_id = store_b});
  });
  EXPECT_FALSE(nps().last_invited_at(m, "13900002222"));
  auto v = invitation(k, store_a, kT0);
  v.member_id = m;
  v.phone = "";
  change([&](NpsStore& s) { return s.insert_invitation(v, ""); });
  v = invitation(k, store_a, kT0 + 50);
  v.phone = "13900002222";
  change([&](NpsStore& s) { return s.insert_invitation(v, ""); });
  EXPECT_EQ(nps().last_invited_at(m, ""), kT0);
  EXPECT_EQ(nps().last_invited_at(std::nullopt, "13900002222"), kT0 + 50);
  EXPECT_EQ(nps().last_invited_at(m, "13900002222"), kT0 + 50);

  auto members = nps().members_of({store_a});
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].member_id, m);
  EXPECT_EQ(members[0].phone, "13900002222");
  EXPECT_EQ(members[0].tier, "silver");
  EXPECT_EQ(nps().members_of({store_a, store_b}).size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Backends, NpsContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
