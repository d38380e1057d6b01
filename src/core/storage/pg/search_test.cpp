// fts_words: the words FTS5's unicode61 tokenizer makes of our tokens (no server).
#include "core/storage/pg/search.hpp"

#include <gtest/gtest.h>

namespace kefu::storage::pg {
namespace {

TEST(FtsWords, AsciiLettersAndDigitsAreWordsLowercased) {
  EXPECT_EQ(fts_words("Refund REFUND refund"), "refund refund refund");
  EXPECT_EQ(fts_words("abc123 x9"), "abc123 x9");
}

TEST(FtsWords, EveryOtherAsciiCharacterSeparates) {
  EXPECT_EQ(fts_words("SKU-12345"), "sku 12345");
  EXPECT_EQ(fts_words("299.00"), "299 00");
  EXPECT_EQ(fts_words("a_b/c\"d'e(f)g*h:i@j.com"), "a b c d e f g h i j com");
  EXPECT_EQ(fts_words("  lots \t of\n\nspace  "), "lots of space");
}

TEST(FtsWords, ChineseWordsStayWhole) {
  EXPECT_EQ(fts_words("停车 停车场 收费"), "停车 停车场 收费");
  EXPECT_EQ(fts_words("299元 3楼 abc中文"), "299元 3楼 abc中文");
}

TEST(FtsWords, CjkAndGeneralPunctuationSeparate) {
  EXPECT_EQ(fts_words("退货，尺码"), "退货 尺码");             // U+FF0C full-width comma
  EXPECT_EQ(fts_words("退货。尺码、停车"), "退货 尺码 停车");  // U+3002, U+3001
  EXPECT_EQ(fts_words("「退货」"), "退货");                    // U+300C, U+300D
  EXPECT_EQ(fts_words("退货　尺码"), "退货 尺码");             // U+3000 ideographic space
  EXPECT_EQ(fts_words("退货—尺码…停车"), "退货 尺码 停车");    // U+2014, U+2026
  EXPECT_EQ(fts_words("退货：尺码！"), "退货 尺码");           // U+FF1A, U+FF01
  EXPECT_EQ(fts_words("a\u200Bb"), "a b");                     // zero-width space (U+200B)
}

TEST(FtsWords, FullWidthLettersAndDigitsAreWordCharacters) {
  EXPECT_EQ(fts_words("ＡＢＣ１２３"), "ＡＢＣ１２３");  // U+FF21…, U+FF11…: not in the separating ranges
}

TEST(FtsWords, NothingToSearchIsEmpty) {
  EXPECT_EQ(fts_words(""), "");
  EXPECT_EQ(fts_words("-"), "");
  EXPECT_EQ(fts_words("，。、"), "");
  EXPECT_EQ(fts_words("\"\""), "");
}

TEST(FtsWords, IllFormedUtf8SeparatesAndNeverReachesTheOutput) {
  EXPECT_EQ(fts_words("ab\xFF"
                      "cd"),
            "ab cd");
  EXPECT_EQ(fts_words("ab\xE5\x81"), "ab");  // truncated 停
  EXPECT_EQ(fts_words("\xC0\xAF"
                      "x"),
            "x");                              // overlong '/'
  EXPECT_EQ(fts_words("\xED\xA0\x80y"), "y");  // a surrogate
  EXPECT_EQ(fts_words("停\xE5\x81"), "停");
}

}  // namespace
}  // namespace kefu::storage::pg
