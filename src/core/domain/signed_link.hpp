#pragma once
// Signed, expiring links to one ticket: the satisfaction survey (满意度评价链接,
// callbacks/app/csat.hpp) and the customer's access to their own ticket
// (public_tickets/app/public_tickets.hpp), each signed with its own server key. A link
// carries the ticket id and its expiry, signed with HMAC-SHA-256, so the page needs no
// login and no stored token: whoever holds the link reaches that ticket until it expires.
//
// Token: "<ticket_id>.<expires_at_ms>.<mac>" where mac = base64url without padding of
// HMAC-SHA-256(key, "<ticket_id>.<expires_at_ms>"), decimal numbers without sign or
// leading zeros. Every character is URL-safe ([0-9A-Za-z_.-]); at most 83 characters.
// The ids are readable but cannot be changed without the key.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::links {

// The key length (crypto_auth_hmacsha256_KEYBYTES, 32 bytes).
std::size_t key_size();

// A fresh random key of key_size() bytes.
std::vector<unsigned char> new_key();

// Throws std::invalid_argument (a programmer error) for a key of the wrong size, a
// ticket_id <= 0 or a negative expiry.
std::string sign(int64_t ticket_id, int64_t expires_at_ms, std::span<const unsigned char> key);

struct Claim {
  int64_t ticket_id = 0;
  int64_t expires_at_ms = 0;
  friend bool operator==(const Claim&, const Claim&) = default;
};

// The claim of a link signed with `key`. Throws kefu::Error:
//   forbidden, code invalid_link: malformed, wrong length, or the MAC does not match
//     (compared in constant time); the same answer for every such case;
//   gone, code link_expired: a genuine link at or after its expiry (now_ms >= expires_at).
// The MAC is checked first, so a forged token never learns whether its expiry has passed.
// Throws std::invalid_argument for a key of the wrong size.
Claim verify(std::string_view token, std::span<const unsigned char> key, int64_t now_ms);

// The same with every key that may have signed the link (the key ring of one purpose after
// rotations, core/domain/key_ring.hpp): genuine when any key's MAC matches. No key at all
// = invalid_link (no link was ever signed).
Claim verify(std::string_view token, const std::vector<std::vector<unsigned char>>& keys, int64_t now_ms);

}  // namespace kefu::links
