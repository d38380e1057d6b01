#include "core/text/segmenter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "core/text/test_segmenter.hpp"

namespace kefu::text {
namespace {

using testing::contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

using Tokens = std::vector<std::string>;

// --- Without the dictionary file ------------------------------------------

TEST(BuiltinSegmenter, KeepsRetailWordsWhole) {
  const auto seg = Segmenter::builtin();
  EXPECT_THAT(seg->cut("我要退货"), ElementsAre("我", "要", "退货"));
  EXPECT_TRUE(contains(seg->cut("尺码不合适"), "尺码"));
  EXPECT_TRUE(contains(seg->cut("七天无理由退货"), "七天无理由"));
  EXPECT_THAT(seg->cut("退换货"), ElementsAre("退换货"));
}

TEST(BuiltinSegmenter, IndexModeAddsSubWords) {
  const auto seg = Segmenter::builtin();
  EXPECT_THAT(seg->cut_for_index("退换货"), ElementsAre("换货", "退换货"));
  EXPECT_THAT(seg->cut_for_index("停车场"), ElementsAre("停车", "停车场"));
}

TEST(BuiltinSegmenter, AlnumRuns) {
  const auto seg = Segmenter::builtin();
  // Precise: one token per run; punctuation separates runs.
  EXPECT_THAT(seg->cut("SKU-12345"), ElementsAre("sku", "12345"));
  EXPECT_THAT(seg->cut("sku12345"), ElementsAre("sku12345"));
  EXPECT_THAT(seg->cut("iPhone15手机"), ElementsAre("iphone15", "手", "机"));
  EXPECT_THAT(seg->cut("ｉＰｈｏｎｅ１５"), ElementsAre("iphone15"));
  // Index: the letter/digit parts, then the whole run.
  EXPECT_THAT(seg->cut_for_index("iPhone15"), ElementsAre("iphone", "15", "iphone15"));
  EXPECT_THAT(seg->cut_for_index("A1B2"), ElementsAre("a", "1", "b", "2", "a1b2"));
  EXPECT_THAT(seg->cut_for_index("SKU-12345"), ElementsAre("sku", "12345"));
  // Query: the parts only, so "sku12345" also finds "SKU-12345".
  EXPECT_THAT(seg->cut_for_query("sku12345"), ElementsAre("sku", "12345"));
  EXPECT_THAT(seg->cut_for_query("13800138000"), ElementsAre("13800138000"));
}

TEST(BuiltinSegmenter, DropsPunctuationAndSpace) {
  const auto seg = Segmenter::builtin();
  EXPECT_THAT(seg->cut("退货！！！ 😀 ... 尺码？"), ElementsAre("退货", "尺码"));
  EXPECT_THAT(seg->cut(""), IsEmpty());
  EXPECT_THAT(seg->cut(" ，。!? "), IsEmpty());
}

TEST(BuiltinSegmenter, OtherScriptsAreAlnumRuns) {
  const auto seg = Segmenter::builtin();
  EXPECT_THAT(seg->cut("Café Müller"), ElementsAre("café", "müller"));
  EXPECT_THAT(seg->cut("ありがとう"), ElementsAre("ありがとう"));
}

TEST(BuiltinSegmenter, SurvivesInvalidUtf8) {
  const auto seg = Segmenter::builtin();
  EXPECT_THAT(seg->cut("退\xff货\xe6\x88"), ElementsAre("退", "货"));
}

TEST(BuiltinSegmenter, ConcurrentUseGivesTheSameResult) {
  const auto seg = Segmenter::builtin();
  const std::string text = "我要退货，尺码不合适，停车场在哪里？SKU-12345 iPhone15";
  const Tokens expected = seg->cut_for_index(text);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) mismatches[t] += seg->cut_for_index(text) != expected;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_THAT(mismatches, ElementsAre(0, 0, 0, 0));
}

// --- Loading dictionary files ----------------------------------------------

std::string write_temp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(SegmenterLoad, MissingFileThrowsWithPath) {
  const std::string path = "/nonexistent/kefu/dict.txt";
  try {
    Segmenter::load(path);
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr(path));
  }
}

TEST(SegmenterLoad, FileWithoutWordsThrows) {
  const std::string path = write_temp("kefu_empty_dict.txt", "not a dictionary\n");
  EXPECT_THROW(Segmenter::load(path), std::runtime_error);
}

TEST(SegmenterLoad, ParsesJiebaFormatAndSkipsWhatItCannotUse) {
  const std::string path = write_temp("kefu_small_dict.txt",
                                      "\xEF\xBB\xBF"
                                      "收银 30 v\r\n"  // BOM, CRLF
                                      "收银机 500 n\n"
                                      "AT&T 3 nz\n"  // not Chinese: skipped
                                      "T恤 50 n\n"   // mixed: skipped
                                      "坏行\n"       // no frequency
                                      "零频 0 n\n"   // zero frequency
                                      "收据 x n\n"   // bad frequency
                                      "故障 40");    // no tag, no final newline
  const auto seg = Segmenter::load(path);
  EXPECT_TRUE(seg->is_word("收银"));
  EXPECT_TRUE(seg->is_word("收银机"));
  EXPECT_TRUE(seg->is_word("故障"));
  EXPECT_FALSE(seg->is_word("零频"));
  EXPECT_FALSE(seg->is_word("坏行"));
  EXPECT_TRUE(seg->is_word("退货"));  // retail terms come on top
  EXPECT_THAT(seg->cut("收银机故障"), ElementsAre("收银机", "故障"));
}

// --- With the real jieba dictionary ------------------------------------------

struct CutCase {
  const char* text;
  const char* word;  // expected among the precise tokens
};

TEST(JiebaSegmenter, KeepsWordsWhole) {
  KEFU_REQUIRE_JIEBA(seg);
  EXPECT_GT(seg->word_count(), 300000u);
  const CutCase cases[] = {
      {"我要退货", "退货"},           {"尺码不合适", "尺码"},           {"衣服有色差", "色差"},
      {"停车场收费太贵", "停车场"},   {"会员卡积分没有到账", "积分"},   {"小票丢了还能开发票吗", "小票"},
      {"羽绒服洗了以后起球", "起球"}, {"在洗手间捡到一把雨伞", "雨伞"}, {"收银员态度恶劣我要投诉", "投诉"},
      {"还没收到货", "收到货"},
  };
  for (const auto& c : cases) EXPECT_TRUE(contains(seg->cut(c.text), c.word)) << c.text;
}

TEST(JiebaSegmenter, PreciseModeMatchesJieba) {
  KEFU_REQUIRE_JIEBA(seg);
  // Expected values are what python3-jieba's jieba.cut(text, HMM=False) gives
  // for text without retail terms.
  EXPECT_THAT(seg->cut("他们在商场里逛了一下午"), ElementsAre("他们", "在", "商场", "里", "逛", "了", "一", "下午"));
  EXPECT_THAT(seg->cut("我想把这件衣服换成大一号的"),
              ElementsAre("我", "想", "把", "这件", "衣服", "换成", "大", "一号", "的"));
  EXPECT_THAT(seg->cut("累积分数"), ElementsAre("累积", "分数"));
}

TEST(JiebaSegmenter, MixedText) {
  KEFU_REQUIRE_JIEBA(seg);
  EXPECT_THAT(seg->cut("iPhone15手机屏幕坏了"), ElementsAre("iphone15", "手机", "屏幕", "坏", "了"));
  const Tokens index = seg->cut_for_index("iPhone15手机屏幕坏了");
  for (const char* t : {"iphone", "15", "iphone15", "手机", "屏幕"}) EXPECT_TRUE(contains(index, t)) << t;
}

TEST(JiebaSegmenter, IndexModeAddsShorterWords) {
  KEFU_REQUIRE_JIEBA(seg);
  const Tokens index = seg->cut_for_index("停车场收费太贵");
  EXPECT_TRUE(contains(index, "停车"));
  EXPECT_TRUE(contains(index, "停车场"));
  EXPECT_TRUE(contains(index, "收费"));
  const Tokens long_word = seg->cut_for_index("七天无理由退货");
  EXPECT_TRUE(contains(long_word, "七天"));
  EXPECT_TRUE(contains(long_word, "理由"));
  EXPECT_TRUE(contains(long_word, "无理"));
  EXPECT_TRUE(contains(long_word, "七天无理由"));
}

TEST(JiebaSegmenter, QueryKeepsRareTwoCharacterWords) {
  KEFU_REQUIRE_JIEBA(seg);
  // Alone, the probability model splits the rare word 单号 into 单|号; the
  // query keeps it whole, as it is indexed inside 订单号.
  EXPECT_THAT(seg->cut_for_query("单号"), ElementsAre("单号"));
  EXPECT_TRUE(contains(seg->cut_for_index("订单号是多少"), "单号"));
}

}  // namespace
}  // namespace kefu::text
