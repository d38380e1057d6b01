// How exports write times and stars, and the key that makes a re-import add nothing.
#include "feedback/domain/social_import.hpp"

#include <gtest/gtest.h>

namespace kefu::feedback {
namespace {

// 2026-11-30 14:22:05 in Shanghai = 06:22:05 UTC.
constexpr int64_t kLocal = 1'796'019'725'000;

TEST(PostTime, ReadsTheWaysExportsWriteATimeInChinaTimeUnlessAZoneIsGiven) {
  struct Case {
    const char* text;
    std::optional<int64_t> ms;
  };
  const Case cases[] = {
      {"2026-11-30 14:22:05", kLocal},
      {"2026/11/30 14:22:05", kLocal},
      {"2026年11月30日 14:22:05", kLocal},
      {" 2026-11-30T14:22:05+08:00 ", kLocal},
      {"2026-11-30T06:22:05Z", kLocal},
      {"2026-11-30T01:22:05-05:00", kLocal},
      {"2026-11-30 14:22", kLocal - 5'000},
      {"2026.11.30", kLocal - (14 * 3600 + 22 * 60 + 5) * 1000},
      {"1796019725", kLocal},
      {"1796019725000", kLocal},
      {"2026-11-30 14:22:05.250", kLocal + 250},
      {"3小时前", std::nullopt},
      {"2026-02-30 10:00", std::nullopt},
      {"2026-11-30 25:00", std::nullopt},
      {"30/11/2026", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(parse_post_time(c.text), c.ms) << c.text;
  EXPECT_EQ(parse_post_time("2024-02-29 00:00", 0), 1'709'164'800'000) << "a leap day, at UTC";
}

TEST(Stars, ReadsOneToFiveStarsAndTheFiftyPointScaleAndNothingElse) {
  EXPECT_EQ(parse_stars("4"), 4);
  EXPECT_EQ(parse_stars("4.5"), 5);
  EXPECT_EQ(parse_stars("40"), 4);
  EXPECT_EQ(parse_stars(" 1 "), 1);
  EXPECT_EQ(parse_stars("0"), std::nullopt);
  EXPECT_EQ(parse_stars("6"), std::nullopt);
  EXPECT_EQ(parse_stars("五星"), std::nullopt);
  EXPECT_EQ(parse_stars(""), std::nullopt);
}

TEST(SocialRef, IsThePostsIdOrAStableHashOfAuthorTimeAndText) {
  EXPECT_EQ(social_ref("微博", " 4901 ", "a", "t", "x"), "微博:4901");
  const auto h = social_ref("小红书", "", "小王", "2026-11-30", "停车难");
  EXPECT_EQ(h, social_ref("小红书", "", "小王", "2026-11-30", "停车难"));
  EXPECT_EQ(h.rfind("小红书:#", 0), 0u);
  EXPECT_NE(h, social_ref("小红书", "", "小王", "2026-11-30", "停车难!"));
  EXPECT_NE(h, social_ref("大众点评", "", "小王", "2026-11-30", "停车难"));
  EXPECT_EQ(social_ref("微博", std::string(121, '9'), "a", "t", "x").rfind("微博:#", 0), 0u)
      << "too long an id is hashed";
}

}  // namespace
}  // namespace kefu::feedback
