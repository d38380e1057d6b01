#pragma once
// Mainland China phone numbers as customers give them: "138 0013 8000",
// "+86 13800138000", "８６-138-0013-8000" (full width). Stored normalised.
#include <optional>
#include <string>
#include <string_view>

namespace kefu::people {

// Digits only, full-width digits converted, separators (space, -, ., parentheses)
// dropped, a leading +86/0086/86 country code removed from 13-digit numbers.
// nullopt when the result is not a plausible number (5–15 digits; 11 digits
// starting with 1 for mobiles).
std::optional<std::string> normalize_phone(std::string_view raw);

// 138****5678 for 11-digit mobiles; other numbers keep the first 3 and last 2 digits.
std::string mask_phone(std::string_view normalized);

}  // namespace kefu::people
