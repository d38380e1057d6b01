// Attachments packed into one outbox value and back, byte for byte (a binary XLSX too).
#include "notifications/domain/attachments.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kefu::notify {
namespace {

TEST(OutboxAttachments, PackAndUnpackEveryLength) {
  std::string bytes;
  for (int n = 0; n < 260; ++n) {
    const std::vector<Attachment> files = {{"周报.xlsx", "application/x", bytes}, {"b.csv", "text/csv", "a,b\r\n"}};
    const auto back = unpack_attachments(pack_attachments(files));
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].name, "周报.xlsx");
    EXPECT_EQ(back[0].bytes, bytes) << n;
    EXPECT_EQ(back[1].bytes, "a,b\r\n");
    bytes += static_cast<char>(n * 7 + 3);
  }
  EXPECT_EQ(pack_attachments({{"a", "t", "hi"}}), "a\tt\taGk=\n");
}

TEST(OutboxAttachments, RefusesWhatCannotBeALine) {
  EXPECT_TRUE(unpack_attachments("").empty());
  EXPECT_THROW(pack_attachments({{"a\tb", "x", "y"}}), std::invalid_argument);
  EXPECT_THROW(pack_attachments({{"a", "x\ny", "y"}}), std::invalid_argument);
  EXPECT_THROW(unpack_attachments("no tabs\n"), std::invalid_argument);
  EXPECT_THROW(unpack_attachments("a\tb\t@@@@\n"), std::invalid_argument);
  EXPECT_THROW(unpack_attachments("a\tb\tabc\n"), std::invalid_argument);
}

}  // namespace
}  // namespace kefu::notify
