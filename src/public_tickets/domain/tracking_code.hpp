#pragma once
// The ticket's tracking code (查询码): six characters the customer holds — shown on the
// submit confirmation and in the slip or text message the desk gives them — and asked, with
// the ticket number and the phone, to track a ticket. Not guessable from the number (which
// is sequential): derived from the ticket id with a server key (HMAC-SHA-256, as in
// core/domain/signed_link.hpp), so it needs no storage and every ticket, old or new, has one.
// The alphabet leaves out 0/O and 1/I/L, which are read the wrong way; 31^6 ≈ 9×10^8 codes.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace kefu::ticket {

inline constexpr std::size_t kTrackingCodeLength = 6;

std::string tracking_code(int64_t ticket_id, std::span<const unsigned char> key);

// What the customer typed as a code: upper case, without spaces or dashes; "" when it can
// be no code (wrong length or a character outside the alphabet).
std::string normalize_tracking_code(std::string_view typed);

}  // namespace kefu::ticket
