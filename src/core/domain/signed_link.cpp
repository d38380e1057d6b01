// Signed CSAT links (format in link.hpp).
#include "core/domain/signed_link.hpp"

#include <sodium.h>

#include <charconv>
#include <stdexcept>

#include "core/domain/error.hpp"
#include "core/domain/errors.hpp"

namespace kefu::links {
namespace {

constexpr std::size_t kMacChars =
    sodium_base64_ENCODED_LEN(crypto_auth_hmacsha256_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING) - 1;
// Two 19-digit numbers, two dots and the MAC.
constexpr std::size_t kMaxToken = 19 + 1 + 19 + 1 + kMacChars;

void ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium failed to initialise");
}

void check_key(std::span<const unsigned char> key) {
  if (key.size() != crypto_auth_hmacsha256_KEYBYTES)
    throw std::invalid_argument("CSAT link key must be " + std::to_string(crypto_auth_hmacsha256_KEYBYTES) + " bytes");
}

Error invalid_link() {
  return make_error(
      errors::kInvalidLink,
      {{"what", Text("链接", "link")},
       {"advice", Text("请使用短信或邮件中的完整链接", "please use the complete link from the message")}});
}

// A decimal number without sign or leading zeros that fits int64_t.
bool parse_number(std::string_view s, int64_t& out) {
  if (s.empty() || s.size() > 19 || (s.size() > 1 && s[0] == '0')) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && end == s.data() + s.size();
}

}  // namespace

std::size_t key_size() { return crypto_auth_hmacsha256_KEYBYTES; }

std::vector<unsigned char> new_key() {
  ensure_sodium();
  std::vector<unsigned char> key(crypto_auth_hmacsha256_KEYBYTES);
  randombytes_buf(key.data(), key.size());
  return key;
}

std::string sign(int64_t ticket_id, int64_t expires_at_ms, std::span<const unsigned char> key) {
  check_key(key);
  if (ticket_id <= 0) throw std::invalid_argument("CSAT link: ticket_id must be positive");
  if (expires_at_ms < 0) throw std::invalid_argument("CSAT link: expiry must not be negative");
  ensure_sodium();
  std::string payload = std::to_string(ticket_id) + "." + std::to_string(expires_at_ms);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), key.data());
  char b64[kMacChars + 1];
  sodium_bin2base64(b64, sizeof b64, mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return payload + "." + b64;
}

namespace {

// Whether `mac_text` is the MAC of `payload` under `key`; the comparison is constant-time.
bool mac_matches(std::string_view payload, const unsigned char* mac, std::span<const unsigned char> key) {
  check_key(key);
  return crypto_auth_hmacsha256_verify(mac, reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                                       key.data()) == 0;
}

}  // namespace

Claim verify(std::string_view token, const std::vector<std::vector<unsigned char>>& keys, int64_t now_ms) {
  ensure_sodium();
  if (token.size() > kMaxToken) throw invalid_link();
  auto last_dot = token.rfind('.');
  if (last_dot == std::string_view::npos) throw invalid_link();
  std::string_view payload = token.substr(0, last_dot);
  std::string_view mac_text = token.substr(last_dot + 1);
  if (mac_text.size() != kMacChars) throw invalid_link();

  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  std::size_t mac_len = 0;
  const char* end = nullptr;
  // Strict: no padding, no ignored characters, the unused low bits must be zero, so
  // every MAC has exactly one spelling.
  if (sodium_base642bin(mac, sizeof mac, mac_text.data(), mac_text.size(), nullptr, &mac_len, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      mac_len != sizeof mac || end != mac_text.data() + mac_text.size())
    throw invalid_link();
  // Every key is tried (no early exit), so the time taken does not tell which one signed.
  bool genuine = false;
  for (const auto& key : keys) genuine = mac_matches(payload, mac, key) || genuine;
  if (!genuine) throw invalid_link();

  // Genuine from here on: the payload is what sign wrote.
  auto dot = payload.find('.');
  Claim claim;
  if (dot == std::string_view::npos || !parse_number(payload.substr(0, dot), claim.ticket_id) ||
      !parse_number(payload.substr(dot + 1), claim.expires_at_ms))
    throw invalid_link();
  if (now_ms >= claim.expires_at_ms) throw make_error(errors::kLinkExpired);
  return claim;
}

Claim verify(std::string_view token, std::span<const unsigned char> key, int64_t now_ms) {
  check_key(key);
  return verify(token, std::vector<std::vector<unsigned char>>{{key.begin(), key.end()}}, now_ms);
}

}  // namespace kefu::links
