// The spread of a calibration session: per item and for the total.
#include "quality/domain/calibration.hpp"

#include <gtest/gtest.h>

namespace kefu::quality {
namespace {

TEST(QaCalibration, SpreadPerItemAndTotal) {
  Scorecard card{"chat", {{"a", "A", "", 50, false}, {"b", "B", "", 50, false}, {"red", "R", "", 0, true}}};
  std::vector<std::vector<Mark>> marks = {
      {{"a", "pass"}, {"b", "pass"}, {"red", "pass"}},
      {{"a", "partial", 25}, {"b", "pass"}, {"red", "pass"}},
      {{"a", "fail"}, {"b", "na"}, {"red", "fail"}},
  };
  auto s = spread(card, marks);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].item, "a");
  EXPECT_EQ(s[0].shares_x10, (std::vector<int>{1000, 500, 0}));
  EXPECT_EQ(s[0].range_x10, 1000);
  EXPECT_DOUBLE_EQ(s[0].stddev, 40.8);
  EXPECT_EQ(s[1].shares_x10, (std::vector<int>{1000, 1000}));  // N/A left out
  EXPECT_EQ(s[1].range_x10, 0);
  EXPECT_DOUBLE_EQ(s[1].stddev, 0);
  EXPECT_EQ(s[2].shares_x10, (std::vector<int>{1000, 1000, 0}));
  EXPECT_EQ(s[3].item, "");
  EXPECT_EQ(s[3].shares_x10, (std::vector<int>{1000, 750, 0}));
  EXPECT_EQ(s[3].range_x10, 1000);
}

}  // namespace
}  // namespace kefu::quality
