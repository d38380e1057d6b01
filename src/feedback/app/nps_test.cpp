// NPS use cases (feedback/app/nps_*.hpp): the invitation made when a ticket is resolved,
// the per-customer cap, sampling replayed from the seed, the customer's answer through the
// link, the detractor's recovery ticket, the member sample, the report and who may do what.
#include <gtest/gtest.h>

#include <set>

#include "feedback/app/nps_campaigns.hpp"
#include "feedback/app/nps_report.hpp"
#include "feedback/app/nps_survey.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "feedback/storage/nps_store.hpp"
#include "members/storage/member_store.hpp"
#include "sla/app/sla_fixture.hpp"
#include "tickets/storage/timeline_store.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class Nps : public SlaUseCases {
 protected:
  feedback::Campaign campaign(std::string trigger = "resolved_ticket", int64_t ppm = 1'000'000, int64_t seed = 7,
                              int cap_days = 90) {
    feedback::Campaign k;
    k.name = "办结后调查";
    k.store_ids = {store_a};
    k.trigger = std::move(trigger);
    k.sample_ppm = ppm;
    k.seed = seed;
    k.cap_days = cap_days;
    return as(manager, [&](Context& c) { return create_campaign(c, k); });
  }
  int64_t member(const std::string& phone, const std::string& tier = "gold") {
    int64_t id = 0;
    db->write_sync([&](storage::Stores& r) {
      id = r.get<storage::MemberStore>().insert_member(
          {.member_no = "M" + phone, .name = "顾客", .phone = phone, .tier = tier, .home_store_id = store_a});
    });
    return id;
  }
  // A ticket of the member, created at `at` and resolved an hour later.
  ticket::Ticket resolved_for(int64_t member_id, int64_t at) {
    auto t = as(
        agent,
        [&](Context& c) {
          return create_ticket(c, {.store_id = store_a,
                                   .type = "complaint",
                                   .channel = "service_desk",
                                   .subject = "试衣间排队太久",
                                   .member_id = member_id});
        },
        at);
    return move(agent, t.id, "resolved", at + kHour);
  }
  std::vector<feedback::Invitation> invitations(storage::NpsFilter f = {}) {
    return db->reader().get<storage::NpsStore>().invitations(f);
  }
  NpsLink link(int64_t invitation, int64_t at = kNow + 2 * kHour) {
    return as(
        agent, [&](Context& c) { return issue_link(c, invitation); }, at);
  }
  NpsAnswer answer(const std::string& token, int score, const std::string& reason, int64_t at = kNow + 3 * kHour) {
    return as(
        people::customer_actor(), [&](Context& c) { return answer_survey(c, token, score, reason); }, at);
  }
};

TEST_F(Nps, ResolvingAMembersTicketInvitesThemOnce) {
  const auto k = campaign();
  const auto m = member("13800001111");
  const auto t = resolved_for(m, kNow);
  auto got = invitations();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].campaign_id, k.id);
  EXPECT_EQ(got[0].ticket_id, t.id);
  EXPECT_EQ(got[0].member_id, m);
  EXPECT_EQ(got[0].phone, "13800001111");
  EXPECT_EQ(got[0].member_tier, "gold");
  EXPECT_EQ(got[0].sent_at, kNow + kHour);
  EXPECT_EQ(got[0].expires_at, 0) << "no link until staff issue one";
  EXPECT_EQ(db->reader().get<storage::TimelineStore>().events(t.id).back().kind, "nps_invited");

  move(agent, t.id, "in_progress", kNow + 2 * kHour);
  move(agent, t.id, "resolved", kNow + 3 * kHour);
  EXPECT_EQ(invitations().size(), 1u) << "resolving the same ticket again asks nobody again";
}

TEST_F(Nps, TheCapHoldsForEveryCampaignOfTheCustomer) {
  campaign("resolved_ticket", 1'000'000, 7, 90);
  campaign("resolved_ticket", 1'000'000, 8, 30);
  const auto m = member("13800002222");
  resolved_for(m, kNow);
  ASSERT_EQ(invitations().size(), 1u) << "one invitation per resolution, however many campaigns run";
  resolved_for(m, kNow + 10 * kDay);
  EXPECT_EQ(invitations().size(), 1u) << "asked 10 days ago: capped by both campaigns";
  resolved_for(m, kNow + 40 * kDay);
  EXPECT_EQ(invitations().size(), 2u) << "40 days later the 30-day campaign may ask again";
  resolved_for(m, kNow + 50 * kDay);
  EXPECT_EQ(invitations().size(), 2u) << "and the cap starts again from that invitation";
}

TEST_F(Nps, NobodyIsAskedWithoutAMemberOrPhoneOrOutsideTheCampaign) {
  auto k = campaign();
  resolved_ticket(agent);  // no member, not submitted with a phone
  EXPECT_TRUE(invitations().empty());
  k.active = false;
  as(manager, [&](Context& c) { return update_campaign(c, k.id, k); });
  resolved_for(member("13800003333"), kNow);
  EXPECT_TRUE(invitations().empty()) << "a paused campaign asks nobody";
}

TEST_F(Nps, TheSampleIsReplayedFromTheSeed) {
  const auto k = campaign("resolved_ticket", 400'000, 20261122);
  std::set<int64_t> expected, invited;
  for (int i = 0; i < 40; ++i) {
    const auto t = resolved_for(member("1390000" + std::to_string(1000 + i)), kNow + i * kMinute);
    if (feedback::in_sample(20261122, "ticket:" + std::to_string(t.id), 400'000)) expected.insert(t.id);
  }
  for (const auto& v : invitations()) invited.insert(*v.ticket_id);
  EXPECT_EQ(invited, expected) << "who was asked follows from (seed, ticket) alone";
  EXPECT_GT(invited.size(), 8u);
  EXPECT_LT(invited.size(), 28u);
  EXPECT_EQ(as(manager, [&](Context& c) { return get_campaign(c, k.id); }).seed, 20261122);
}

TEST_F(Nps, TheCustomerAnswersOnceAndTheReasonBecomesFeedback) {
  campaign();
  const auto m = member("13800004444");
  resolved_for(m, kNow);
  const auto inv = invitations()[0];
  const auto l = link(inv.id);
  EXPECT_EQ(l.path, "/m/nps/" + l.token);
  EXPECT_EQ(l.expires_at, kNow + 2 * kHour + 14 * kDay);

  auto v = as(
      people::customer_actor(), [&](Context& c) { return open_survey(c, l.token); }, kNow + 3 * kHour);
  EXPECT_EQ(v.question, "您有多大可能向朋友推荐甲店？");
  EXPECT_FALSE(v.answered);
  EXPECT_EQ(invitations()[0].opened_at, kNow + 3 * kHour);

  EXPECT_EQ(code_of([&] { answer(l.token, 11, ""); }), "invalid_field");
  const auto a = answer(l.token, 3, "排队结账等了二十分钟");
  EXPECT_EQ(a.category, "detractor");
  ASSERT_TRUE(a.feedback_item_id);
  auto item = db->reader().get<storage::FeedbackStore>().item(*a.feedback_item_id);
  EXPECT_EQ(item->source, "nps");
  EXPECT_EQ(item->text, "排队结账等了二十分钟");
  EXPECT_FALSE(item->rating);
  EXPECT_EQ(item->member_id, m);
  EXPECT_EQ(item->store_id, store_a);

  EXPECT_EQ(code_of([&] { answer(l.token, 10, ""); }), "nps_answered");
  EXPECT_EQ(code_of([&] { link(inv.id); }), "nps_answered");
  auto after = invitations()[0];
  EXPECT_EQ(after.score, 3);
  EXPECT_EQ(after.category, "detractor");
  EXPECT_EQ(after.answered_at, kNow + 3 * kHour);
}

TEST_F(Nps, ALinkWorksUntilItExpiresOrIsReplaced) {
  campaign();
  resolved_for(member("13800005555"), kNow);
  const auto inv = invitations()[0];
  const auto first = link(inv.id);
  const auto second = link(inv.id, kNow + 2 * kHour + 1);
  EXPECT_EQ(code_of([&] { answer(first.token, 9, ""); }), "invalid_link") << "a new link replaces the old one";
  EXPECT_EQ(code_of([&] { answer("nope", 9, ""); }), "invalid_link");
  EXPECT_EQ(code_of([&] { answer(second.token, 9, "", second.expires_at); }), "link_expired");
  EXPECT_EQ(answer(second.token, 9, "").category, "promoter");
}

TEST_F(Nps, ADetractorOpensOneRecoveryTicketAPromoterNone) {
  campaign();
  const auto m1 = member("13800006666"), m2 = member("13800007777");
  resolved_for(m1, kNow);
  resolved_for(m2, kNow);
  auto all = invitations();
  const auto det = all[1], pro = all[0];
  answer(link(det.id).token, 2, "");
  answer(link(pro.id).token, 10, "很满意");
  const auto id = as(agent, [&](Context& c) { return open_recovery_ticket(c, det.id); });
  const auto t = as(agent, [&](Context& c) { return get_ticket(c, id); });
  EXPECT_EQ(t.type, "complaint");
  EXPECT_EQ(t.member_id, m1);
  EXPECT_EQ(t.owner_id, agent.staff_id);
  EXPECT_EQ(as(agent, [&](Context& c) { return open_recovery_ticket(c, det.id); }), id) << "the first ticket again";
  EXPECT_EQ(db->reader().get<storage::NpsStore>().invitation(det.id)->recovery_ticket_id, id);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return open_recovery_ticket(c, pro.id); }); }), "not_detractor");
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return open_recovery_ticket(c, det.id); }); }), "not_found");
}

TEST_F(Nps, AMemberSampleTakesTheLowestDrawsAndRespectsTheCap) {
  feedback::Campaign k;
  k.name = "会员季度调查";
  k.store_ids = {store_a};
  k.trigger = "member_sample";
  k.sample_size = 3;
  k.seed = 99;
  k = as(manager, [&](Context& c) { return create_campaign(c, k); });
  for (int i = 0; i < 10; ++i) member("1370000" + std::to_string(1000 + i));
  auto run = as(manager, [&](Context& c) { return sample_members(c, k.id); });
  EXPECT_EQ(run.candidates, 10);
  EXPECT_EQ(run.invited.size(), 3u);
  run = as(
      manager, [&](Context& c) { return sample_members(c, k.id); }, kNow + kDay);
  EXPECT_EQ(run.capped, 3) << "those asked yesterday are capped";
  EXPECT_EQ(run.invited.size(), 3u);
  EXPECT_EQ(invitations().size(), 6u);
}

TEST_F(Nps, TheReportCountsAndIntervalsAreTheDomainsFigures) {
  campaign();
  const int scores[] = {10, 9, 9, 8, 7, 6, 3, 10};
  int i = 0;
  for (int s : scores) {
    resolved_for(member("1360000" + std::to_string(1000 + i)), kNow + i * kMinute);
    ++i;
  }
  resolved_for(member("13600009999"), kNow + 9 * kMinute);  // sent, never answered (the newest)
  auto all = invitations();
  for (std::size_t j = 0; j < 8; ++j) answer(link(all[all.size() - 1 - j].id).token, scores[j], "");
  auto r = as(manager, [&](Context& c) { return nps_report(c, {.from = kNow - kDay, .to = kNow + kDay}); });
  EXPECT_EQ(r.overall.counts.promoters, 4);
  EXPECT_EQ(r.overall.counts.passives, 2);
  EXPECT_EQ(r.overall.counts.detractors, 2);
  EXPECT_EQ(r.overall.invited, 9);
  EXPECT_EQ(r.overall.sent, 8) << "the newest never got a link";
  EXPECT_DOUBLE_EQ(r.overall.response_rate, 1.0);
  const auto e = feedback::estimate_nps({4, 2, 2});
  EXPECT_DOUBLE_EQ(r.overall.estimate.nps, 25);
  EXPECT_DOUBLE_EQ(r.overall.estimate.low, e.low);
  EXPECT_DOUBLE_EQ(r.overall.estimate.high, e.high);
  EXPECT_FALSE(r.overall.trusted) << "8 answers cannot give ±10 points";
  EXPECT_GT(r.overall.minimum_sample, 8);
  ASSERT_EQ(r.by_store.size(), 1u);
  ASSERT_EQ(r.by_period.size(), 1u);
  EXPECT_EQ(r.by_period[0].first, "2026-11");
  EXPECT_EQ(code_of([&] {
              as(agent_b, [&](Context& c) { return nps_report(c, {.store_id = store_a, .from = 1, .to = 2}); });
            }),
            "not_found");
}

TEST_F(Nps, OnlyManagersOfEveryStoreNamedRunCampaigns) {
  feedback::Campaign k;
  k.name = "x";
  k.store_ids = {store_a};
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return create_campaign(c, k); }); }), "forbidden");
  k.store_ids = {store_a, store_b};
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) { return create_campaign(c, k); }); }), "not_found");
  k.store_ids = {store_a};
  k.trigger = "purchase";
  EXPECT_EQ(code_of([&] { as(manager, [&](Context& c) { return create_campaign(c, k); }); }), "invalid_field");
  const auto made = campaign();
  EXPECT_EQ(code_of([&] { as(agent_b, [&](Context& c) { return get_campaign(c, made.id); }); }), "not_found");
  EXPECT_EQ(as(agent, [&](Context& c) { return list_campaigns(c); }).size(), 1u);
  EXPECT_TRUE(as(agent_b, [&](Context& c) { return list_campaigns(c); }).empty());
}

}  // namespace
}  // namespace kefu::app
