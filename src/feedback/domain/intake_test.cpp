// Where a contact happened on the customer journey, as a store manager would file it, and
// the transcript text a chat gives.
#include "feedback/domain/intake.hpp"

#include <gtest/gtest.h>

namespace kefu::feedback {
namespace {

TEST(Intake, TouchpointOfEachChannel) {
  const std::vector<std::pair<std::string, std::string>> table{
      {"service_desk", "service_desk"}, {"hotline", "service_desk"}, {"floor_desk", "floor"},
      {"brand_counter", "floor"},       {"cashier", "cashier"},      {"app", "online"},
      {"live_chat", "online"},          {"bot_handoff", "online"},   {"email", "online"},
      {"social_media", "online"},       {"comment_box", "other"},    {"pigeon", "other"},
  };
  for (const auto& [channel, touchpoint] : table) EXPECT_EQ(touchpoint_of_channel(channel), touchpoint) << channel;
}

TEST(Intake, ATicketsLocationSaysMoreThanItsChannel) {
  const std::vector<std::tuple<std::string, std::string, std::string>> table{
      // channel, location, touchpoint
      {"hotline", "B2 停车场 出口", "parking"},
      {"hotline", "B1 停车场 入口", "parking"},  // the car park before its entrance
      {"service_desk", "B1 超市 自助收银区", "cashier"},
      {"hotline", "1F 东门", "entrance"},
      {"hotline", "B1 超市入口", "entrance"},
      {"app", "5F 美食广场", "floor"},
      {"app", "三楼 女装专柜", "floor"},
      {"hotline", "2F 服务台", "service_desk"},
      {"app", "售后维修点", "after_sales"},
      {"hotline", "", "service_desk"},
      {"live_chat", "", "online"},
      {"comment_box", "不知道在哪", "other"},
  };
  for (const auto& [channel, location, touchpoint] : table)
    EXPECT_EQ(touchpoint_of_ticket(channel, location), touchpoint) << channel << " " << location;
}

TEST(Intake, OnlyComplaintsSuggestionsAndPraiseAreFeedback) {
  EXPECT_TRUE(is_feedback_ticket_type("complaint"));
  EXPECT_TRUE(is_feedback_ticket_type("suggestion"));
  EXPECT_TRUE(is_feedback_ticket_type("praise"));
  EXPECT_FALSE(is_feedback_ticket_type("inquiry"));
  EXPECT_FALSE(is_feedback_ticket_type("return"));
  EXPECT_FALSE(is_feedback_ticket_type("lost_found"));
}

TEST(Intake, EachSourceHasItsOwnReference) {
  EXPECT_EQ(ticket_ref(12), "ticket:12");
  EXPECT_EQ(csat_ref(12), "csat:12");
  EXPECT_EQ(conversation_ref(7), "conversation:7");
}

TEST(Intake, TranscriptKeepsTheCustomersLines) {
  EXPECT_EQ(transcript_text({"  你好 ", "", "停车券在哪领？\n", "   "}, 100), "你好\n停车券在哪领？");
  EXPECT_EQ(transcript_text({}, 100), "");
  EXPECT_EQ(transcript_text({" ", "\n"}, 100), "");
}

TEST(Intake, TranscriptIsCutAtACharacterBoundary) {
  EXPECT_EQ(transcript_text({"停车场太挤了"}, 6), "停车场太挤了");
  EXPECT_EQ(transcript_text({"停车场太挤了"}, 4), "停车场…");
  EXPECT_EQ(transcript_text({"ab", "cd"}, 4), "ab\n…");
  EXPECT_EQ(transcript_text({"abc"}, 0), "");
}

}  // namespace
}  // namespace kefu::feedback
