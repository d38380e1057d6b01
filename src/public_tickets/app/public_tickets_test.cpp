// The customer's own tickets (mobile page): submit, track, view, reply, photos.
#include "public_tickets/app/public_tickets.hpp"

#include "callbacks/app/csat.hpp"
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
        system_actor(), [&](Context& c) { return submit_public_ticket(c, in); }, at);
  }
  std::optional<PublicAccess> track(const std::string& number, const std::string& phone, int64_t at = kNow) {
    return as(
        system_actor(), [&](Context& c) { return track_ticket(c, number, phone); }, at);
  }
  PublicTicketView view(const std::string& token, int64_t at = kNow + kHour) {
    auto& r = db->reader();
    Context c{r, system_actor(), at, seg.get()};
    return public_ticket_view(c, token);
  }
  ticket::Event reply(const std::string& token, const std::string& body, int64_t at = kNow + kHour) {
    return as(
        system_actor(), [&](Context& c) { return customer_reply(c, token, body); }, at);
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

TEST_F(PublicTickets, TrackingNeedsTheRightNumberAndPhoneAndSaysTheSameForEitherMistake) {
  auto s = submit();
  auto ok = track(s.ticket.number, "13800138000");
  ASSERT_TRUE(ok);
  EXPECT_EQ(view(ok->token).number, s.ticket.number);
  EXPECT_TRUE(track(s.ticket.number, "+86 138 0013 8000"));
  EXPECT_FALSE(track(s.ticket.number, "13800138001"));
  EXPECT_FALSE(track("KF000000000000", "13800138000"));
  EXPECT_FALSE(track(s.ticket.number, "not a phone"));

  // The route answers both with the same 404 not_found; here both are nullopt. After
  // too many failures for a number, tracking it is refused for a while.
  for (int i = 0; i < kTrackFailuresMax; ++i) code_of([&] { track(s.ticket.number, "13800138001"); });
  EXPECT_EQ(code_of([&] { track(s.ticket.number, "13800138000"); }), "too_many_attempts");
  EXPECT_TRUE(track(s.ticket.number, "13800138000", kNow + kTrackWindowMs + 1));
}

TEST_F(PublicTickets, AStaffTicketOfAMemberIsTrackedByTheMembersPhone) {
  auto m = as(supervisor, [&](Context& c) { return create_member(c, {.name = "李先生", .phone = "13900139000"}); });
  auto t = as(agent, [&](Context& c) {
    return create_ticket(
        c, {.store_id = store_a, .type = "inquiry", .channel = "service_desk", .subject = "开发票", .member_id = m.id});
  });
  EXPECT_TRUE(track(t.number, "13900139000"));
  EXPECT_FALSE(track(t.number, "13800138000"));
  // The description was written by staff: not shown to the customer.
  EXPECT_EQ(view(track(t.number, "13900139000")->token).description, "");
}

TEST_F(PublicTickets, ATokenOpensItsOwnTicketOnly) {
  auto a = submit({.subject = "甲的投诉"});
  auto b = submit({.subject = "乙的投诉", .phone = "13700137000"});
  EXPECT_EQ(view(a.access.token).subject, "甲的投诉");
  EXPECT_EQ(view(b.access.token).subject, "乙的投诉");
  // A's token with B's id spliced in does not verify.
  auto forged = std::to_string(b.ticket.id) + a.access.token.substr(a.access.token.find('.'));
  EXPECT_EQ(code_of([&] { view(forged); }), "invalid_link");
  EXPECT_EQ(code_of([&] { view("garbage"); }), "invalid_link");
  EXPECT_EQ(code_of([&] { view(a.access.token, kNow + kAccessTokenTtlMs); }), "link_expired");
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
              Context c{r, system_actor(), kNow + 2 * kHour, seg.get()};
              csat_view(c, s.access.token);
            }),
            "invalid_link");
  // The CSAT state shows on the customer's page once rated.
  as(
      system_actor(), [&](Context& c) { return rate(c, link.token, 5, "很好"); }, kNow + 2 * kHour);
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
    as(system_actor(), [&](Context& c) { return add_customer_photo(c, s.access.token, a); });
  EXPECT_EQ(code_of([&] { as(system_actor(), [&](Context& c) { return add_customer_photo(c, s.access.token, a); }); }),
            "too_many_photos");
  auto v = view(s.access.token);
  EXPECT_EQ(v.photos.size(), kCustomerPhotosMax);
  auto other = submit({.phone = "13700137000"});
  auto& r = db->reader();
  Context c{r, system_actor(), kNow, seg.get()};
  EXPECT_EQ(code_of([&] { customer_photo(c, other.access.token, v.photos[0].id); }), "not_found");
  EXPECT_EQ(customer_photo(c, s.access.token, v.photos[0].id).filename, "receipt.png");
}

}  // namespace
}  // namespace kefu::app
