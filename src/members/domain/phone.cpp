#include "members/domain/phone.hpp"

namespace kefu::people {

std::optional<std::string> normalize_phone(std::string_view raw) {
  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < raw.size();) {
    unsigned char c = raw[i];
    if (c >= '0' && c <= '9') {
      digits += static_cast<char>(c);
      ++i;
    } else if (c == 0xEF && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xBC &&
               static_cast<unsigned char>(raw[i + 2]) >= 0x90 && static_cast<unsigned char>(raw[i + 2]) <= 0x99) {
      digits += static_cast<char>('0' + (static_cast<unsigned char>(raw[i + 2]) - 0x90));  // U+FF10..U+FF19
      i += 3;
    } else if (c == 0xEF && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xBC &&
               static_cast<unsigned char>(raw[i + 2]) == 0x8B) {
      plus = digits.empty();  // full-width plus
      i += 3;
    } else if (c == '+' && digits.empty()) {
      plus = true;
      ++i;
    } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
      ++i;
    } else if (c == 0xE3 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
               static_cast<unsigned char>(raw[i + 2]) == 0x80) {
      i += 3;  // ideographic space
    } else {
      return std::nullopt;
    }
  }
  if (digits.starts_with("0086") && digits.size() == 15) digits.erase(0, 4);
  if (digits.starts_with("86") && digits.size() == 13) digits.erase(0, 2);
  (void)plus;
  if (digits.size() < 5 || digits.size() > 15) return std::nullopt;
  if (digits.size() == 11 && digits[0] == '1' && (digits[1] < '3' || digits[1] > '9')) return std::nullopt;
  return digits;
}

std::string mask_phone(std::string_view p) {
  if (p.size() == 11) return std::string(p.substr(0, 3)) + "****" + std::string(p.substr(7));
  if (p.size() <= 5) return std::string(p.size(), '*');
  return std::string(p.substr(0, 3)) + std::string(p.size() - 5, '*') + std::string(p.substr(p.size() - 2));
}

}  // namespace kefu::people
