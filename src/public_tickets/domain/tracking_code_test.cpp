#include "public_tickets/domain/tracking_code.hpp"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace kefu::ticket {
namespace {

std::vector<unsigned char> key(unsigned char fill) { return std::vector<unsigned char>(32, fill); }

TEST(TrackingCode, SixReadableCharactersFixedPerTicketAndKey) {
  const auto k = key(7);
  const auto code = tracking_code(42, k);
  EXPECT_EQ(code.size(), kTrackingCodeLength);
  EXPECT_EQ(code.find_first_of("01ILO"), std::string::npos) << code;
  EXPECT_EQ(tracking_code(42, k), code);
  EXPECT_NE(tracking_code(42, key(8)), code) << "another installation's key";
}

TEST(TrackingCode, NeighbouringTicketsShareNoPattern) {
  const auto k = key(1);
  std::set<std::string> codes;
  for (int64_t id = 1; id <= 2000; ++id) codes.insert(tracking_code(id, k));
  EXPECT_GE(codes.size(), 1995u) << "sequential ids give unrelated codes";
}

TEST(TrackingCode, TypedCodesAreNormalised) {
  EXPECT_EQ(normalize_tracking_code("ab3-k9x"), "AB3K9X");
  EXPECT_EQ(normalize_tracking_code("ab3 k9x"), "AB3K9X");
  EXPECT_EQ(normalize_tracking_code("AB3-K9X"), "AB3K9X");
  EXPECT_EQ(normalize_tracking_code("AB3K9"), "") << "too short";
  EXPECT_EQ(normalize_tracking_code("AB3K9XY"), "") << "too long";
  EXPECT_EQ(normalize_tracking_code("AB0K9X"), "") << "0 is not in the alphabet";
  EXPECT_EQ(normalize_tracking_code("ＡB3K9X"), "") << "full-width letters are not";
}

}  // namespace
}  // namespace kefu::ticket
