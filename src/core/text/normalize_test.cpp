#include "core/text/normalize.hpp"

#include <gtest/gtest.h>

#include <string>

namespace kefu::text {
namespace {

struct NormalizeCase {
  std::string input;
  std::string expected;
};

TEST(Normalize, Table) {
  const NormalizeCase cases[] = {
      {"ＡＢＣ１２３", "abc123"},                           // full width -> half width, folded
      {"Ｓｋｕ－１２３４５", "sku-12345"},                  // full-width hyphen too
      {"iPhone 15 PRO", "iphone 15 pro"},                   // case folding
      {"Straße", "strasse"},                                // full case folding, not just lower-casing
      {"我要退货", "我要退货"},                             // Chinese unchanged
      {"  停车场\t\n 收费　　太贵  ", "停车场 收费 太贵"},  // whitespace runs, ideographic space, trim
      {"a\x01\x7f b", "a b"},                               // control characters count as white space
      {"退\u200b货", "退货"},                               // zero-width space removed
      {"①号柜台", "1号柜台"},                               // compatibility forms
      {"", ""},
      {" \t\r\n", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(normalize(c.input), c.expected) << c.input;
}

TEST(Normalize, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(normalize("ab\xff"
                      "cd"),
            "ab\uFFFD"
            "cd");
  EXPECT_EQ(normalize("\xe6\x88"), "\uFFFD");                  // truncated 我 (E6 88 91): one maximal subpart
  EXPECT_EQ(normalize("\xc0\x80"), "\uFFFD\uFFFD");            // overlong NUL: two ill-formed bytes
  EXPECT_EQ(normalize("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(normalize("退\x80货"), "退\uFFFD货");
}

TEST(Normalize, NeverProducesInvalidUtf8) {
  // Every single byte, and every pair of a lead byte with a following byte.
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    EXPECT_TRUE(is_valid_utf8(normalize(one))) << a;
    for (int b = 0x80; b < 256; b += 7) {
      const std::string two = {static_cast<char>(a), static_cast<char>(b), 'x'};
      EXPECT_TRUE(is_valid_utf8(normalize(two))) << a << " " << b;
    }
  }
}

TEST(IsValidUtf8, Strict) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("abc"));
  EXPECT_TRUE(is_valid_utf8("退货 SKU-12345"));
  EXPECT_TRUE(is_valid_utf8("\xf0\x9f\x98\x80"));  // U+1F600
  EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF
  EXPECT_TRUE(is_valid_utf8(std::string("a\0b", 3)));
  EXPECT_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(is_valid_utf8("\xc0\x80"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xe0\x80\xaf"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xf5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("\xe6\x88"));  // truncated
  EXPECT_FALSE(is_valid_utf8("ok\xff"));
}

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("我要退货"), 4u);
  EXPECT_EQ(utf8_length("\xf0\x9f\x98\x80"), 1u);
  EXPECT_EQ(utf8_length("a\xff"
                        "b"),
            3u);  // a bad byte counts as one
  EXPECT_EQ(utf8_length("\xe6\x88"
                        "a"),
            2u);  // a truncated sequence counts as one
}

}  // namespace
}  // namespace kefu::text
