#include "bot/domain/phrasing.hpp"

#include <gtest/gtest.h>

namespace kefu::bot {
namespace {

const std::vector<Source> kSources{{7, "停车怎么收费", "每小时 5 元，会员首 2 小时免费"},
                                   {9, "积分怎么换停车券", "100 积分换 1 小时停车券"},
                                   {4, "发票怎么开", "到总服务台开具"},
                                   {5, "第四条", "不会进入提示"}};

TEST(BotPhrasing, ThePromptHoldsTheQuestionAndAtMostThreeNumberedEntries) {
  const auto p = phrasing_prompt("停车多少钱", kSources);
  EXPECT_NE(p.system.find("只能根据"), std::string::npos);
  EXPECT_NE(p.system.find("[编号]"), std::string::npos) << "asks for citations";
  EXPECT_NE(p.user.find("[1] 问：停车怎么收费\n答：每小时 5 元，会员首 2 小时免费"), std::string::npos) << p.user;
  EXPECT_NE(p.user.find("[3] 问：发票怎么开"), std::string::npos);
  EXPECT_EQ(p.user.find("第四条"), std::string::npos) << "top 3 only";
  EXPECT_NE(p.user.find("顾客的问题：停车多少钱"), std::string::npos);
}

TEST(BotPhrasing, CitationsAreTheNumberedEntriesOnce) {
  struct Row {
    const char* text;
    std::vector<int64_t> ids;
  };
  const Row rows[] = {
      {"停车每小时 5 元 [1]，也可以用积分换停车券 [2]。", {7, 9}},
      {"见 [2][1][2]", {9, 7}},
      {"[4] 与 [0] 与 [12] 与 [a] 都不是条目", {}},
      {"没有标注出处", {}},
      {"未闭合 [1", {}},
  };
  for (const auto& r : rows) EXPECT_EQ(cited(r.text, kSources), r.ids) << r.text;
}

}  // namespace
}  // namespace kefu::bot
