#include "core/text/search_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "core/text/char_class.hpp"
#include "core/text/normalize.hpp"
#include "core/text/retail_terms.hpp"
#include "core/text/test_segmenter.hpp"
#include "core/text/utf8.hpp"

namespace kefu::text {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::set<std::string> split(const std::string& doc) {
  std::set<std::string> tokens;
  std::istringstream in(doc);
  for (std::string t; in >> t;) tokens.insert(t);
  return tokens;
}

// What FTS5 does with query_terms ANDed as phrases over an index_document
// column: every term must be one of the document's tokens.
bool finds(const Segmenter& seg, std::string_view document, std::string_view query) {
  const std::set<std::string> index = split(index_document(seg, document));
  const std::vector<std::string> terms = query_terms(seg, query);
  if (terms.empty()) return false;
  for (const auto& t : terms) {
    if (!index.contains(t)) return false;
  }
  return true;
}

std::vector<std::string> code_points(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    utf8::decode(s, pos);
    out.emplace_back(s.substr(start, pos - start));
  }
  return out;
}

TEST(IndexDocument, JoinsIndexTokensWithSingleSpaces) {
  const auto seg = Segmenter::builtin();
  EXPECT_EQ(index_document(*seg, "  停车场，退换货!  "), "停车 停车场 换货 退换货");
  EXPECT_EQ(index_document(*seg, "SKU-12345 / iPhone15"), "sku 12345 iphone 15 iphone15");
  EXPECT_EQ(index_document(*seg, "！？ 。"), "");
}

TEST(QueryTerms, DeduplicatesKeepingOrder) {
  const auto seg = Segmenter::builtin();
  EXPECT_THAT(query_terms(*seg, "尺码 退货 尺码 SKU12345 sku"), ElementsAre("尺码", "退货", "sku", "12345"));
  EXPECT_THAT(query_terms(*seg, " ，。"), IsEmpty());
}

TEST(SearchText, TokensAreNeverSplitAgainByFts5) {
  // unicode61 splits on anything that is not a letter, number or private-use
  // character; every code point of every token must be one of those.
  const auto seg = Segmenter::builtin();
  const std::string text = "退货-尺码_SKU.123 a+b c#  e-mail: x@y.cn ½ ⅷ Ⅻ ①② 〇 々 ㈱ ﬁ é 😀 \u0301 \u200b";
  for (const auto& doc : {index_document(*seg, text)}) {
    for (const auto& token : split(doc)) {
      for (const auto& cp : code_points(token)) {
        std::size_t pos = 0;
        EXPECT_NE(classify(utf8::decode(cp, pos)), CharClass::kOther) << token;
      }
    }
  }
}

TEST(SearchText, MixedCodesFindEachOther) {
  const auto seg = Segmenter::builtin();
  EXPECT_TRUE(finds(*seg, "货号 SKU-12345 缺货", "sku12345"));
  EXPECT_TRUE(finds(*seg, "货号 sku12345 缺货", "SKU-12345"));
  EXPECT_TRUE(finds(*seg, "货号 sku12345 缺货", "12345"));
  EXPECT_TRUE(finds(*seg, "iPhone15屏幕坏了", "iphone 15"));
  EXPECT_TRUE(finds(*seg, "iPhone15屏幕坏了", "IPHONE15"));
  EXPECT_FALSE(finds(*seg, "iPhone14屏幕坏了", "iphone15"));
}

TEST(SearchText, ShortWordsFindLongerOnes) {
  KEFU_REQUIRE_JIEBA(seg);
  EXPECT_TRUE(finds(*seg, "停车场收费太贵", "停车"));
  EXPECT_TRUE(finds(*seg, "停车场收费", "停车"));
  EXPECT_TRUE(finds(*seg, "停车场收费", "停车场"));
  EXPECT_TRUE(finds(*seg, "我要退货", "退货"));
  EXPECT_TRUE(finds(*seg, "尺码不合适，想换大一号", "尺码"));
  EXPECT_TRUE(finds(*seg, "衣服有色差", "色差"));
  EXPECT_TRUE(finds(*seg, "衣服有色差", "衣服 色差"));
  EXPECT_TRUE(finds(*seg, "小票丢了还能开发票吗", "发票"));
  EXPECT_TRUE(finds(*seg, "一个星期了还没收到货", "收到"));
  EXPECT_TRUE(finds(*seg, "iPhone15手机屏幕坏了", "手机屏幕"));
  EXPECT_FALSE(finds(*seg, "停车场收费太贵", "退货"));
}

TEST(SearchText, WordsAcrossAWordBoundaryAreNotMatched) {
  KEFU_REQUIRE_JIEBA(seg);
  // 累积|分数 contains the characters of 积分 but not the word: by design the
  // index holds words and their sub-words, not every character pair.
  EXPECT_FALSE(finds(*seg, "累积分数", "积分"));
}

// Recall property. For a 2-character dictionary word that occurs in a
// sentence as a word -- inside one precise token, or as two single-character
// tokens -- a query for it finds the sentence. (A pair of characters cut by a
// word boundary, like 积分 in 累积|分数, is deliberately not a match.) Retail
// terms of 2 characters must be found wherever they occur in these sentences
// (longer ones may overlap each other: 七天无理由|退货 hides 无理由退货).
TEST(SearchText, TwoCharacterWordsInASentenceFindIt) {
  KEFU_REQUIRE_JIEBA(seg);
  const char* sentences[] = {
      "我要退货，尺码不合适",
      "停车场收费太贵了，会员能免费停车吗",
      "衣服有色差，洗了一次就掉色起球",
      "收银台多收了钱，小票上的价格和价签不一样",
      "在三楼洗手间捡到一把黑色雨伞",
      "婴儿车和轮椅可以在总服务台借用",
      "买的牛奶还没到保质期就变质了，要求赔偿",
      "快递一个星期了还没收到货，订单号是多少",
      "导购态度恶劣，我要投诉到消费者协会",
      "会员卡积分没有到账，储值卡余额不对",
      "七天无理由退货需要保留吊牌和包装",
      "空调安装师傅上门安装时把墙弄坏了",
      "电梯和扶梯都停了，出入口在哪里",
      "这件羽绒服开线了，能不能免费维修",
  };
  std::set<std::string> retail(retail_terms().begin(), retail_terms().end());
  int checked = 0;
  for (const char* sentence : sentences) {
    const std::set<std::string> index = split(index_document(*seg, sentence));
    const auto expect_found = [&](const std::string& word, const char* why) {
      ++checked;
      for (const auto& term : query_terms(*seg, word)) {
        EXPECT_TRUE(index.contains(term)) << why << " " << word << " (term " << term << ") in " << sentence;
      }
    };
    // Words as the segmenter sees them.
    const std::vector<std::string> tokens = seg->cut(sentence);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const auto chars = code_points(tokens[i]);
      for (std::size_t k = 0; k + 2 <= chars.size(); ++k) {
        const std::string pair = chars[k] + chars[k + 1];
        if (seg->is_word(pair)) expect_found(pair, "word inside a token:");
      }
      if (i + 1 < tokens.size() && chars.size() == 1 && code_points(tokens[i + 1]).size() == 1) {
        const std::string pair = tokens[i] + tokens[i + 1];
        if (seg->is_word(pair)) expect_found(pair, "word of two single characters:");
      }
    }
    // 2-character retail terms anywhere in the text.
    const auto chars = code_points(normalize(sentence));
    for (std::size_t k = 0; k + 2 <= chars.size(); ++k) {
      const std::string pair = chars[k] + chars[k + 1];
      if (retail.contains(pair)) expect_found(pair, "retail term:");
    }
  }
  EXPECT_GT(checked, 60);  // the property was exercised
}

}  // namespace
}  // namespace kefu::text
