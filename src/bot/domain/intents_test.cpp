#include "bot/domain/intents.hpp"

#include <gtest/gtest.h>

namespace kefu::bot {
namespace {

TEST(BotIntents, AskingForTheStoresHours) {
  for (const char* yes :
       {"营业时间", "请问你们几点关门", "商场今天几点开门", "周末营业到几点", "今天营业吗", "openinghours"})
    EXPECT_TRUE(asks_for_hours(yes)) << yes;
  for (const char* no : {"停车怎么收费", "几点可以退货", "发票怎么开", "关门"}) EXPECT_FALSE(asks_for_hours(no)) << no;
}

TEST(BotIntents, ATicketNumberWithThePhoneAndTheCode) {
  struct Row {
    const char* text;
    const char* number;  // "" = no ticket named
    const char* phone;
    const char* code;
  };
  const Row rows[] = {
      {"我的工单KF261122000123进度怎么样", "KF261122000123", "", ""},
      {"kf261122000123 13800138000", "KF261122000123", "13800138000", ""},
      {"工单号：ＫＦ２６１１２２０００１２３，手机138 0013 8000，查询码 ab3cde", "KF261122000123", "13800138000",
       "AB3CDE"},
      {"KF261122000123 138-0013-8000 AB3CDE", "KF261122000123", "13800138000", "AB3CDE"},
      {"KF2611221234567 手机13800138000 码AB3CD", "KF2611221234567", "13800138000", ""},  // five letters: no code
      {"手机13800138000", "", "", ""},  // a phone alone names no ticket
      {"KF12345", "", "", ""},          // too short to be a number
  };
  for (const auto& r : rows) {
    const auto q = ticket_query(r.text);
    EXPECT_EQ(q.has_value(), *r.number != 0) << r.text;
    if (!q) continue;
    EXPECT_EQ(q->number, r.number) << r.text;
    EXPECT_EQ(q->phone, r.phone) << r.text;
    EXPECT_EQ(q->code, r.code) << r.text;
    EXPECT_EQ(q->complete(), *r.phone && *r.code) << r.text;
  }
}

}  // namespace
}  // namespace kefu::bot
