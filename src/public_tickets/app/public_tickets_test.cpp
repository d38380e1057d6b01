// The customer's own tickets (mobile page): submit, track, view, reply, photos.
#include "public_tickets/app/public_tickets.hpp"

#include "callbacks/app/csat.hpp"
#include "core/app/signing_key.hpp"
#include "core/domain/signed_link.hpp"
#include "members/app/members.hpp"
#include "notifications/storage/notification_store.hpp"
#include "public_tickets/storage/contact_store.hpp"
#include "sla/app/escalation.hpp"
#include "sla/app/sla_fixture.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

using namespace kefu::app::testing;

class PublicTickets : public SlaUseCases {
 protected:
  PublicSubmitted submit(PublicSubmission in = {}, int64_t at = kNow) {
    if (!in.store_id && in.store_code.empty()) in.store_code = "A";
    if (in.type.empty()) in.type = "complaint";
    if (in.subject.empty()) in.subject = "试衣间没有人整理";
    if (in.description.empty()) in.description = "三楼女装试衣间衣服堆了一地，等了二十分钟没有店员。";
    if (in.phone.empty()) in.phone = "138 0013 8000";
    return as(
        people::customer_actor(), [&](Context& c) { return submit_public_ticket(c, in); }, at);
  }
  std::optional<PublicAccess> track(const std::string& number, const std::string& phone, const std::string& code,
                                    int64_t at = kNow, const std::string& remote = "10.0.0.1") {
    return as(
        people::customer_actor(),
        [&](Context& c) {
          return track_ticket(c, {number, phone, code, remote});
        },
        at);
  }
  std::string code_for(int64_t ticket_id) {
    return as(agent, [&](Context& c) { return tracking_slip(c, ticket_id).code; });
  }
  PublicTicketView view(const std::string& token, int64_t at = kNow + kHour) {
    auto& r = db->reader();
    Context c{r, people::customer_actor(), at, seg.get()};
    return public_ticket_view(c, token);
  }
  ticket::Event reply(const std::string& token, const std::string& body, int64_t at = kNow + kHour) {
    return as(
        people::customer_actor(), [&](Context& c) { return customer_reply(c, token, body); }, at);
  }
};

TEST_F(PublicTickets, ASubmissionIsAnUnclaimedOnlineTicketWithANumberAndAToken) {
  auto s = submit({.name = "王女士"});
  EXPECT_FALSE(s.ticket.number.empty());
  EXPECT_EQ(s.access.number, s.ticket.number);
  EXPECT_EQ(s.access.path, "/m/t/" + s.access.token);
  EXPECT_EQ(s.access.expires_at, kNow + kAccessTokenTtlMs);
  EXPECT_EQ(s.ticket.channel, "app");
  EXPECT_EQ(s.ticket.store_id, store_a);
  EXPECT_FALSE(s.ticket.owner_id);              // waits to be claimed
  EXPECT_TRUE(s.ticket.first_response_due_at);  // the SLA policy applies
  auto contact = db->reader().get<storage::ContactStore>().ticket_contact(s.ticket.id);
  ASSERT_TRUE(contact);
  EXPECT_EQ(contact->phone, "13800138000");
  EXPECT_EQ(contact->name, "王女士");
  EXPECT_FALSE(s.ticket.member_id);  // no member has that phone, and none is created
  EXPECT_EQ(db->reader().count("members"), 0);

  // Staff see it, unclaimed, in the store.
  auto seen = as(agent, [&](Context& c) { return get_ticket(c, s.ticket.id); });
  EXPECT_EQ(seen.number, s.ticket.number);
}

TEST_F(PublicTickets, AKnownPhoneLinksTheMember) {
  auto m = as(supervisor, [&](Context& c) { return create_member(c, {.name = "李先生", .phone = "13900139000"}); });
  auto s = submit({.type = "praise", .phone = "+86 139-0013-9000"});
  EXPECT_EQ(s.ticket.member_id, m.id);
  EXPECT_EQ(s.ticket.type, "praise");
}

TEST_F(PublicTickets, BadSubmissionsAreRefusedAndNothingIsStored) {
  EXPECT_EQ(code_of([&] { submit({.type = "return"}); }), "invalid_enum");
  EXPECT_EQ(code_of([&] { submit({.phone = "12"}); }), "invalid_phone");
  EXPECT_EQ(code_of([&] { submit({.store_code = "Z"}); }), "unknown_reference");
  EXPECT_EQ(code_of([&] { submit({.store_id = 999}); }), "unknown_reference");
  EXPECT_EQ(code_of([&] { submit({.description = std::string(2001, 'x')}); }), "too_long");
  EXPECT_EQ(db->reader().count("tickets"), 0);
}

TEST_F(PublicTickets, TrackingNeedsTheNumberPhoneAndCodeAndSaysTheSameForEveryMistake) {
  auto s = submit();
  const auto code = s.tracking_code;
  EXPECT_EQ(code.size(), 6u);
  EXPECT_EQ(code_for(s.ticket.id), code) << "the desk's slip shows the same code";
  auto ok = track(s.ticket.number, "13800138000", code);
  ASSERT_TRUE(ok);
  EXPECT_EQ(view(ok->token).number, s.ticket.number);
  EXPECT_EQ(view(ok->token).tracking_code, code);
  EXPECT_TRUE(track(s.ticket.number, "+86 138 0013 8000", code));
  EXPECT_FALSE(track(s.ticket.number, "13800138001", code));
  EXPECT_FALSE(track("KF000000000000", "13800138000", code));
  EXPECT_FALSE(track(s.ticket.number, "not a phone", code));
  EXPECT_EQ(code_of([&] { track(s.ticket.number, "13800138000", ""); }), "required")
      << "number + phone alone is not enough";
  EXPECT_FALSE(track(s.ticket.number, "13800138000", code == "222222" ? "333333" : "222222"));
}

TEST_F(PublicTickets, TrackingFailuresAreThrottledPerNumberPhoneAndAddress) {
  auto s = submit();
  const auto code = s.tracking_code;
  // Per number: from many addresses and phones.
  for (int i = 0; i < kTrackFailuresMax; ++i)
    track(s.ticket.number, "1380013800" + std::to_string(i % 9 + 1), "222222", kNow, "10.1.0." + std::to_string(i));
  EXPECT_EQ(code_of([&] { track(s.ticket.number, "13800138000", code, kNow, "10.9.9.9"); }), "too_many_attempts");
  EXPECT_TRUE(track(s.ticket.number, "13800138000", code, kNow + kTrackWindowMs + 1, "10.9.9.9"));
  // Per phone: one phone against every number, from many addresses.
  for (int i = 0; i < kTrackFailuresMax; ++i)
    track("KF20260101" + std::to_string(1000 + i), "13900139000", "222222", kNow, "10.2.0." + std::to_string(i));
  EXPECT_EQ(code_of([&] { track("KF202601019999", "139 0013 9000", "222222", kNow, "10.9.9.8"); }),
            "too_many_attempts");
  // Per address: one address, every number and phone.
  for (int i = 0; i < kTrackFailuresPerAddressMax; ++i)
    track("KF20260102" + std::to_string(1000 + i), "1370013" + std::to_string(7000 + i), "222222", kNow, "10.3.0.1");
  auto s2 = submit({.phone = "13500135000"});
  EXPECT_EQ(code_of([&] { track(s2.ticket.number, "13500135000", s2.tracking_code, kNow + 1, "10.3.0.1"); }),
            "too_many_attempts")
      << "the address is blocked even for a right guess";
  EXPECT_TRUE(track(s2.ticket.number, "13500135000", s2.tracking_code, kNow + 1, "10.3.0.2"));
}

TEST_F(PublicTickets, SubmittingAndReplyingAreLimited) {
  for (int i = 0; i < kSubmitsPerPhone; ++i) submit({.remote = "10.4.0.1"});
  EXPECT_EQ(code_of([&] { submit({.remote = "10.4.0.2"}); }), "rate_limited") << "per phone";
  EXPECT_NO_THROW(submit({.phone = "13700137000", .remote = "10.4.0.2"}));
  auto s = submit({.phone = "13600136000", .remote = "10.4.0.3"});
  for (int i = 0; i < kRepliesPerTicket; ++i)
    as(people::customer_actor(),
       [&](Context& c) { return customer_reply(c, s.access.token, "催一下", "10.5.0." + std::to_string(i)); });
  EXPECT_EQ(code_of([&] {
              as(people::customer_actor(),
                 [&](Context& c) { return customer_reply(c, s.access.token, "在吗", "10.6.0.1"); });
            }),
            "rate_limited")
      << "per ticket";
}
TEST_F(PublicTickets, ATokenOpensItsOwnTicketOnly) {
  auto a = submit({.subject = "甲的投诉"});
  auto b = submit({.subject = "乙的投诉", .phone = "13700137000"});
  EXPECT_EQ(view(a.access.token).subject, "甲的投诉");
  EXPECT_EQ(view(b.access.token).subject, "乙的投诉");
  EXPECT_EQ(a.access.token.find('.'), std::string::npos) << "random, not a signed id";
  EXPECT_EQ(code_of([&] { view("garbage"); }), "invalid_link");
  EXPECT_EQ(code_of([&] { view(std::to_string(b.ticket.id) + ".99999999999999.abc"); }), "invalid_link");
  EXPECT_EQ(code_of([&] { view(a.access.token, kNow + kAccessTokenTtlMs); }), "link_expired");
}

TEST_F(PublicTickets, StaffRevokeAccessAndAClosedTicketsPageEndsAWeekLater) {
  auto s = submit();
  // A signed link of before issue 11 still opens the ticket until revoked.
  auto legacy = as(agent, [&](Context& c) {
    return links::sign(s.ticket.id, kNow + 30 * 24 * kHour, signing_key(c, "ticket_access"));
  });
  EXPECT_EQ(view(legacy).number, s.ticket.number);
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return revoke_customer_access(c, s.ticket.id); }); }),
            "forbidden")
      << "not the owner";
  EXPECT_EQ(as(
                supervisor, [&](Context& c) { return revoke_customer_access(c, s.ticket.id); }, kNow + kHour),
            1);
  EXPECT_EQ(code_of([&] { view(s.access.token, kNow + 2 * kHour); }), "link_expired");
  EXPECT_EQ(code_of([&] { view(legacy, kNow + 2 * kHour); }), "link_expired");
  // Tracking again gives a new access.
  auto again = track(s.ticket.number, "13800138000", s.tracking_code, kNow + 3 * kHour);
  ASSERT_TRUE(again);
  EXPECT_EQ(view(again->token, kNow + 3 * kHour).number, s.ticket.number);

  as(agent, [&](Context& c) { return claim_ticket(c, s.ticket.id); });
  move(agent, s.ticket.id, "resolved", kNow + 4 * kHour);
  move(agent, s.ticket.id, "closed", kNow + 5 * kHour);
  auto late = track(s.ticket.number, "13800138000", s.tracking_code, kNow + 6 * kHour);
  ASSERT_TRUE(late);
  EXPECT_EQ(view(late->token, kNow + 5 * kHour + kClosedAccessMs - 1).status, "closed");
  EXPECT_EQ(code_of([&] { view(late->token, kNow + 5 * kHour + kClosedAccessMs); }), "link_expired");
}

TEST_F(PublicTickets, ACsatLinkIsNotAnAccessTokenAndViceVersa) {
  auto s = submit();
  as(agent, [&](Context& c) { return claim_ticket(c, s.ticket.id); });
  move(agent, s.ticket.id, "resolved", kNow + kHour);
  auto link = as(
      agent, [&](Context& c) { return create_csat_link(c, s.ticket.id); }, kNow + kHour);
  EXPECT_EQ(code_of([&] { view(link.token, kNow + 2 * kHour); }), "invalid_link");
  EXPECT_EQ(code_of([&] {
              auto& r = db->reader();
              Context c{r, people::customer_actor(), kNow + 2 * kHour, seg.get()};
              csat_view(c, s.access.token);
            }),
            "invalid_link");
  // The CSAT state shows on the customer's page once rated.
  as(
      people::customer_actor(), [&](Context& c) { return rate(c, link.token, 5, "很好"); }, kNow + 2 * kHour);
  auto v = view(s.access.token, kNow + 3 * kHour);
  ASSERT_TRUE(v.rating);
  EXPECT_EQ(v.rating->rating, 5);
}

TEST_F(PublicTickets, TheCustomerSeesRepliesButNeverNotesOrStaffNames) {
  auto s = submit();
  as(agent, [&](Context& c) { return claim_ticket(c, s.ticket.id); });
  as(agent, [&](Context& c) { return add_message(c, s.ticket.id, "内部备注：顾客上次也投诉过", false); });
  as(agent, [&](Context& c) { return add_message(c, s.ticket.id, "您好，已安排店员整理试衣间。", true); });
  auto v = view(s.access.token);
  ASSERT_EQ(v.events.size(), 1u);
  EXPECT_EQ(v.events[0].kind, "reply");
  EXPECT_EQ(v.events[0].from, "service");
  EXPECT_EQ(v.events[0].body, "您好，已安排店员整理试衣间。");
  for (const auto& e : v.events) EXPECT_EQ(e.body.find("内部备注"), std::string::npos);
  EXPECT_EQ(v.status, "in_progress");
  EXPECT_EQ(v.status_zh, "处理中");
  EXPECT_EQ(v.store_name, "甲店");
  EXPECT_EQ(v.description, "三楼女装试衣间衣服堆了一地，等了二十分钟没有店员。");
}

TEST_F(PublicTickets, ACustomerReplyReachesStaffAndNotifiesTheOwner) {
  auto s = submit();
  // Unclaimed: the store's supervisors hear of it.
  reply(s.access.token, "请尽快处理");
  EXPECT_EQ(
      db->reader().get<storage::NotificationStore>().notifications(supervisor.staff_id, std::nullopt, false, 10).size(),
      1u);

  as(agent, [&](Context& c) { return claim_ticket(c, s.ticket.id); });
  move(agent, s.ticket.id, "waiting_customer", kNow + 2 * kHour);
  auto e = reply(s.access.token, "小票照片已补充", kNow + 3 * kHour);
  EXPECT_EQ(e.kind, "customer_reply");
  EXPECT_TRUE(e.customer_visible);
  auto mine = db->reader().get<storage::NotificationStore>().notifications(agent.staff_id, std::nullopt, false, 10);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].kind, "customer_reply");

  auto tl = as(agent, [&](Context& c) { return timeline(c, s.ticket.id); });
  int replies = 0;
  for (const auto& ev : tl.events) replies += ev.kind == "customer_reply";
  EXPECT_EQ(replies, 2);
  // Waiting on the customer, the reply puts the ticket back in work.
  EXPECT_EQ(db->reader().get<storage::TicketStore>().ticket(s.ticket.id)->status, "in_progress");

  EXPECT_EQ(code_of([&] { reply(s.access.token, ""); }), "required");
  EXPECT_EQ(code_of([&] { reply(s.access.token, std::string(2001, 'a')); }), "too_long");
  move(agent, s.ticket.id, "resolved", kNow + 4 * kHour);
  move(agent, s.ticket.id, "closed", kNow + 5 * kHour);
  EXPECT_EQ(code_of([&] { reply(s.access.token, "还有问题", kNow + 6 * kHour); }), "ticket_closed");
  EXPECT_FALSE(view(s.access.token, kNow + 6 * kHour).can_reply);
}

TEST_F(PublicTickets, PhotosAreTheCustomersOwnAndLimited) {
  auto s = submit();
  ticket::Attachment a{0, 0, "abc", "image/png", "receipt.png", 100, 0, 0};
  for (std::size_t i = 0; i < kCustomerPhotosMax; ++i)
    as(people::customer_actor(), [&](Context& c) { return add_customer_photo(c, s.access.token, a); });
  EXPECT_EQ(code_of([&] {
              as(people::customer_actor(), [&](Context& c) { return add_customer_photo(c, s.access.token, a); });
            }),
            "too_many_photos");
  auto v = view(s.access.token);
  EXPECT_EQ(v.photos.size(), kCustomerPhotosMax);
  auto other = submit({.phone = "13700137000"});
  auto& r = db->reader();
  Context c{r, people::customer_actor(), kNow, seg.get()};
  EXPECT_EQ(code_of([&] { customer_photo(c, other.access.token, v.photos[0].id); }), "not_found");
  EXPECT_EQ(customer_photo(c, s.access.token, v.photos[0].id).filename, "receipt.png");
}

}  // namespace
}  // namespace kefu::app
