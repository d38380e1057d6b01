#include "kb/domain/matcher.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "kb/domain/kb_test_support.hpp"

namespace kefu::kb {
namespace {

using testing::small_kb;
using testing::tools;

const Matcher& small_matcher() {
  static const Matcher m = Matcher::build(tools(), small_kb(), {}, 7);
  return m;
}

struct Expect {
  std::string question;
  std::int64_t faq_id;
};

// Questions phrased unlike the KB's, and the entry that answers each.
TEST(KbMatcher, AnswersRetailQuestions) {
  const Expect table[] = {
      {"你们商场几点关门啊", 1},     {"晚上开到几点", 1},     {"停车一小时多少钱", 2},
      {"停車怎麼收費", 2},            // traditional
      {"积分能换停车票吗", 3},        // synonym of 停车券
      {"衣服不想要了可以退款吗", 4},  // synonym of 退货
      {"7天无理由退货吗", 4},         // digits for 七天
      {"鞋小了能换一双大的吗", 5},   {"怎么开发票", 6},       {"手机丢了怎么办", 7},
      {"我想办一张会员卡", 8},       {"下雨了能借把伞吗", 9}, {"宝宝喂奶去哪里", 10},
  };
  for (const auto& t : table) {
    const MatchResult r = small_matcher().match(t.question, 3);
    ASSERT_FALSE(r.items.empty()) << t.question;
    EXPECT_EQ(r.items[0].faq_id, t.faq_id) << t.question << " matched " << r.items[0].question;
    EXPECT_GE(r.confidence, 0.0f);
    EXPECT_LE(r.confidence, 1.0f);
    EXPECT_FLOAT_EQ(r.items[0].probability, r.confidence) << "the first item's probability is the confidence";
    for (std::size_t i = 1; i < r.items.size(); ++i)
      EXPECT_LT(r.items[i].probability, r.items[0].probability) << t.question << ": behind the first, less likely";
  }
}

TEST(KbMatcher, ScoresAndConfidenceAreOrdered) {
  const MatchResult exact = small_matcher().match("发票怎么开", 3);
  ASSERT_EQ(exact.items.size(), 3u);
  EXPECT_GE(exact.items[0].score, exact.items[1].score);
  EXPECT_GE(exact.items[1].score, exact.items[2].score);
  const MatchResult unrelated = small_matcher().match("今天天气怎么样", 3);
  EXPECT_GT(exact.confidence, unrelated.confidence);
  EXPECT_GT(exact.confidence, 0.5f);
}

TEST(KbMatcher, EmptyOrUnknownQuery) {
  EXPECT_TRUE(small_matcher().match("", 3).items.empty());
  EXPECT_TRUE(small_matcher().match("？？！", 3).items.empty());
  EXPECT_EQ(small_matcher().match("？？！", 3).confidence, 0.0f);
}

TEST(KbMatcher, FilterHidesEntries) {
  const MatchResult r = small_matcher().match("停车怎么收费", 3, [](std::int64_t id) { return id != 2; });
  for (const auto& item : r.items) EXPECT_NE(item.faq_id, 2);
}

TEST(KbMatcher, StagesAllFindAnExactQuestion) {
  for (Stage s : {Stage::kWords, Stage::kFused, Stage::kReranked}) {
    const MatchResult r = small_matcher().match("有没有母婴室", 1, {}, s);
    ASSERT_EQ(r.items.size(), 1u);
    EXPECT_EQ(r.items[0].faq_id, 10);
  }
}

TEST(KbMatcher, UsageSignalChangesTheNextRanking) {
  const std::string query = "小孩的推车哪里能借";  // nothing in the KB says 推车
  KbSnapshot kb = small_kb();
  const Matcher before = Matcher::build(tools(), kb, {}, 7);
  ASSERT_FALSE(before.match(query, 1).items.empty());
  const std::int64_t first = before.match(query, 1).items[0].faq_id;
  const std::int64_t linked = first == 9 ? 10 : 9;  // an agent links it to another entry
  kb.signals.push_back({"宝宝推车在哪里可以借", linked});
  const Matcher after = Matcher::build(tools(), kb, {}, 7);
  EXPECT_EQ(after.match(query, 1).items[0].faq_id, linked);
  EXPECT_EQ(after.report().signal_queries, 1u);
}

TEST(KbMatcher, ImportedPairsChangeTheModel) {
  const Matcher without = Matcher::build(tools(), small_kb(), {}, 7);
  const std::vector<ParaphrasePair> pairs = {
      {"商场几点关门", "你们营业到几点", true},
      {"停车怎么收费", "积分怎么换停车券", false},
      {"发票怎么开", "怎么开发票", true},
      {"会员卡怎么办", "会员积分怎么查", false},
  };
  const Matcher with = Matcher::build(tools(), small_kb(), pairs, 7);
  EXPECT_EQ(with.report().pairs, 4u);
  EXPECT_NE(with.save(), without.save());
}

TEST(KbMatcher, PairsTeachWhichWordsDecide) {
  // Pairs that differ only in 金卡 / 银卡 ask different things; other wording does not matter.
  std::vector<ParaphrasePair> pairs;
  for (const char* topic : {"有什么权益", "怎么升级", "积分怎么算", "生日礼物是什么", "停车优惠多少", "能打几折"}) {
    pairs.push_back({std::string("金卡") + topic, std::string("银卡") + topic, false});
    pairs.push_back({std::string("请问金卡") + topic, std::string("金卡") + topic, true});
    pairs.push_back({std::string("银卡") + topic, std::string("银卡的") + topic, true});
  }
  const Matcher without = Matcher::build(tools(), small_kb(), {}, 7);
  const Matcher with = Matcher::build(tools(), small_kb(), pairs, 7);
  EXPECT_EQ(with.report().pairs, pairs.size());
  EXPECT_FALSE(with.model().token_weights.empty());
  const char* a = "金卡会员退货要带什么";
  const char* b = "银卡会员退货要带什么";
  EXPECT_LT(with.similarity(a, b), without.similarity(a, b));
  EXPECT_LT(with.similarity(a, b), with.similarity(a, "请问金卡会员退货要带什么"));
}

TEST(KbMatcher, TrainingIsDeterministic) {
  const Matcher a = Matcher::build(tools(), small_kb(), {}, 42);
  const Matcher b = Matcher::build(tools(), small_kb(), {}, 42);
  EXPECT_EQ(a.save(), b.save());
  EXPECT_TRUE(a.model().trained);
  EXPECT_GT(a.report().kb_queries, 0u);
}

TEST(KbMatcher, SavedModelLoadsToTheSameAnswers) {
  const Matcher& built = small_matcher();
  const Matcher loaded = Matcher::load(tools(), small_kb(), built.save());
  EXPECT_EQ(loaded.save(), built.save());
  for (const char* q : {"停车一小时多少钱", "鞋小了能换吗", "雨伞"}) {
    const MatchResult a = built.match(q, 3), b = loaded.match(q, 3);
    ASSERT_EQ(a.items.size(), b.items.size());
    for (std::size_t i = 0; i < a.items.size(); ++i) {
      EXPECT_EQ(a.items[i].faq_id, b.items[i].faq_id);
      EXPECT_EQ(a.items[i].score, b.items[i].score);
    }
    EXPECT_EQ(a.confidence, b.confidence);
  }
  EXPECT_THROW(Matcher::load(tools(), small_kb(), "garbage"), std::invalid_argument);
}

TEST(KbMatcher, RejectsBadInput) {
  KbSnapshot kb = small_kb();
  kb.docs.push_back(kb.docs[0]);
  EXPECT_THROW(Matcher::build(tools(), kb, {}, 1), std::invalid_argument);
  kb = small_kb();
  kb.signals.push_back({"你好", 999});
  EXPECT_THROW(Matcher::build(tools(), kb, {}, 1), std::invalid_argument);
}

TEST(KbMatcher, ConcurrentMatchesAgreeWithOneThread) {
  const Matcher& m = small_matcher();
  const std::vector<std::string> queries = {"停車場怎麼收費", "積分換停車票", "發票怎麼開", "下雨借傘", "母嬰室在哪"};
  std::vector<std::int64_t> expected;
  for (const auto& q : queries) expected.push_back(m.match(q, 1).items.at(0).faq_id);
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const std::size_t k = static_cast<std::size_t>(i + t) % queries.size();
        const MatchResult r = m.match(queries[k], 1);
        if (r.items.empty() || r.items[0].faq_id != expected[k]) ++wrong[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

TEST(KbMatcher, SimilarityOfTwoQuestions) {
  const Matcher& m = small_matcher();
  EXPECT_GT(m.similarity("停车怎么收费", "停車怎麼收費"), 0.9f);
  EXPECT_GT(m.similarity("停车怎么收费", "停车费多少钱"), m.similarity("停车怎么收费", "发票怎么开"));
  EXPECT_EQ(m.similarity("", "发票怎么开"), 0.0f);
}

TEST(KbMatcher, FindsDuplicateEntries) {
  KbSnapshot kb = small_kb();
  kb.docs.push_back({11, "商场营业时间是几点到几点", {"几点开门", "晚上几点关门"}, {}});
  const Matcher m = Matcher::build(tools(), kb, {}, 7);
  const auto dups = m.duplicates(0.5f);
  ASSERT_FALSE(dups.empty());
  EXPECT_EQ(dups[0].a, 1);
  EXPECT_EQ(dups[0].b, 11);
  for (const auto& d : dups)
    EXPECT_TRUE(d.a == 11 || d.b == 11) << d.a << " and " << d.b << " ask different things " << d.score;
}

}  // namespace
}  // namespace kefu::kb
