#include "public_tickets/domain/tracking_code.hpp"

#include "core/domain/signed_link.hpp"

namespace kefu::ticket {
namespace {

// 31 characters: the digits 2-9 and the letters but I, L and O.
constexpr std::string_view kCodeChars = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

int base64url_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  return c == '-' ? 62 : 63;
}

}  // namespace

std::string tracking_code(int64_t ticket_id, std::span<const unsigned char> key) {
  const auto link = links::sign(ticket_id, 0, key);
  const auto mac = std::string_view(link).substr(link.rfind('.') + 1);
  // Each base64url character carries 6 uniform bits; two of them pick one of 31 characters
  // with a bias below 1%, which costs nothing that matters here.
  std::string code;
  for (std::size_t i = 0; code.size() < kTrackingCodeLength && i + 1 < mac.size(); i += 2) {
    const int v = base64url_value(mac[i]) * 64 + base64url_value(mac[i + 1]);
    code += kCodeChars[static_cast<std::size_t>(v) % kCodeChars.size()];
  }
  return code;
}

std::string normalize_tracking_code(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kCodeChars.find(c) == std::string_view::npos) return "";
    out += c;
  }
  return out.size() == kTrackingCodeLength ? out : "";
}

}  // namespace kefu::ticket
