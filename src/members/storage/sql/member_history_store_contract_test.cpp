// The storage contract of MemberHistoryStore: a member's purchase days in Shanghai time,
// open complaints, ratings, members by home store, spend by category and brand, a store's
// activity, conversations and feedback items.
#include <gtest/gtest.h>

#include "callbacks/storage/callback_store.hpp"
#include "chat/storage/conversation_store.hpp"
#include "core/storage/contract_fixture.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "feedback/storage/nps_store.hpp"
#include "members/storage/member_history_store.hpp"
#include "purchases/storage/purchase_store.hpp"

namespace kefu::storage {
namespace {

constexpr int64_t kDayMs = 86'400'000;
// 2026-12-05 00:00 in Shanghai.
constexpr int64_t kMidnight = 1'796'400'000'000;

class MemberHistoryStoreContract : public Contract {
 protected:
  void order(Stores& r, int64_t store, int64_t member, const std::string& no, int64_t at,
             std::vector<std::tuple<std::string, std::string, int, int64_t>> lines) {
    purchase::Order o;
    o.store_id = store;
    o.receipt_no = no;
    o.member_id = member;
    o.sold_at = at;
    o.payment = "wechat";
    o.source = "api";
    o.created_at = at;
    bool created = false;
    auto& p = r.get<PurchaseStore>();
    const auto id = p.upsert_order(o, created);
    std::vector<purchase::Line> ls;
    int n = 0;
    for (const auto& [category, brand, qty, paid] : lines) {
      purchase::Line l;
      l.line_no = ++n;
      l.category = category;
      l.brand = brand;
      l.quantity = qty;
      l.unit_price_fen = paid / qty;
      l.paid_fen = paid;
      ls.push_back(l);
    }
    p.insert_lines(id, ls);
  }
};

TEST_P(MemberHistoryStoreContract, PurchasesByDayAndBySpend) {
  int64_t m = 0, other = 0;
  db->write_sync([&](Stores& r) {
    m = r.get<MemberStore>().insert_member(
        {.member_no = "M1", .name = "王芳", .phone = "13800000001", .home_store_id = store_a});
    other = r.get<MemberStore>().insert_member(
        {.member_no = "M2", .name = "赵磊", .phone = "13800000002", .home_store_id = store_b});
    // Two orders on the same Shanghai day (23:59 and 00:00 of the day before belong apart).
    order(r, store_a, m, "R1", kMidnight - 1, {{"clothing", "江南布衣", 1, 50'000}});
    order(r, store_a, m, "R2", kMidnight, {{"shoes", "百丽", 1, 30'000}, {"clothing", "江南布衣", 2, 20'000}});
    order(r, store_b, m, "R3", kMidnight + 5 * 3'600'000, {{"cosmetics", "", 1, 9'000}});
    // A return two days later: a day with no sale.
    order(r, store_a, m, "R4", kMidnight + 2 * kDayMs, {{"shoes", "百丽", -1, -30'000}});
    order(r, store_b, other, "R5", kMidnight, {{"toys", "乐高", 1, 70'000}});
  });
  auto& h = db->reader().get<MemberHistoryStore>();
  const int64_t day = people::local_day(kMidnight);
  auto days = h.purchase_days({.member_id = m});
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0].member_id, m);
  ASSERT_EQ(days[0].days.size(), 3u);
  EXPECT_EQ(days[0].days[0].day, day - 1);
  EXPECT_EQ(days[0].days[0].paid_fen, 50'000);
  EXPECT_EQ(days[0].days[1].day, day);
  EXPECT_EQ(days[0].days[1].paid_fen, 59'000);
  EXPECT_EQ(days[0].days[1].sales_fen, 59'000);
  EXPECT_EQ(days[0].days[2].day, day + 2);
  EXPECT_EQ(days[0].days[2].paid_fen, -30'000);
  EXPECT_EQ(days[0].days[2].sales_fen, 0);
  // By home store: the other member only; every member: both, by id.
  auto of_b = h.purchase_days({.home_store_ids = {store_b}});
  ASSERT_EQ(of_b.size(), 1u);
  EXPECT_EQ(of_b[0].member_id, other);
  EXPECT_EQ(h.purchase_days({}).size(), 2u);
  auto members = h.members({.home_store_ids = {store_a}});
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].name, "王芳");
  EXPECT_EQ(members[0].home_store_id, store_a);
  EXPECT_EQ(h.members({}).size(), 2u);

  auto by_category = h.spend_by(m, "category", 0, 10);
  ASSERT_EQ(by_category.size(), 3u);  // clothing 70,000; cosmetics 9,000; shoes 0 (returned)
  EXPECT_EQ(by_category[0].key, "clothing");
  EXPECT_EQ(by_category[0].paid_fen, 70'000);
  EXPECT_EQ(by_category[0].units, 3);
  EXPECT_EQ(by_category[2].key, "shoes");
  EXPECT_EQ(by_category[2].paid_fen, 0);
  auto by_brand = h.spend_by(m, "brand", kMidnight, 1);  // since midnight; brandless lines left out
  ASSERT_EQ(by_brand.size(), 1u);
  EXPECT_EQ(by_brand[0].key, "江南布衣");
  EXPECT_EQ(by_brand[0].paid_fen, 20'000);

  // Store A since the day before: member m on two days with a sale (the return day is no visit).
  auto a = h.store_activity(store_a, kMidnight - kDayMs);
  EXPECT_EQ(a.members, 1);
  EXPECT_EQ(a.visits, 2);
  EXPECT_EQ(a.paid_fen, 100'000);
  EXPECT_EQ(h.store_activity(store_a, kMidnight + 10 * kDayMs).visits, 0);
}

TEST_P(MemberHistoryStoreContract, ComplaintsRatingsAndContacts) {
  int64_t m = 0, t_open = 0, t_done = 0, conv = 0, item = 0;
  db->write_sync([&](Stores& r) {
    m = r.get<MemberStore>().insert_member(
        {.member_no = "M1", .name = "王芳", .phone = "13800000001", .home_store_id = store_a});
    auto& tickets = r.get<TicketStore>();
    auto complaint = make_ticket(store_a, 100, "投诉");
    complaint.type = "complaint";
    complaint.member_id = m;
    t_open = tickets.insert_ticket(complaint);
    auto done = make_ticket(store_a, 200, "投诉");
    done.type = "complaint";
    done.status = "resolved";
    done.member_id = m;
    t_done = tickets.insert_ticket(done);
    auto inquiry = make_ticket(store_a, 300);
    inquiry.member_id = m;
    tickets.insert_ticket(inquiry);
    r.get<CallbackStore>().insert_csat({t_done, 2, "太慢", 1'000});
    auto& nps = r.get<NpsStore>();
    feedback::Campaign k;
    k.name = "季度";
    k.store_ids = {store_a};
    k.created_by = staff;
    const auto campaign = nps.put_campaign(k);
    feedback::Invitation inv;
    inv.campaign_id = campaign;
    inv.store_id = store_a;
    inv.member_id = m;
    inv.sent_at = 1'500;
    const auto answered = nps.insert_invitation(inv, "");
    nps.answer(answered, 4, "停车难", "detractor", 2'000, std::nullopt);
    inv.sent_at = 1'600;
    nps.insert_invitation(inv, "");  // not answered: no rating
    chat::Conversation c;
    c.store_id = store_a;
    c.queue = "members";
    c.status = "ended";
    c.visitor_digest = "d1";
    c.member_id = m;
    c.customer_name = "王女士";
    c.created_at = c.last_message_at = 3'000;
    conv = r.get<ConversationStore>().insert_conversation(c);
    feedback::Item f;
    f.store_id = store_b;
    f.source = "desk";
    f.said_at = f.received_at = 4'000;
    f.text = "试衣间太少";
    f.rating = 2;
    f.member_id = m;
    item = r.get<FeedbackStore>().insert_item(f);
  });
  auto& h = db->reader().get<MemberHistoryStore>();
  EXPECT_EQ(h.open_complaints({.member_id = m}), (std::vector<std::pair<int64_t, int>>{{m, 1}}));
  EXPECT_TRUE(h.open_complaints({.home_store_ids = {store_b}}).empty());
  auto ratings = h.ratings({.member_id = m}, 0);
  ASSERT_EQ(ratings.size(), 2u);
  EXPECT_EQ(ratings[0].kind, "nps");
  EXPECT_EQ(ratings[0].score, 4);
  EXPECT_EQ(ratings[0].comment, "停车难");
  EXPECT_EQ(ratings[0].at, 2'000);
  EXPECT_EQ(ratings[1].kind, "csat");
  EXPECT_EQ(ratings[1].ticket_id, t_done);
  EXPECT_EQ(ratings[1].score, 2);
  EXPECT_EQ(ratings[1].member_id, m);
  EXPECT_EQ(h.ratings({.member_id = m}, 1'500).size(), 1u);
  auto convs = h.conversations(m, {}, 10);
  ASSERT_EQ(convs.size(), 1u);
  EXPECT_EQ(convs[0].id, conv);
  EXPECT_EQ(convs[0].status, "ended");
  EXPECT_EQ(convs[0].label, "members");
  EXPECT_TRUE(h.conversations(m, {store_b}, 10).empty());
  auto items = h.feedback_items(m, {store_b}, 10);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].id, item);
  EXPECT_EQ(items[0].text, "试衣间太少");
  EXPECT_EQ(items[0].rating, 2);
  EXPECT_TRUE(h.feedback_items(m, {store_a}, 10).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, MemberHistoryStoreContract, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace kefu::storage
