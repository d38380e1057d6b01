#include "auth/domain/password_policy.hpp"

#include <gtest/gtest.h>

#include "core/domain/error.hpp"

namespace kefu::people {
namespace {

std::string refusal(std::string_view password, std::string_view username = "zhangmin") {
  try {
    check_new_password(password, username, "new_password");
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "new_password");
    return std::string(e.code());
  }
  return "";
}

TEST(PasswordPolicy, LengthBounds) {
  EXPECT_EQ(refusal("Qw3!xy7"), "too_short");
  EXPECT_EQ(refusal("Qw3!xy7z"), "");
  EXPECT_EQ(refusal(std::string(200, 'a') + "bcd"), "too_long");
  EXPECT_EQ(refusal("门店服务台换班交接"), "") << "Chinese passwords count their bytes and pass";
}

TEST(PasswordPolicy, RefusesWhatGuessersTryFirst) {
  EXPECT_EQ(refusal("kefu2026"), "weak_password") << "the demo's password is never a real one";
  EXPECT_EQ(refusal("PASSWORD"), "weak_password") << "case does not help";
  EXPECT_EQ(refusal("12345678"), "weak_password");
  EXPECT_EQ(refusal("abababab"), "weak_password") << "two different characters";
  EXPECT_EQ(refusal("zhangmin2026"), "weak_password") << "the user name inside";
  EXPECT_EQ(refusal("ZhangMin-2026", "zhangmin"), "weak_password");
  EXPECT_EQ(refusal("night-shift-2026"), "");
}

}  // namespace
}  // namespace kefu::people
