#include "bot/domain/turn.hpp"

#include <gtest/gtest.h>

namespace kefu::bot {
namespace {

const Guess kCard{1, "怎么办会员卡", 0.9};
const Guess kParking{2, "停车怎么收费", 0.5};
const Guess kCoupon{3, "积分怎么换停车券", 0.4};
const Guess kInvoice{4, "发票怎么开", 0.1};

const char* name(Act a) {
  switch (a) {
    case Act::answer:
      return "answer";
    case Act::suggest:
      return "suggest";
    case Act::apologise:
      return "apologise";
    case Act::handoff:
      return "handoff";
    case Act::smalltalk:
      return "smalltalk";
    case Act::ticket_status:
      return "ticket_status";
    case Act::hours:
      return "hours";
    case Act::wait:
      return "wait";
  }
  return "?";
}

TEST(BotTurn, WhatTheBotDoesWithAMessage) {
  const Thresholds t;  // answer 0.6, suggest 0.3, anger 0.7, hand over on the 2nd failure
  struct Row {
    const char* text;
    std::vector<Guess> guesses;
    double confidence;
    int failures;  // before the turn
    const char* act;
    const char* detail;  // answer: faq id; suggest: how many; handoff: reason
    int failures_after;
  };
  const Row rows[] = {
      {"怎么办会员卡", {kCard, kParking}, 0.85, 0, "answer", "1", 0},
      {"怎么办会员卡", {kCard}, 0.6, 1, "answer", "1", 0},  // exactly the threshold; the count starts again
      {"停车", {kParking, kCoupon, kInvoice}, 0.45, 0, "suggest", "2", 1},  // 发票 is below the suggest score
      {"随便问问", {kInvoice}, 0.1, 0, "apologise", "", 1},
      {"随便问问", {kParking, kCoupon}, 0.1, 0, "apologise", "", 1},  // scores alone do not make a guess
      {"随便问问", {}, 0, 0, "apologise", "", 1},
      {"停车", {kParking, kCoupon}, 0.45, 1, "handoff", "unresolved", 0},  // the second failure in a row
      {"怎么办会员卡", {kCard}, 0.9, 1, "answer", "1", 0},                 // a good answer is not held back
      {"转人工", {kCard}, 0.9, 0, "handoff", "asked", 0},                  // customers decide
      {"我要找 人工 客服", {}, 0, 0, "handoff", "asked", 0},
      {"能让真人来回答吗", {kCard}, 0.9, 0, "handoff", "asked", 0},
      {"你们就是骗子！！我要投诉", {kCard}, 0.9, 0, "handoff", "angry", 0},
      {"我要投诉", {kCard}, 0.9, 0, "answer", "1", 0},  // a complaint is not anger by itself
  };
  for (const auto& r : rows) {
    Heard h{r.text, r.guesses, r.confidence, anger(r.text)};
    const auto turn = decide(h, State{r.failures}, t);
    EXPECT_STREQ(name(turn.act), r.act) << r.text;
    EXPECT_EQ(turn.next.failures, r.failures_after) << r.text;
    const std::string detail = r.detail;
    if (turn.act == Act::answer) {
      EXPECT_EQ(std::to_string(turn.answer->faq_id), detail) << r.text;
    }
    if (turn.act == Act::suggest) {
      EXPECT_EQ(std::to_string(turn.suggestions.size()), detail) << r.text;
    }
    if (turn.act == Act::handoff) {
      EXPECT_EQ(turn.handoff, detail) << r.text;
    }
  }
}

TEST(BotTurn, AsidesNeitherFailNorBreakTheRow) {
  const Thresholds t;
  struct Row {
    const char* text;
    std::optional<std::string> small_talk;
    bool ready;
    const char* act;
  };
  const Row rows[] = {
      {"你好", "您好，请问有什么可以帮您？", true, "smalltalk"},
      {"谢谢！", "不客气", false, "smalltalk"},  // the reply came from a snapshot being replaced
      {"你好", std::nullopt, false, "wait"},     // no knowledge yet: not a failure
      {"工单KF261122000123到哪一步了", std::nullopt, true, "ticket_status"},
      {"工单KF261122000123到哪一步了", std::nullopt, false, "ticket_status"},  // needs no knowledge
      {"今天几点关门", std::nullopt, true, "hours"},
      {"今天几点关门", std::nullopt, false, "hours"},
      {"转人工", "不客气", true, "handoff"},  // a person first, always
  };
  for (const auto& r : rows) {
    Heard h{r.text, {kParking}, 0.45, anger(r.text)};
    h.small_talk = r.small_talk;
    h.ready = r.ready;
    const auto turn = decide(h, State{1, 1}, t);
    EXPECT_STREQ(name(turn.act), r.act) << r.text;
    if (turn.act == Act::handoff) continue;
    EXPECT_EQ(turn.next, (State{1, 1})) << r.text << ": the row of failures is untouched";
    if (turn.act == Act::smalltalk) {
      EXPECT_EQ(turn.reply, *r.small_talk);
    }
  }
  Heard supermarket{"地下超市营业到几点", {{11, "地下超市营业到几点？", 0.95}}, 0.95, 0};
  supermarket.hours_likeness = 0.6;  // the matcher: more like the supermarket's entry than the store's hours
  EXPECT_EQ(decide(supermarket, {}, t).act, Act::answer);
  supermarket.hours_likeness = 0.97;
  EXPECT_EQ(decide(supermarket, {}, t).act, Act::hours);
  Heard canonical{"幾點關門?", {}, 0, 0};
  canonical.canonical = "几点关门";  // the knowledge base's normalisation (traditional → simplified)
  EXPECT_EQ(decide(canonical, {}, t).act, Act::hours);
}

TEST(BotTurn, AtMostThreeSuggestionsBestFirst) {
  Heard h{"会员", {kParking, kCoupon, {5, "会员怎么升级", 0.35}, {6, "会员生日礼", 0.3}}, 0.4, 0};
  const auto turn = decide(h, {}, Thresholds{});
  ASSERT_EQ(turn.suggestions.size(), kMaxSuggestions);
  EXPECT_EQ(turn.suggestions[0].faq_id, 2);
  EXPECT_EQ(turn.suggestions[2].faq_id, 5);
}

TEST(BotTurn, AStoreMayMoveTheThresholds) {
  Thresholds strict{.answer = 0.9, .suggest = 0.2, .anger = 0.7, .failures_before_handoff = 3};
  Heard h{"怎么办会员卡", {kCard}, 0.85, 0};
  EXPECT_EQ(decide(h, {}, strict).act, Act::suggest) << "below the store's answer threshold";
  EXPECT_EQ(decide(h, State{1}, strict).act, Act::suggest) << "three failures before a person";
  EXPECT_EQ(decide(h, State{2}, strict).act, Act::handoff);
}

TEST(BotTurn, TheCustomersVerdictOnAnAnswerCounts) {
  const Thresholds t;
  State s = on_feedback({}, false);
  EXPECT_EQ(s.failures, 1);
  EXPECT_FALSE(needs_person(s, t));
  s = on_feedback(s, false);
  EXPECT_TRUE(needs_person(s, t)) << "two 未解决 in a row";
  EXPECT_EQ(on_feedback(s, true).failures, 0) << "已解决 starts the count again";
  // An answer between two failures: 未解决 on it continues the row, a verdict-less one breaks it.
  EXPECT_EQ(on_feedback(answered(State{1}), false).failures, 2);
  EXPECT_EQ(answered(State{1}).failures, 0);
}

TEST(BotTurn, TheStateIsTheHistoryReplayed) {
  using enum Step;
  const auto failures = [](std::vector<Step> steps) { return replay(steps).failures; };
  EXPECT_EQ(failures({}), 0);
  EXPECT_EQ(failures({failed}), 1);
  EXPECT_EQ(failures({failed, answered}), 0) << "an answer without a verdict breaks the row";
  EXPECT_EQ(failures({failed, answered, unsolved}), 2) << "未解决: the answer was a failure too";
  EXPECT_EQ(failures({answered, unsolved}), 1);
  EXPECT_EQ(failures({answered, unsolved, answered, unsolved}), 2);
  EXPECT_EQ(failures({answered, unsolved, failed}), 2);
  EXPECT_EQ(failures({failed, failed, handed_over}), 0);
  EXPECT_EQ(failures({failed, answered, solved}), 0);
  // The replay and the turns agree: what decide() leaves is what replay() reads back.
  const Thresholds t{.failures_before_handoff = 9};
  Heard none{"x", {}, 0, 0}, sure{"x", {kCard}, 0.9, 0};
  State live = decide(none, {}, t).next;
  live = decide(sure, live, t).next;
  live = on_feedback(live, false);
  live = decide(none, live, t).next;
  EXPECT_EQ(live, replay(std::vector<Step>{failed, answered, unsolved, failed}));
}

TEST(BotAnger, WordsAndShoutingRaiseItCalmWordsDoNot) {
  EXPECT_EQ(anger("请问停车怎么收费"), 0);
  EXPECT_EQ(anger("谢谢，已经解决了"), 0);
  EXPECT_LT(anger("我要投诉"), Thresholds{}.anger);
  EXPECT_GE(anger("你们就是骗子！！！"), Thresholds{}.anger) << "a strong word and shouting";
  EXPECT_GE(anger("垃圾商场，态度恶劣"), Thresholds{}.anger);
  EXPECT_GT(anger("等了半天也没人理？？？"), anger("等了半天也没人理")) << "shouting adds";
  EXPECT_LE(anger("骗子骗子垃圾黑店坑人！！！！！？？？"), 1.0);
}

TEST(BotPerson, AskingForAPersonInManyWords) {
  for (const char* yes : {"转人工", "人工服务", "转 人工", "我要找客服", "联系客服", "有没有真人", "ＨＵＭＡＮ please"})
    EXPECT_TRUE(asks_for_person(yes)) << yes;
  for (const char* no : {"停车怎么收费", "客服中心在几楼", "人多吗"}) EXPECT_FALSE(asks_for_person(no)) << no;
}

}  // namespace
}  // namespace kefu::bot
