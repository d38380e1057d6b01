#include "quality/domain/auto_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace kefu::quality {
namespace {

std::vector<std::string> codes(const std::vector<Finding>& f) {
  std::vector<std::string> out;
  for (const auto& x : f) out.push_back(x.rule->code);
  return out;
}

// A stand-in for the bot's anger signal: the text's own score in its first character.
double test_anger(std::string_view text) {
  if (text.find("气死") != std::string_view::npos) return 0.9;
  if (text.find("失望") != std::string_view::npos) return 0.5;
  return 0;
}

TEST(AutoRules, RepliesCheckedInTheirWrite) {
  const auto rules = rules_in_force({}, 1);
  using V = std::vector<std::string>;
  struct Row {
    const char* text;
    bool first;
    std::optional<int64_t> delay_ms;
    V hits;
  };
  const Row rows[] = {
      {"您好，很高兴为您服务，请问有什么可以帮您？", true, 5'000, {}},
      {"请稍等，我帮您查一下订单。", true, 5'000, {"greeting"}},  // no greeting in the first message
      {"请稍等，我帮您查一下订单。", false, std::nullopt, {}},    // later messages need none
      {"您好！已为您登记。", true, 125'000, {"greeting"}},        // greeted, but 125 s after assignment
      {"您好！已为您登记。", true, 120'000, {}},                  // exactly the limit
      {"感谢反馈，已通知管理员。", true, 5'000, {}},              // thanks open politely too
      {"您好，爱买不买。", true, 1'000, {"red_line_phrases"}},    // a red-line phrase
      {"这个 不归 我管，你去问别人吧", false, std::nullopt, {"forbidden_phrases"}},  // spaces do not hide it
      {"ＨＥＬＬＯ 你烦不烦！！", false, std::nullopt, {"red_line_phrases"}},
      {"你好，这个不归我管，你烦不烦", true, 0, {"forbidden_phrases", "red_line_phrases"}},
      {"您好，洗衣机滚筒已经为您换新。", true, 0, {}},  // everyday words are fine
      {"我们会联系您", false, std::nullopt, {}},        // promises are checked later
  };
  for (const auto& r : rows) {
    auto got = codes(check_reply(rules, {r.text, r.first, r.delay_ms}));
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, r.hits) << r.text;
  }
}

TEST(AutoRules, AStoreOverridesTheChainWhichOverridesTheDefaults) {
  AutoRule chain_greeting = default_rules()[2];
  ASSERT_EQ(chain_greeting.code, "greeting");
  chain_greeting.id = 7;
  chain_greeting.phrases = {"欢迎光临"};
  AutoRule store_off = default_rules()[0];
  ASSERT_EQ(store_off.code, "red_line_phrases");
  store_off.id = 8;
  store_off.store_id = 2;
  store_off.enabled = false;
  AutoRule custom;
  custom.id = 9;
  custom.code = "no_slang";
  custom.name = "网络用语";
  custom.kind = "forbidden_phrase";
  custom.phrases = {"yyds"};
  custom.store_id = 3;
  const std::vector<AutoRule> saved{chain_greeting, store_off, custom};

  struct Row {
    int64_t store;
    const char* text;
    std::vector<std::string> hits;
  };
  const Row rows[] = {
      {1, "您好，爱买不买", {"greeting", "red_line_phrases"}},  // the chain's greeting replaced 您好
      {1, "欢迎光临，请问需要什么？", {}},
      {2, "欢迎光临，爱买不买", {}},        // store 2 switched the red line off
      {3, "欢迎光临！YYDS", {"no_slang"}},  // store 3's own rule, matched without case
      {1, "欢迎光临！YYDS", {}},
  };
  for (const auto& r : rows) {
    auto got = codes(check_reply(rules_in_force(saved, r.store), {r.text, true, 0}));
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, r.hits) << r.store << " " << r.text;
  }
  EXPECT_EQ(rules_in_force({}, 1).size(), default_rules().size());
}

TEST(AutoRules, TraditionalTextIsFoldedWhenAConverterIsGiven) {
  const auto rules = rules_in_force({}, 1);
  // A stand-in converter for one word.
  Convert t2s = [](std::string_view s) {
    std::string out(s);
    const std::string from = "煩";
    for (auto at = out.find(from); at != std::string::npos; at = out.find(from)) out.replace(at, from.size(), "烦");
    return out;
  };
  EXPECT_TRUE(check_reply(rules, {"你煩不煩", false, {}}).empty());
  EXPECT_EQ(codes(check_reply(rules, {"你煩不煩", false, {}}, t2s)), std::vector<std::string>{"red_line_phrases"});
}

Said msg(int64_t seq, const char* sender, int64_t at_s, const char* text, std::optional<int64_t> staff = {}) {
  return {seq, sender, staff, "text", text, at_s * 1000};
}

TEST(AutoRules, AnEndedChat) {
  const auto rules = rules_in_force({}, 1);  // gap 180 s, anger 70 %, promises without a ticket
  struct Row {
    const char* story;
    Chat chat;
    std::vector<std::pair<std::string, int64_t>> hits;  // (rule, message seq)
  };
  const Row rows[] = {
      {"a well-run chat",
       {{msg(1, "customer", 0, "停车怎么收费"), msg(2, "agent", 20, "您好，两小时内免费", 5),
         msg(3, "customer", 60, "好的谢谢"), msg(4, "agent", 70, "不客气", 5)},
        5,
        10'000,
        80'000,
        false},
       {}},
      {"a customer waited 200 s for the second answer",
       {{msg(1, "customer", 0, "在吗"), msg(2, "agent", 10, "您好", 5), msg(3, "customer", 20, "我的退款呢"),
         msg(4, "customer", 100, "？？"), msg(5, "agent", 220, "已为您查到", 5)},
        5,
        5'000,
        300'000,
        false},
       {{"reply_gap", 5}}},
      {"the queue before assignment is not the agent's gap",
       {{msg(1, "customer", 0, "在吗"), msg(2, "agent", 400, "您好，久等了", 5)}, 5, 390'000, 500'000, false},
       {}},
      {"the last message never answered",
       {{msg(1, "customer", 0, "在吗"), msg(2, "agent", 10, "您好", 5), msg(3, "customer", 20, "还在吗")},
        5,
        5'000,
        800'000,
        false},
       {{"reply_gap", 3}}},
      {"the customer ends angry",
       {{msg(1, "customer", 0, "我的快递呢"), msg(2, "agent", 10, "您好，正在查", 5),
         msg(3, "customer", 30, "气死我了")},
        5,
        5'000,
        60'000,
        false},
       {{"end_sentiment", 3}}},
      {"mild disappointment is below the threshold",
       {{msg(1, "customer", 0, "有点失望"), msg(2, "agent", 10, "您好，抱歉", 5)}, 5, 5'000, 60'000, false},
       {}},
      {"anger early on, calm at the end (outside the last three)",
       {{msg(1, "customer", 0, "气死我了"), msg(2, "agent", 10, "您好，非常抱歉", 5), msg(3, "customer", 20, "好吧"),
         msg(4, "agent", 30, "已处理", 5), msg(5, "customer", 40, "嗯"), msg(6, "customer", 50, "谢谢")},
        5,
        5'000,
        60'000,
        false},
       {}},
      {"a promise without a ticket",
       {{msg(1, "customer", 0, "能退吗"), msg(2, "agent", 10, "您好，核实后回复您", 5)}, 5, 5'000, 60'000, false},
       {{"promise_follow_up", 2}}},
      {"a promise followed up on a ticket",
       {{msg(1, "customer", 0, "能退吗"), msg(2, "agent", 10, "您好，核实后回复您", 5)}, 5, 5'000, 60'000, true},
       {}},
      {"a bot-only chat is nobody's",
       {{msg(1, "customer", 0, "气死我了"), msg(2, "bot", 1, "抱歉")}, std::nullopt, std::nullopt, 60'000, false},
       {}},
  };
  for (const auto& r : rows) {
    std::vector<std::pair<std::string, int64_t>> got;
    for (const auto& f : check_ended_chat(rules, r.chat, test_anger)) {
      got.emplace_back(f.rule->code, f.seq);
      if (f.staff_id) {
        EXPECT_EQ(*f.staff_id, 5) << r.story;
      }
    }
    EXPECT_EQ(got, r.hits) << r.story;
  }
}

TEST(AutoRules, PromiseWindow) {
  constexpr int64_t kDay = 86'400'000;
  struct Row {
    std::vector<int64_t> follow_ups;
    int64_t now;
    std::optional<bool> kept;
  };
  const Row rows[] = {
      {{}, 1000 + kDay - 1, std::nullopt},  // still time
      {{}, 1000 + kDay, false},
      {{5000}, 1000 + kDay, true},
      {{5000}, 6000, true},         // known as soon as it happens
      {{500}, 1000 + kDay, false},  // before the promise: not a follow-up
      {{1000 + kDay + 1}, 2000 + kDay, false},
  };
  for (const auto& r : rows) EXPECT_EQ(promise_kept(1000, kDay, r.follow_ups, r.now), r.kept);
}

TEST(AutoRules, WhatAnEditorMayWrite) {
  auto ok = default_rules()[0];
  EXPECT_FALSE(validate(ok));
  for (const auto& d : default_rules()) EXPECT_FALSE(validate(d)) << d.code;
  struct Row {
    void (*edit)(AutoRule&);
    const char* field;
  };
  const Row rows[] = {
      {[](AutoRule& r) { r.code = "Bad Code"; }, "code"},
      {[](AutoRule& r) { r.code = ""; }, "code"},
      {[](AutoRule& r) { r.name = ""; }, "name"},
      {[](AutoRule& r) { r.phrases = {}; }, "phrases"},
      {[](AutoRule& r) { r.phrases = {"！！"}; }, "phrases"},
      {[](AutoRule& r) { r.seconds = -1; }, "seconds"},
      {[](AutoRule& r) { r.kind = "reply_gap", r.seconds = 0; }, "seconds"},
      {[](AutoRule& r) { r.kind = "end_sentiment", r.threshold = 0; }, "threshold"},
      {[](AutoRule& r) { r.kind = "end_sentiment", r.threshold = 101; }, "threshold"},
  };
  for (const auto& row : rows) {
    auto r = ok;
    row.edit(r);
    auto p = validate(r);
    ASSERT_TRUE(p) << row.field;
    EXPECT_EQ(p->field, row.field);
  }
}

TEST(AutoRules, Excerpt) {
  EXPECT_EQ(excerpt("您好", 80), "您好");
  EXPECT_EQ(excerpt("您好世界", 2), "您好…");
}

}  // namespace
}  // namespace kefu::quality
