#include "auth/domain/password_policy.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>

#include "auth/domain/errors.hpp"
#include "core/domain/errors.hpp"

namespace kefu::people {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The first guesses of every password list, and this product's own demo password.
constexpr std::array<std::string_view, 16> kCommon{
    "12345678", "123456789", "1234567890", "87654321", "password", "password1", "qwertyui", "qwerty123",
    "11111111", "88888888",  "66666666",   "abc12345", "iloveyou", "admin123",  "kefu2026", "a1234567"};

}  // namespace

void check_new_password(std::string_view password, std::string_view username, std::string_view field_name) {
  const std::string field(field_name);
  const Text what("密码", "the password");
  if (password.size() < kMinPasswordLength)
    throw make_error(errors::kTooShort, {{"what", what}, {"min", static_cast<int64_t>(kMinPasswordLength)}}, field);
  if (password.size() > kMaxPasswordLength)
    throw make_error(errors::kTooLong, {{"what", what}, {"max", static_cast<int64_t>(kMaxPasswordLength)}}, field);
  const auto l = lower(password);
  if (!username.empty() && l.find(lower(username)) != std::string::npos)
    throw make_error(errors::kWeakPassword, {{"problem", Text("包含用户名", "it contains the user name")}}, field);
  if (std::find(kCommon.begin(), kCommon.end(), l) != kCommon.end())
    throw make_error(errors::kWeakPassword,
                     {{"problem", Text("是最常见的密码之一", "it is one of the most common passwords")}}, field);
  if (std::set<char>(password.begin(), password.end()).size() < 4)
    throw make_error(errors::kWeakPassword,
                     {{"problem", Text("不同的字符太少", "it has too few different characters")}}, field);
}

}  // namespace kefu::people
