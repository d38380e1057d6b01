#pragma once
// What a new password must be (a person's own choice, or an admin's temporary one): 8 to
// 200 characters, not the user name, not one of the passwords every guesser tries first
// (the demo's kefu2026 among them), and more than one or two distinct characters.
// Throws too_short, too_long or weak_password with the reason.
#include <string_view>

namespace kefu::people {

inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 200;

// `field` names the request field in the error.
void check_new_password(std::string_view password, std::string_view username, std::string_view field);

}  // namespace kefu::people
