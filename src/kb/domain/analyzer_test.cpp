#include "kb/domain/analyzer.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "kb/domain/kb_test_support.hpp"

namespace kefu::kb {
namespace {

Analyzer plain(const SynonymGroups& synonyms = {}, const std::vector<std::string>& keywords = {}) {
  return Analyzer(testing::tools().segmenter, testing::tools().t2s, synonyms, keywords);
}

struct Case {
  std::string input;
  std::string expected;
};

TEST(KbAnalyzer, CanonicalTextTable) {
  const Case cases[] = {
      {"ＶＩＰ会员卡", "vip会员卡"},                 // full width -> half width, case folded
      {"停車場怎麼收費？", "停车场怎么收费"},        // traditional -> simplified, punctuation dropped
      {"營業時間幾點到幾點", "营业时间几点到几点"},  //
      {"七天无理由退货", "7天无理由退货"},           // numeral before a measure word -> digits
      {"买了两个杯子", "买了2个杯子"},               //
      {"十五天内可以换吗", "15天内可以换吗"},        //
      {"二十三号柜台", "23号柜台"},                  //
      {"看一下", "看一下"},                          // not a quantity: unchanged
      {"  请问，  发票！！怎么开  ", "请问发票怎么开"},
      {"", ""},
  };
  const Analyzer a = plain();
  for (const auto& c : cases) EXPECT_EQ(a.canonical_text(c.input), c.expected) << c.input;
}

TEST(KbAnalyzer, SynonymsBecomeTheCanonicalTerm) {
  const Analyzer a = plain({{"停车券", "停车票"}, {"退货", "退款", "退钱"}});
  EXPECT_EQ(a.canonical_text("积分能换停车票吗"), "积分能换停车券吗");
  EXPECT_EQ(a.canonical_text("不想要了能退钱吗"), "不想要了能退货吗");
  EXPECT_EQ(a.canonical_text("退款多久到账"), "退货多久到账");
  // Same analysis whichever synonym the customer used.
  EXPECT_EQ(a.analyze("积分换停车票").words, a.analyze("积分换停车券").words);
  EXPECT_EQ(a.analyze("積分換停車票").grams, a.analyze("积分换停车券").grams);
}

TEST(KbAnalyzer, KeywordsAndSynonymsAreWholePhrases) {
  const Analyzer a = plain({{"停车券", "停车票"}}, {"母婴室"});
  const Analysis x = a.analyze("母婴室在哪，停车票怎么领");
  EXPECT_EQ(x.phrases.size(), 2u);
  const Analysis y = a.analyze("请问母婴室");
  EXPECT_EQ(y.phrases.size(), 1u);
  EXPECT_TRUE(std::binary_search(x.phrases.begin(), x.phrases.end(), y.phrases[0]));
}

TEST(KbAnalyzer, RetailWordsStayWhole) {
  const Analyzer a = plain();
  const Analysis x = a.analyze("我要退货，尺码不合适");
  for (const char* word : {"退货", "尺码"}) {
    EXPECT_TRUE(std::binary_search(x.words.begin(), x.words.end(), Analyzer::word_token(word))) << word;
  }
  EXPECT_FALSE(std::binary_search(x.words.begin(), x.words.end(), Analyzer::word_token("退")));
}

TEST(KbAnalyzer, CharacterGramsAreUnigramsAndBigrams) {
  const Analysis x = plain().analyze("发票怎么开");
  EXPECT_EQ(x.chars.size(), 5u);
  EXPECT_EQ(x.grams.size(), 5u + 4u);
  EXPECT_EQ(x.text, "发票怎么开");
}

TEST(KbAnalyzer, LongInputIsCut) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "退货";  // 12,000 bytes
  const Analysis x = plain().analyze(text);
  EXPECT_LE(x.chars.size(), Analyzer::kMaxBytes / 3 + 1);
  EXPECT_GT(x.chars.size(), 300u);
}

TEST(KbAnalyzer, EverydayWordsAreLessSurprisingThanRareOnes) {
  const auto& seg = *testing::tools().segmenter;
  EXPECT_LT(seg.surprisal("我们"), seg.surprisal("母婴室"));
  EXPECT_GT(seg.surprisal("母婴室"), 0.0);
}

TEST(KbT2s, MissingConfigurationNamesThePackage) {
  try {
    T2s::load("/nonexistent/t2s.json");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/t2s.json"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("libopencc-data"), std::string::npos);
  }
}

TEST(KbAnalyzer, InvalidUtf8DoesNotThrow) {
  const Analysis x = plain().analyze("发\xff票");
  EXPECT_EQ(x.text, "发票");
}

}  // namespace
}  // namespace kefu::kb
