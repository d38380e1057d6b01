#include "bot/domain/clusters.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace kefu::bot {
namespace {

// A stand-in for the matcher's re-ranker: questions with the same topic word are alike.
double by_topic(std::string_view a, std::string_view b) {
  for (const char* topic : {"停车", "发票", "宠物"})
    if (a.find(topic) != std::string_view::npos && b.find(topic) != std::string_view::npos) return 0.9;
  return 0.1;
}

AskedQuestion asked(const char* text, int64_t store, int64_t at, std::optional<Guess> g = std::nullopt) {
  return {text, store, at, std::move(g)};
}

TEST(BotClusters, LikeQuestionsGroupTheMostAskedFirst) {
  const Guess parking{7, "停车怎么收费", 0.4};
  const std::vector<AskedQuestion> questions{
      asked("能带宠物进商场吗", 1, 100),
      asked("停车场晚上收费吗", 1, 200, parking),
      asked("停车场晚上收费吗", 2, 300, parking),
      asked("地下停车多少钱一小时", 1, 400, Guess{7, "停车怎么收费", 0.3}),
      asked("发票能开公司抬头吗", 2, 500),
      asked("宠物可以进来吗", 2, 600),
      asked("停车场晚上收费吗", 1, 700, Guess{9, "停车券怎么用", 0.35}),
      asked("你们卖不卖天文望远镜", 1, 800),
  };
  const auto groups = cluster_questions(questions, by_topic);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0].key, "停车场晚上收费吗") << "the most asked text leads its group";
  EXPECT_EQ(groups[0].size, 4);
  EXPECT_EQ(groups[0].questions, (std::vector<std::string>{"停车场晚上收费吗", "地下停车多少钱一小时"}));
  EXPECT_EQ(groups[0].stores, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(groups[0].last_at, 700);
  ASSERT_TRUE(groups[0].guess);
  EXPECT_EQ(groups[0].guess->faq_id, 7) << "the entry guessed most often";
  EXPECT_DOUBLE_EQ(groups[0].guess->score, 0.4);
  EXPECT_EQ(groups[1].key, "宠物可以进来吗") << "then by size (2), the latest first among equals";
  EXPECT_EQ(groups[1].size, 2);
  EXPECT_FALSE(groups[1].guess);
  std::set<std::string> singles{groups[2].key, groups[3].key};
  EXPECT_EQ(singles, (std::set<std::string>{"发票能开公司抬头吗", "你们卖不卖天文望远镜"}));
}

TEST(BotClusters, TheWorkIsCappedAndUnrelatedPairsAreNotCompared) {
  int calls = 0;
  const Similarity counting = [&](std::string_view a, std::string_view b) {
    ++calls;
    return by_topic(a, b);
  };
  const auto none = cluster_questions({asked("停车", 1, 1), asked("发票", 1, 2), asked("望远镜", 1, 3)}, counting);
  EXPECT_EQ(none.size(), 3u);
  EXPECT_EQ(calls, 0) << "no character in common: never the same question";

  std::vector<AskedQuestion> many;
  for (int i = 0; i < 50; ++i) many.push_back(asked(("停车问题" + std::to_string(i)).c_str(), 1, i));
  calls = 0;
  const auto capped = cluster_questions(many,
                                        [&](std::string_view, std::string_view) {
                                          ++calls;
                                          return 0.0;  // nothing alike: every item compared with every group so far
                                        },
                                        {.max_comparisons = 100});
  EXPECT_EQ(calls, 100);
  EXPECT_EQ(capped.size(), 50u) << "the rest stay alone, none lost";

  ClusterLimits few{.shown = 2};
  const auto shown =
      cluster_questions({asked("停车一", 1, 1), asked("停车二", 1, 2), asked("停车三", 1, 3)}, by_topic, few);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].size, 3);
  EXPECT_EQ(shown[0].questions.size(), 2u);
}

TEST(BotClusters, RareCharactersChooseWhichLeadersAreCompared) {
  // 请问一下 is in most questions, 停车 in two: with one comparison allowed per item, the
  // leader sharing 停车 is the one compared, though 请问一下 is more characters.
  std::vector<AskedQuestion> questions{asked("停车", 1, 10), asked("停车", 1, 11), asked("请问一下发票", 1, 9),
                                       asked("请问一下发票", 1, 8)};
  for (const char* filler : {"请问一下营业时间", "请问一下洗手间", "请问一下会员卡", "请问一下寄存"})
    questions.push_back(asked(filler, 1, 1));
  questions.push_back(asked("请问一下停车", 1, 20));
  std::vector<std::pair<std::string, std::string>> compared;
  const auto groups = cluster_questions(questions,
                                        [&](std::string_view a, std::string_view b) {
                                          compared.emplace_back(a, b);
                                          return by_topic(a, b);
                                        },
                                        {.candidates = 1});
  const auto parking = std::find_if(groups.begin(), groups.end(), [](const auto& g) { return g.key == "停车"; });
  ASSERT_NE(parking, groups.end());
  EXPECT_EQ(parking->questions, (std::vector<std::string>{"停车", "请问一下停车"}));
  std::vector<std::string> against;
  for (const auto& [a, b] : compared)
    if (a == "请问一下停车") against.push_back(b);
  EXPECT_EQ(against, (std::vector<std::string>{"停车"})) << "one comparison, with the leader sharing 停车";
}

}  // namespace
}  // namespace kefu::bot
