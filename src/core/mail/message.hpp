#pragma once
// RFC 5322 message formatting for SmtpMailer, kept pure (time and Message-ID are
// passed in) so the exact bytes can be unit-tested.
#include <chrono>
#include <string>
#include <string_view>

#include "core/mail/smtp.hpp"

namespace kefu::notify {

// The whole message, CRLF line ends, ready for SMTP DATA: Date (UTC), From with the
// encoded display name, To, Subject (RFC 2047), Message-ID, MIME-Version, a
// text/plain UTF-8 body in base64 lines of 76 characters. With an HTML body or
// attachments the body is multipart: multipart/alternative (text, then HTML) inside
// multipart/mixed with one base64 part per attachment (Content-Disposition attachment,
// the name as RFC 2231 filename* and an RFC 2047 name); the boundaries start with "=_",
// which base64 never holds. A plain-text email is byte-for-byte what it was. message_id is given
// without angle brackets ("id@host"). Throws std::invalid_argument when `to`,
// `from`, the subject or message_id holds CR, LF or NUL, or `to`/`from` is not a
// plausible address, or an attachment's name or type holds CR, LF or NUL.
std::string build_message(const SmtpConfig& config, const Email& email, std::chrono::system_clock::time_point now,
                          std::string message_id);

// RFC 2047 "=?UTF-8?B?...?=" encoded-words, each at most 75 characters and never
// splitting a UTF-8 character, joined by CRLF SPACE (header folding). Empty input
// gives an empty string.
std::string encode_header_word(std::string_view utf8);

// "Sat, 22 Nov 2026 08:00:00 +0000" (RFC 5322 date-time, UTC, English names).
std::string rfc5322_date(std::chrono::system_clock::time_point t);

// Standard base64 (with padding) of the bytes, via libsodium.
std::string base64(std::string_view bytes);

}  // namespace kefu::notify
