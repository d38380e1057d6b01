// The member page as the desk sees it: one call gathers the member's purchases, points,
// tickets, chats, feedback, CSAT and NPS answers from every capability, each kept to the
// caller's stores; the value at risk says why; the report finds the member.
#include "members/app/overview.hpp"

#include "callbacks/storage/callback_store.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/app/use_case_test.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "members/storage/member_store.hpp"
#include "purchases/app/purchases.hpp"
#include "tickets/storage/ticket_store.hpp"

namespace kefu::app {
namespace {

using testing::kNow;
using testing::UseCaseTest;

constexpr int64_t kDay = 86'400'000;

class MemberOverviewTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    db->write_sync([&](storage::Stores& r) {
      a = r.get<storage::OrgStore>().insert_store({.code = "SH", .name = "上海店"});
      b = r.get<storage::OrgStore>().insert_store({.code = "CD", .name = "成都店"});
      sup = make(r, "chen", "supervisor", {a}, {});
      agent = make(r, "zhang", "agent", {a}, {});
      agent_b = make(r, "liu", "agent", {b}, {});
      sup_b = make(r, "gao", "supervisor", {b}, {});
      pos = make(r, "pos", "admin", {}, {});
      member = r.get<storage::MemberStore>().insert_member(
          {.member_no = "M00000001", .name = "王芳", .phone = "13800000001", .home_store_id = a});
    });
    // Weekly visits for eight weeks, the last a week ago: ¥200 each, 20 points each; one
    // of them in store B.
    for (int w = 1; w <= 8; ++w) buy(w == 4 ? b : a, "R-" + std::to_string(w), kNow - w * 7 * kDay, 20'000);
    db->write_sync([&](storage::Stores& r) {
      auto& tickets = r.get<storage::TicketStore>();
      auto t = ticket(a, "complaint", "in_progress");
      complaint = tickets.insert_ticket(t);
      auto done = ticket(a, "inquiry", "closed");
      rated = tickets.insert_ticket(done);
      auto other = ticket(b, "suggestion", "new");
      tickets.insert_ticket(other);
      r.get<storage::CallbackStore>().insert_csat({rated, 1, "态度差", kNow - 2 * kDay});
      chat::Conversation c;
      c.store_id = a;
      c.queue = "members";
      c.status = "ended";
      c.visitor_digest = "v1";
      c.member_id = member;
      c.created_at = c.last_message_at = kNow - 3 * kDay;
      r.get<storage::ConversationStore>().insert_conversation(c);
      feedback::Item f;
      f.store_id = a;
      f.said_at = f.received_at = kNow - kDay;
      f.text = "收银排队太久";
      f.member_id = member;
      r.get<storage::FeedbackStore>().insert_item(f);
    });
  }

  void buy(int64_t store, const std::string& no, int64_t at, int64_t fen) {
    as(pos, [&](Context& c) {
      OrderInput in;
      in.order.store_id = store;
      in.order.receipt_no = no;
      in.order.sold_at = at;
      in.order.points_earned = 20;
      in.order.source = "api";
      in.member_no = "M00000001";
      in.order.lines = {{.line_no = 1,
                         .brand = "江南布衣",
                         .name = "开衫",
                         .category = "clothing",
                         .quantity = 1,
                         .unit_price_fen = fen}};
      return record_order(c, in).created;
    });
  }

  ticket::Ticket ticket(int64_t store, const char* type, const char* status) {
    ticket::Ticket t;
    t.store_id = store;
    t.type = ticket::Type::of(type);
    t.status = ticket::Status::of(status);
    t.channel = "service_desk";
    t.priority = "P3";
    t.subject = "会员来访";
    t.member_id = member;
    t.created_by = sup.staff_id;
    t.created_at = t.updated_at = kNow - 5 * kDay;
    return t;
  }

  int64_t a = 0, b = 0, member = 0, complaint = 0, rated = 0;
  people::Actor sup, agent, agent_b, sup_b, pos;
};

TEST_F(MemberOverviewTest, OneCallGathersEveryCapabilityInTheCallersStores) {
  auto o = as(agent, [&](Context& c) { return member_overview(c, member); });
  EXPECT_EQ(o.member.name, "王芳");
  EXPECT_EQ(o.points, 160);
  // Totals count every store: 8 visits of ¥200.
  EXPECT_EQ(o.all_time.visits, 8);
  EXPECT_EQ(o.all_time.paid_fen, 160'000);
  EXPECT_EQ(o.last_12_months.paid_fen, 160'000);
  EXPECT_EQ(o.months.size(), 12u);
  ASSERT_FALSE(o.top_categories.empty());
  EXPECT_EQ(o.top_categories[0].key, "clothing");
  EXPECT_EQ(o.top_brands[0].key, "江南布衣");
  // The lists keep to store A: 7 purchases, 2 tickets, the chat, the feedback, the CSAT.
  EXPECT_EQ(o.recent_purchases.size(), 7u);
  EXPECT_EQ(o.tickets.size(), 2u);
  EXPECT_EQ(o.conversations.size(), 1u);
  ASSERT_EQ(o.feedback.size(), 1u);
  EXPECT_EQ(o.feedback[0].text, "收银排队太久");
  ASSERT_EQ(o.ratings.size(), 1u);
  EXPECT_EQ(o.ratings[0].kind, "csat");
  EXPECT_EQ(o.ratings[0].score, 1);
  // Weekly rhythm, a regular: the open complaint and the CSAT of 1 put the value at risk.
  EXPECT_EQ(o.value.value.rhythm.median_gap_days, 7.0);
  EXPECT_GT(o.value.value.clv_fen, 0);
  ASSERT_TRUE(o.value.risk.at_risk);
  ASSERT_EQ(o.value.risk.reasons.size(), 2u);
  EXPECT_EQ(o.value.risk.reasons[0].code, "open_complaint");
  EXPECT_EQ(o.value.risk.reasons[1].code, "bad_rating");
  EXPECT_EQ(o.value.risk.amount_fen, o.value.value.clv_if_retained_fen);

  // Store B's agent reaches the member through store B's ticket, and sees store B only.
  auto ob = as(agent_b, [&](Context& c) { return member_overview(c, member); });
  EXPECT_EQ(ob.tickets.size(), 1u);
  EXPECT_EQ(ob.recent_purchases.size(), 1u);
  EXPECT_TRUE(ob.conversations.empty());
  EXPECT_TRUE(ob.feedback.empty());
  EXPECT_TRUE(ob.ratings.empty());
  EXPECT_EQ(ob.value.value.clv_fen, o.value.value.clv_fen);  // the value is the chain's
}

TEST_F(MemberOverviewTest, MembersOutOfReachAreNotFound) {
  people::Actor stranger;
  db->write_sync([&](storage::Stores& r) {
    const auto c = r.get<storage::OrgStore>().insert_store({.code = "BJ", .name = "北京店"});
    stranger = make(r, "zhao", "agent", {c}, {});
  });
  EXPECT_EQ(code_of([&] { as(stranger, [&](Context& c) { return member_overview(c, member).points; }); }), "not_found");
  EXPECT_EQ(code_of([&] { as(stranger, [&](Context& c) { return member_value(c, member).risk.at_risk; }); }),
            "not_found");
}

TEST_F(MemberOverviewTest, TheReportFindsTheMemberInTheirHomeStore) {
  auto r = as(sup, [&](Context& c) { return value_at_risk_report(c, std::nullopt); });
  EXPECT_EQ(r.members_checked, 1);
  ASSERT_EQ(r.members.size(), 1u);
  EXPECT_EQ(r.members[0].member.id, member);
  EXPECT_EQ(r.total_fen, r.members[0].value.risk.amount_fen);
  EXPECT_EQ(r.reasons, (std::vector<std::pair<std::string, int>>{{"bad_rating", 1}, {"open_complaint", 1}}));
  // Store B's supervisor: the member's home is store A.
  auto rb = as(sup_b, [&](Context& c) { return value_at_risk_report(c, std::nullopt); });
  EXPECT_EQ(rb.members_checked, 0);
  EXPECT_EQ(code_of([&] { as(sup_b, [&](Context& c) { return value_at_risk_report(c, a).total_fen; }); }), "not_found");
  EXPECT_EQ(code_of([&] { as(agent, [&](Context& c) { return value_at_risk_report(c, a).total_fen; }); }), "forbidden");
}

}  // namespace
}  // namespace kefu::app
