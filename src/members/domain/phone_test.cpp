#include "members/domain/phone.hpp"

#include <gtest/gtest.h>

namespace kefu::people {

TEST(Phone, NormalisesWhatCustomersType) {
  const std::pair<const char*, const char*> cases[] = {
      {"13800138000", "13800138000"},
      {"138 0013 8000", "13800138000"},
      {"+86 138-0013-8000", "13800138000"},
      {"0086 13800138000", "13800138000"},
      {"８６１３８００１３８０００", "13800138000"},
      {"１３８　００１３　８０００", "13800138000"},
      {"(021) 6234-5678", "02162345678"},
  };
  for (auto [raw, want] : cases) {
    auto got = normalize_phone(raw);
    ASSERT_TRUE(got.has_value()) << raw;
    EXPECT_EQ(*got, want) << raw;
  }
}

TEST(Phone, RejectsWhatIsNotAPhone) {
  for (const char* raw : {"", "abc", "1234", "12012345678", "138001380001234567", "138-0013-800x"})
    EXPECT_FALSE(normalize_phone(raw).has_value()) << raw;
}

TEST(Phone, MasksTheMiddle) {
  EXPECT_EQ(mask_phone("13812345678"), "138****5678");
  EXPECT_EQ(mask_phone("02162345678"), "021****5678");
  EXPECT_EQ(mask_phone("6234567"), "623**67");
}

}  // namespace kefu::people
