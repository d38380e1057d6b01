// Feedback that kefu itself produces: a complaint / suggestion / praise ticket, a CSAT
// comment and a chat's customer lines each become one item, in the write that caused it,
// once — however often the cause is seen again.
#include "feedback/app/feedback_flow_ins.hpp"

#include <gtest/gtest.h>

#include "callbacks/app/csat.hpp"
#include "chat/app/chat_fixture.hpp"
#include "chat/app/desk.hpp"
#include "feedback/storage/feedback_store.hpp"
#include "tickets/app/tickets.hpp"

namespace kefu::app::testing {
namespace {

class FeedbackFlowIns : public Chat {
 protected:
  std::vector<feedback::Item> items(const std::string& source) {
    storage::FeedbackFilter f;
    f.source = source;
    f.limit = 100;
    return db->reader().get<storage::FeedbackStore>().list_items(f);
  }
  ticket::Ticket ticket(const std::string& type, const std::string& channel, const std::string& location,
                        const std::string& description = "收银台只开了两个，排了二十分钟") {
    return as(agent, [&](Context& c) {
      return create_ticket(c, {.store_id = store_a,
                               .type = type,
                               .channel = channel,
                               .subject = "排队太久",
                               .description = description,
                               .location = location});
    });
  }
};

TEST_F(FeedbackFlowIns, AComplaintTicketIsOneItemWithItsTouchpoint) {
  const auto t = ticket("complaint", "hotline", "B1 超市 收银区");
  auto got = items("ticket");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, "收银台只开了两个，排了二十分钟");
  EXPECT_EQ(got[0].store_id, store_a);
  EXPECT_EQ(got[0].ticket_id, t.id);
  EXPECT_EQ(got[0].source_ref, "ticket:" + std::to_string(t.id));
  EXPECT_EQ(got[0].touchpoint, "cashier") << "the location says more than the hotline";
  EXPECT_EQ(got[0].said_at, kNow);

  as(agent, [&](Context& c) {
    feedback_from_ticket(c, t);  // seen again
    return 0;
  });
  EXPECT_EQ(items("ticket").size(), 1u) << "nothing counted twice";
}

TEST_F(FeedbackFlowIns, SuggestionsAndPraiseCountInquiriesAndReturnsDoNot) {
  ticket("suggestion", "service_desk", "", "");  // no description: the subject is the words
  ticket("praise", "floor_desk", "");
  ticket("inquiry", "service_desk", "");
  ticket("return", "service_desk", "");
  auto got = items("ticket");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].text, "排队太久");
  EXPECT_EQ(got[1].touchpoint, "service_desk");
  EXPECT_EQ(got[0].touchpoint, "floor");
}

TEST_F(FeedbackFlowIns, ACsatCommentIsAnItemWithItsStarsAWordlessRatingIsNot) {
  const auto t = resolved_ticket(agent);
  const auto u = resolved_ticket(agent, kNow + 1);
  const auto rate_with = [&](int64_t id, int stars, const std::string& comment) {
    const auto link = as(
        agent, [&](Context& c) { return create_csat_link(c, id); }, kNow + 2 * kHour);
    as(
        people::customer_actor(), [&](Context& c) { return app::rate(c, link.token, stars, comment); },
        kNow + 3 * kHour);
  };
  rate_with(t.id, 2, "  回复太慢了 ");
  rate_with(u.id, 5, "");
  auto got = items("csat");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, "回复太慢了");
  EXPECT_EQ(got[0].rating, 2);
  EXPECT_EQ(got[0].ticket_id, t.id);
  EXPECT_EQ(got[0].touchpoint, "service_desk");
  EXPECT_EQ(got[0].source_ref, "csat:" + std::to_string(t.id));
  EXPECT_EQ(items("ticket").size(), 2u) << "the tickets themselves were complaints";
}

TEST_F(FeedbackFlowIns, AnEndedChatGivesTheCustomersLinesOnce) {
  online(agent);
  auto s = start();
  const auto id = s.conversation.id;
  as(agent_b, [&](Context& c) { return customer_say(c, s.token, "m1", "停车场的指示牌看不清"); });
  as(agent, [&](Context& c) { return agent_say(c, id, "a1", "抱歉，我们马上反馈给物业", false); });
  as(agent_b, [&](Context& c) { return customer_say(c, s.token, "m2", "  好的，谢谢 "); });
  as(
      agent, [&](Context& c) { return end_chat(c, id); }, kNow + 10);
  auto got = items("chat");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text, "停车场的指示牌看不清\n好的，谢谢");
  EXPECT_EQ(got[0].conversation_id, id);
  EXPECT_EQ(got[0].touchpoint, "online");
  EXPECT_EQ(got[0].store_id, store_a);

  // Reopened by the customer and ended again: still one item.
  as(
      agent_b, [&](Context& c) { return customer_say(c, s.token, "m3", "还有一个问题"); }, kNow + 20);
  as(
      agent_b, [&](Context& c) { return customer_end(c, s.token); }, kNow + 30);
  EXPECT_EQ(items("chat").size(), 1u);
}

TEST_F(FeedbackFlowIns, AChatTurnedIntoAComplaintIsCountedOnce) {
  online(agent);
  auto s = start();
  const auto id = s.conversation.id;
  as(agent_b, [&](Context& c) { return customer_say(c, s.token, "m1", "买的面包过期了"); });
  as(
      agent, [&](Context& c) { return end_chat(c, id); }, kNow + 10);
  const auto ticket_id = as(
      agent, [&](Context& c) { return kefu::app::make_ticket(c, id, {.type = "complaint", .subject = "面包过期"}); },
      kNow + 20);
  EXPECT_GT(ticket_id, 0);
  EXPECT_EQ(items("chat").size(), 1u);
  EXPECT_TRUE(items("ticket").empty()) << "the chat's words are already in the inbox";
}

TEST_F(FeedbackFlowIns, AChatWhereTheCustomerSaidNothingGivesNothing) {
  auto s = start();
  as(agent_b, [&](Context& c) { return customer_end(c, s.token); });
  EXPECT_TRUE(items("chat").empty());
}

}  // namespace
}  // namespace kefu::app::testing
