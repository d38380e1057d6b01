#include "callbacks/domain/rating.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"

namespace kefu::csat {
namespace {

std::string times(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(CsatRating, Checks) {
  struct Row {
    const char* story;
    int rating;
    std::string comment;
    const char* code;  // nullptr: accepted
    const char* field;
  };
  const Row rows[] = {
      {"lowest", 1, "", nullptr, nullptr},
      {"highest with a comment", 5, "服务很好，谢谢！", nullptr, nullptr},
      {"zero", 0, "", "invalid_rating", "rating"},
      {"six", 6, "", "invalid_rating", "rating"},
      {"negative", -1, "", "invalid_rating", "rating"},
      {"500 Chinese characters (1500 bytes)", 3, times("好", 500), nullptr, nullptr},
      {"501 Chinese characters", 3, times("好", 501), "too_long", "comment"},
      {"500 ASCII characters", 3, times("a", 500), nullptr, nullptr},
      {"501 ASCII characters", 3, times("a", 501), "too_long", "comment"},
      {"500 emoji (4 bytes each)", 3, times("\xF0\x9F\x98\x80", 500), nullptr, nullptr},
      {"ill-formed UTF-8", 3, "\xE5\xA5", "invalid_utf8", "comment"},
      {"the rating is checked first", 9, times("好", 501), "invalid_rating", "rating"},
  };
  for (const auto& r : rows) {
    try {
      check_rating(r.rating, r.comment);
      EXPECT_EQ(r.code, nullptr) << r.story << ": accepted";
    } catch (const Error& e) {
      ASSERT_NE(r.code, nullptr) << r.story << ": " << e.what();
      EXPECT_EQ(e.kind(), Error::Kind::invalid_input) << r.story;
      EXPECT_EQ(e.code(), r.code) << r.story;
      EXPECT_EQ(e.field(), r.field) << r.story;
      EXPECT_FALSE(e.message_zh().empty()) << r.story;
    }
  }
}

TEST(CsatRating, LowRatingsNeedServiceRecovery) {
  const std::pair<int, bool> rows[] = {{1, true}, {2, true}, {3, false}, {4, false}, {5, false}};
  for (auto [rating, recover] : rows) EXPECT_EQ(needs_service_recovery(rating), recover) << rating;
}

}  // namespace
}  // namespace kefu::csat
